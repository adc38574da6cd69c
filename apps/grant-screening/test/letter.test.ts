import { describe, expect, it } from 'vitest'
import { explain, parseApplicationOrThrow, screen, type ApplicationInput } from '@vbe/core/grants'
import { escapeHtml, parseExplanation, pdfSafeText, renderLetterHtml, renderLetterPdf, type LetterInput } from '../src/letter/index.js'
import { installedPlugins } from '../src/plugins.js'

const HOSTILE = '<img src=x onerror=alert(1)>'

const application: ApplicationInput = {
  id: 'app-2026-0042',
  programme: 'rinkeby-kista/foreningsbidrag',
  amountRequested: 50000,
  association: {
    name: 'Kista Ungdomsförening',
    organisationNumber: '802400-1235',
    activitySince: '2019-03-01',
    bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
  },
  statutes: { adoptedOn: '2019-03-01', adoptedAtAnnualMeeting: true },
  board: { electedOn: '2026-03-10', electedAtAnnualMeeting: true, auditorElected: true },
  declaration: { democraticPrinciples: true, humanRights: true, genderEquality: true, signedOn: '2026-09-01' },
  evidence: [
    {
      id: 'e1',
      conduct: 'threat',
      actor: 'representative',
      representativeAge: 34,
      withinActivities: true,
      verified: true,
      date: '2026-05-02',
      source: { kind: 'court-judgment' },
    },
  ],
}
const result = screen(parseApplicationOrThrow(application), { on: '2026-11-22', plugins: installedPlugins })

function letter(locale: 'sv' | 'en', patch: Partial<LetterInput> = {}, decision: Partial<LetterInput['decision']> = {}): LetterInput {
  return {
    locale,
    caseId: 'case-17',
    district: 'rinkeby-kista',
    programme: { id: 'rinkeby-kista/foreningsbidrag', name: locale === 'sv' ? 'Föreningsbidrag i Rinkeby-Kista' : 'Association grant, Rinkeby-Kista' },
    association: { name: 'Kista Ungdomsförening', organisationNumber: '802400-1235' },
    amountRequested: 50000,
    decision: {
      kind: 'deny',
      amount: null,
      reasons: 'Rad ett\nRad två\n\nStycke två',
      decidedBy: 'handlaggare.anna',
      decidedAt: '2026-11-22T09:15:00.000Z',
      approvedBy: 'granskare.omar',
      approvedAt: '2026-11-23T10:00:00.000Z',
      ...decision,
    },
    explanation: explain(result, { locale, plugins: installedPlugins }),
    issuedOn: '2026-11-23',
    ...patch,
  }
}

/** WinAnsiEncoding's 0x80–0x9F (Node's TextDecoder reads windows-1252 there as Latin-1). */
const WIN_ANSI_HIGH = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ']

/** The text a PDF shows, from uncompressed content streams: every TJ's hex strings, WinAnsi-decoded, one TJ a line. */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1')
  const out: string[] = []
  for (const tj of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = ''
    for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) for (const byte of Buffer.from(hex[1]!, 'hex')) line += WIN_ANSI_HIGH[byte - 0x80] ?? String.fromCharCode(byte)
    out.push(line)
  }
  return out.join('\n')
}

/** A string as pdfkit writes it in the document information (UTF-16BE with a BOM when not ASCII). */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('latin1')

describe('parseExplanation', () => {
  it('turns explain’s text into a title, headed sections, numbered findings with their sources, and bullet lists', () => {
    const parsed = parseExplanation(explain(result, { locale: 'sv', plugins: installedPlugins }))
    expect(parsed.title).toBe('Prövning av ansökan app-2026-0042 (rinkeby-kista/foreningsbidrag), prövningsdag 2026-11-22')
    expect(parsed.sections.map((s) => s.heading)).toEqual([null, 'Skäl', 'Vad föreningen kan göra', 'Så överklagar ni', 'Källor'])
    const reasons = parsed.sections[1]!
    const findings = reasons.blocks.find((b) => b.kind === 'list')
    expect(findings).toMatchObject({ kind: 'list', ordered: true, items: [{ text: 'Demokrativillkoret (inte uppfyllt) [Underlag: e1]' }] })
    if (findings?.kind !== 'list') throw new Error('no findings')
    const finding = findings.items[0]!
    expect(finding.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'list'])
    expect(finding.blocks[1]).toEqual({ kind: 'heading', text: 'Källor' })
    expect(finding.blocks[2]).toMatchObject({ kind: 'list', ordered: false, items: { length: 3 } })
    expect(parsed.sections[2]!.blocks).toMatchObject([{ kind: 'list', ordered: false, items: { length: 2 } }])
    expect(parsed.sections[3]!.blocks).toEqual([{ kind: 'paragraph', text: expect.stringContaining('laglighetsprövning') }])
  })

  it('keeps text it does not recognise as paragraphs', () => {
    expect(parseExplanation('Rubrik\n\nEn mening.\nSkäl:\n  indragen rad\n- punkt\n\n2. andra')).toEqual({
      title: 'Rubrik',
      sections: [
        { heading: null, blocks: [{ kind: 'paragraph', text: 'En mening.' }] },
        {
          heading: 'Skäl',
          blocks: [
            { kind: 'paragraph', text: 'indragen rad' },
            { kind: 'list', ordered: false, items: [{ text: 'punkt', blocks: [] }] },
            { kind: 'list', ordered: true, items: [{ text: 'andra', blocks: [] }] },
          ],
        },
      ],
    })
  })
})

describe('renderLetterHtml', () => {
  it('is a complete, accessible document in the letter’s language, with no external resources', () => {
    const html = renderLetterHtml(letter('sv'))
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toMatch(/<title>Beslut om föreningsbidrag – Kista Ungdomsförening – Ärende case-17<\/title>/)
    expect(html.match(/<main>/g)).toHaveLength(1)
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain('@media print')
    expect(html).toContain('@page')
    for (const external of ['<script', '<link', '<img', '<iframe', ' src=', ' href=', 'url(', '@import']) expect(html).not.toContain(external)
  })

  it('escapes hostile text everywhere, so it renders as text', () => {
    const html = renderLetterHtml(
      letter(
        'sv',
        {
          caseId: HOSTILE,
          association: { name: HOSTILE, organisationNumber: `"'&` },
          programme: { id: HOSTILE, name: HOSTILE },
          explanation: `Prövning av ansökan ${HOSTILE}\n\nSkäl:\n1. <script>alert(1)</script>\n   ${HOSTILE}\n`,
        },
        { reasons: HOSTILE, decidedBy: HOSTILE, approvedBy: '<b onmouseover=x>' },
      ),
    )
    expect(html).not.toMatch(/<img|<script|<b /i)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;&#39;&amp;')
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it('has Swedish labels in a Swedish letter', () => {
    const html = renderLetterHtml(letter('sv'))
    for (const label of [
      'Stockholms stad',
      'Stadsdelsnämnd: Rinkeby-Kista',
      'Beslut om föreningsbidrag',
      '<dt>Datum</dt><dd><time datetime="2026-11-23">23 november 2026</time></dd>',
      '<dt>Ärende</dt><dd>case-17</dd>',
      '<dt>Bidragsprogram</dt><dd>Föreningsbidrag i Rinkeby-Kista (rinkeby-kista/foreningsbidrag)</dd>',
      '>Mottagare</h2>',
      '<dt>Organisationsnummer</dt><dd>802400-1235</dd>',
      '>Beslut</h2>',
      '>Skäl för beslutet</h2>',
      '>Beslutsfattare</h2>',
      '<dt>Beslutat av</dt><dd>handlaggare.anna, 22 november 2026</dd>',
      '>Prövning mot villkoren</h2>',
      '>Så överklagar ni</h3>',
      '<p class="other-language" lang="en">This decision is also available in English.',
    ])
      expect(html).toContain(label)
    for (const english of ['Recipient', 'Decided by', 'Reasons for the decision', 'How to appeal']) expect(html).not.toContain(english)
  })

  it('has English labels in an English letter', () => {
    const html = renderLetterHtml(letter('en'))
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    for (const label of [
      'City of Stockholm',
      'District committee: Rinkeby-Kista',
      '<h1>Decision on an association grant</h1>',
      '<dt>Date</dt><dd><time datetime="2026-11-23">23 November 2026</time></dd>',
      '<dt>Case</dt><dd>case-17</dd>',
      '>Recipient</h2>',
      '<dt>Organisation number</dt>',
      '>Reasons for the decision</h2>',
      '<dt>Decided by</dt><dd>handlaggare.anna, 22 November 2026</dd>',
      '>Screening against the conditions</h2>',
      '>How to appeal</h3>',
      '<p class="other-language" lang="sv">Beslutet finns också på svenska.',
    ])
      expect(html).toContain(label)
    for (const swedish of ['Mottagare', 'Beslutat av', 'Skäl för beslutet', 'Så överklagar ni']) expect(html).not.toContain(swedish)
  })

  it.each([
    ['sv', 'deny', null, /<strong>Avslag\.<\/strong> Ansökan om 50\s000\skr i bidrag avslås\./],
    ['sv', 'approve', null, /<strong>Bifall\.<\/strong> Föreningen beviljas 50\s000\skr i bidrag\./],
    ['sv', 'partial', 30000, /<strong>Delvis bifall\.<\/strong> Föreningen beviljas 30\s000\skr av sökta 50\s000\skr\./],
    ['en', 'deny', null, /<strong>Denied\.<\/strong> The application for a grant of SEK\s50,000 is denied\./],
    ['en', 'approve', 50000, /<strong>Approved\.<\/strong> The association is granted SEK\s50,000\./],
    ['en', 'partial', 30000, /<strong>Partially approved\.<\/strong> The association is granted SEK\s30,000 of the SEK\s50,000 applied for\./],
  ] as const)('writes the decision in words: %s %s', (locale, kind, amount, sentence) => {
    const html = renderLetterHtml(letter(locale, {}, { kind, amount }))
    expect(html).toMatch(sentence)
    const granted = locale === 'sv' ? '<dt>Beviljat belopp</dt>' : '<dt>Amount granted</dt>'
    if (kind === 'deny') expect(html).not.toContain(granted)
    else expect(html).toContain(granted)
  })

  it('keeps the officer’s paragraphs and lines, and names the second officer only when four eyes applied', () => {
    const html = renderLetterHtml(letter('sv'))
    expect(html).toContain('<p>Rad ett<br>Rad två</p>\n<p>Stycke två</p>')
    expect(html).toContain('<dt>Godkänt av (andra handläggare)</dt><dd>granskare.omar, 23 november 2026</dd>')
    expect(html).toContain('fyraögonsprincipen')
    const single = renderLetterHtml(letter('sv', {}, { approvedBy: null, approvedAt: null }))
    expect(single).not.toContain('Godkänt av')
    expect(single).not.toContain('fyraögonsprincipen')
  })

  it('shows the explanation as headed sections and lists, with the findings, their sources and the appeal', () => {
    const html = renderLetterHtml(letter('sv'))
    expect(html).toContain('<p class="lead">Prövning av ansökan app-2026-0042')
    expect(html).toMatch(/<h3 id="screening-\d+">Skäl<\/h3>/)
    expect(html).toContain('<ol><li><p class="item-title"><strong>Demokrativillkoret (inte uppfyllt) [Underlag: e1]</strong></p>')
    expect(html).toContain('<h4 class="sub">Källor</h4>')
    expect(html).toMatch(/<ul><li>Kommunfullmäktige: Stadens arbete mot våldsbejakande extremism/)
    expect(html).toMatch(/<h3 id="screening-\d+">Så överklagar ni<\/h3>\n<p>Beslutet kan överklagas genom laglighetsprövning/)
  })

  it('falls back to the district id for an unknown district and writes a date it cannot read as given', () => {
    const html = renderLetterHtml(letter('en', { district: 'kungsholmen', issuedOn: '2026-02-30' }))
    expect(html).toContain('District committee: kungsholmen')
    expect(html).toContain('<dt>Date</dt><dd><time datetime="2026-02-30">2026-02-30</time></dd>')
  })
})

describe('renderLetterPdf', () => {
  it('is a PDF with the letter’s text, title, language and page numbers', async () => {
    const pdf = await renderLetterPdf(letter('sv'), { compress: false })
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(raw).toContain('/Lang (sv-SE)')
    expect(raw).toMatch(/\/DisplayDocTitle true/)
    expect(raw).toContain('/MarkInfo')
    expect(raw).toContain(utf16be('Beslut om föreningsbidrag – Kista Ungdomsförening – Ärende case-17'))
    const text = pdfText(pdf)
    for (const line of ['Stockholms stad', 'Kista Ungdomsförening', '802400-1235', 'Avslag. ', 'Skäl för beslutet', 'Så överklagar ni', 'handlaggare.anna, 22 november 2026', 'granskare.omar']) expect(text).toContain(line)
    expect(text).toMatch(/Ansökan om 50\u00a0000\u00a0kr i bidrag avslås\./)
    expect(text).toMatch(/Sida 1 av \d/)
    expect(text).toContain('Stadens arbete mot våldsbejakande extremism – Riktlinjer')
    expect(text).toContain('föreningens verksamhet')
  })

  it('is in English for an English letter', async () => {
    const pdf = await renderLetterPdf(letter('en', {}, { kind: 'partial', amount: 30000 }), { compress: false })
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw).toContain('/Lang (en-GB)')
    const text = pdfText(pdf)
    for (const line of ['City of Stockholm', 'Partially approved. ', 'Amount granted: ', 'SEK\u00a030,000', 'How to appeal', 'Page 1 of ']) expect(text).toContain(line)
  })

  it('compresses by default', async () => {
    const pdf = await renderLetterPdf(letter('sv'))
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toContain('/FlateDecode')
  })

  it('writes hostile text as text, and shows characters the standard fonts lack as ? with a note', async () => {
    const pdf = await renderLetterPdf(letter('sv', { association: { name: `Łódź ${HOSTILE} 北京`, organisationNumber: '802400-1235' } }, { reasons: HOSTILE }), { compress: false })
    const text = pdfText(pdf)
    expect(text).toContain(`Lódz ${HOSTILE} ??`)
    expect(text).toContain('Vissa tecken kan inte visas i PDF-versionen')
  })

  it('numbers every page of a long letter', async () => {
    const reasons = Array.from({ length: 40 }, (_, i) => `Stycke ${i + 1}. ${'Föreningen har lämnat in underlag som handläggaren har gått igenom. '.repeat(4)}`).join('\n\n')
    const text = pdfText(await renderLetterPdf(letter('sv', {}, { reasons }), { compress: false }))
    const pages = Number(/Sida 1 av (\d+)/.exec(text)?.[1])
    expect(pages).toBeGreaterThan(2)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Sida ${n} av ${pages}`)
    expect(text).toContain('Stycke 40.')
  })
})

describe('pdfSafeText', () => {
  it('keeps Swedish and other Latin-1 and WinAnsi text, strips accents the fonts lack, and marks the rest', () => {
    expect(pdfSafeText('Åsa Öberg, Élise – ”citat” €5 § 1')).toEqual({ text: 'Åsa Öberg, Élise – ”citat” €5 § 1', replaced: false })
    expect(pdfSafeText('Łukasz Dvořák\tAyşe')).toEqual({ text: 'Lukasz Dvorák Ayse', replaced: false })
    expect(pdfSafeText('أحمد 😀')).toEqual({ text: '???? ?', replaced: true })
  })
})
