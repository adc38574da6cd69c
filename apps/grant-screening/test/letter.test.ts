import { describe, expect, it } from 'vitest'
import { explainStructured, parseApplicationOrThrow, screen, type ApplicationInput, type Explanation } from '@vbe/core/grants'
import { readPdfText as pdfText } from '@vbe/server-kit/documents'
import { renderLetterHtml, renderLetterPdf, type LetterInput } from '../src/letter/index.js'
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

/** The real explanation with hostile text in its title, a section heading, a finding's heading and reason, and a source. */
function hostileExplanation(): Explanation {
  const real = explainStructured(result, { plugins: installedPlugins })
  const both = (text: string) => ({ sv: text, en: text })
  return {
    ...real,
    title: both(`Prövning av ansökan ${HOSTILE}`),
    sections: real.sections.map((s) => ({
      ...s,
      heading: s.id === 'appeal' ? both('<h2>Rubrik</h2>') : s.heading,
      items: s.items.map((item) =>
        item.kind === 'finding'
          ? {
              ...item,
              heading: both('<script>alert(1)</script>'),
              reason: both(HOSTILE),
              sources: [{ ...item.sources[0]!, title: HOSTILE }],
            }
          : item,
      ),
    })),
  }
}

function letter(locale: 'sv' | 'en', patch: Partial<LetterInput> = {}, decision: Partial<LetterInput['decision']> = {}): LetterInput {
  return {
    locale,
    caseId: 'case-17',
    district: 'rinkeby-kista',
    programme: {
      id: 'rinkeby-kista/foreningsbidrag',
      name: locale === 'sv' ? 'Föreningsbidrag i Rinkeby-Kista' : 'Association grant, Rinkeby-Kista',
    },
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
    explanation: explainStructured(result, { plugins: installedPlugins }),
    issuedOn: '2026-11-23',
    ...patch,
  }
}

/** A string as pdfkit writes it in the document information (UTF-16BE with a BOM when not ASCII). */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('latin1')

describe('renderLetterHtml', () => {
  it('is a complete, accessible document in the letter’s language, with no external resources', () => {
    const html = renderLetterHtml(letter('sv'))
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html).toContain('<meta charSet="utf-8"/>')
    expect(html).toMatch(/<title>Beslut om föreningsbidrag – Kista Ungdomsförening – Ärende case-17<\/title>/)
    expect(html.match(/<main>/g)).toHaveLength(1)
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain('@media print')
    expect(html).toContain('@page')
    for (const external of ['<script', '<link', '<img', '<iframe', ' src=', ' href=', 'url(', '@import'])
      expect(html).not.toContain(external)
  })

  it('escapes hostile text everywhere, so it renders as text', () => {
    const html = renderLetterHtml(
      letter(
        'sv',
        {
          caseId: HOSTILE,
          association: { name: HOSTILE, organisationNumber: `"'&` },
          programme: { id: HOSTILE, name: HOSTILE },
          explanation: hostileExplanation(),
        },
        { reasons: HOSTILE, decidedBy: HOSTILE, approvedBy: '<b onmouseover=x>' },
      ),
    )
    expect(html).not.toMatch(/<img|<script|<b /i)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;&#x27;&amp;')
    expect(html).toContain('&lt;h2&gt;Rubrik&lt;/h2&gt;')
  })

  it('has Swedish labels in a Swedish letter', () => {
    const html = renderLetterHtml(letter('sv'))
    for (const label of [
      'Stockholms stad',
      'Stadsdelsnämnd: Rinkeby-Kista',
      'Beslut om föreningsbidrag',
      '<dt>Datum</dt><dd><time dateTime="2026-11-23">23 november 2026</time></dd>',
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
      '<dt>Date</dt><dd><time dateTime="2026-11-23">23 November 2026</time></dd>',
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
    [
      'en',
      'partial',
      30000,
      /<strong>Partially approved\.<\/strong> The association is granted SEK\s30,000 of the SEK\s50,000 applied for\./,
    ],
  ] as const)('writes the decision in words: %s %s', (locale, kind, amount, sentence) => {
    const html = renderLetterHtml(letter(locale, {}, { kind, amount }))
    expect(html).toMatch(sentence)
    const granted = locale === 'sv' ? '<dt>Beviljat belopp</dt>' : '<dt>Amount granted</dt>'
    if (kind === 'deny') expect(html).not.toContain(granted)
    else expect(html).toContain(granted)
  })

  it('keeps the officer’s paragraphs and lines, and names the second officer only when four eyes applied', () => {
    const html = renderLetterHtml(letter('sv'))
    expect(html).toContain('<p>Rad ett<br/>Rad två</p><p>Stycke två</p>')
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
    expect(html).toMatch(/<h3 id="screening-\d+">Så överklagar ni<\/h3><p>Beslutet kan överklagas genom laglighetsprövning/)
  })

  it('falls back to the district id for an unknown district and writes a date it cannot read as given', () => {
    const html = renderLetterHtml(letter('en', { district: 'kungsholmen', issuedOn: '2026-02-30' }))
    expect(html).toContain('District committee: kungsholmen')
    expect(html).toContain('<dt>Date</dt><dd><time dateTime="2026-02-30">2026-02-30</time></dd>')
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
    for (const line of [
      'Stockholms stad',
      'Kista Ungdomsförening',
      '802400-1235',
      'Avslag. ',
      'Skäl för beslutet',
      'Så överklagar ni',
      'handlaggare.anna, 22 november 2026',
      'granskare.omar',
    ])
      expect(text).toContain(line)
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
    for (const line of ['City of Stockholm', 'Partially approved. ', 'Amount granted: ', 'SEK\u00a030,000', 'How to appeal', 'Page 1 of '])
      expect(text).toContain(line)
  })

  it('compresses by default', async () => {
    const pdf = await renderLetterPdf(letter('sv'))
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toContain('/FlateDecode')
  })

  it('writes hostile text as text, and shows characters the standard fonts lack as ? with a note', async () => {
    const pdf = await renderLetterPdf(
      letter('sv', { association: { name: `Łódź ${HOSTILE} 北京`, organisationNumber: '802400-1235' } }, { reasons: HOSTILE }),
      { compress: false },
    )
    const text = pdfText(pdf)
    expect(text).toContain(`Lódz ${HOSTILE} ??`)
    expect(text).toContain('Vissa tecken kan inte visas i PDF-versionen')
  })

  it('numbers every page of a long letter', async () => {
    const reasons = Array.from(
      { length: 40 },
      (_, i) => `Stycke ${i + 1}. ${'Föreningen har lämnat in underlag som handläggaren har gått igenom. '.repeat(4)}`,
    ).join('\n\n')
    const text = pdfText(await renderLetterPdf(letter('sv', {}, { reasons }), { compress: false }))
    const pages = Number(/Sida 1 av (\d+)/.exec(text)?.[1])
    expect(pages).toBeGreaterThan(2)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Sida ${n} av ${pages}`)
    expect(text).toContain('Stycke 40.')
  })
})
