import { describe, expect, it } from 'vitest'
import { appealFor, exampleApplication, explainStructured, parseApplicationOrThrow, screen, type ApplicationInput } from '@vbe/core/grants'
import { authorityOn, DEFAULT_GRANT_CONDITIONS, defineDistrictPlugin, grantConditionsFor } from '@vbe/core/plugins'
import { readPdfText as pdfText } from '@vbe/server-kit/documents'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { letterModel, renderLetterHtml, renderLetterPdf, type LetterInput } from '../src/letter/index.js'
import { renderCommunicationHtml } from '../src/letter/communication.js'
import { installedPlugins } from '@vbe/districts'

/* The decision letter's content, built from core's structured explanation, in both languages. */

const HOSTILE = '<img src=x onerror=alert(1)>'
const ON = '2026-11-22'

/** Ineligible three ways (over the maximum, account not in the association's name, under two years) plus an unverified tip. */
const failing: ApplicationInput = exampleApplication({
  id: 'app-2026-0099',
  amountRequested: 150_000,
  association: {
    name: 'Kista Ungdomsförening',
    organisationNumber: '802400-1235',
    registeredOn: '2025-09-01',
    activitySince: '2025-09-01',
    bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: false },
  },
  evidence: [
    {
      id: 'tip-7f3a',
      conduct: 'coercion',
      actor: 'organisation',
      withinActivities: true,
      verified: false,
      date: '2026-06-01',
      source: { kind: 'tip', reference: 'Anonymt tips' },
    },
  ],
})
const eligible = screen(parseApplicationOrThrow(exampleApplication()), { on: ON, plugins: installedPlugins })
const ineligible = screen(parseApplicationOrThrow(failing), { on: ON, plugins: installedPlugins })
const programme = installedPlugins.programme('rinkeby-kista/foreningsbidrag')!
const authority = authorityOn(rinkebyKista.authority!, '2026-11-23')!

function letter(kind: 'approve' | 'deny' | 'partial', patch: Partial<LetterInput> = {}, decision: Partial<LetterInput['decision']> = {}) {
  const result = kind === 'approve' ? eligible : ineligible
  const input: LetterInput = {
    caseNumber: 'JÄR 2026/17',
    authority: { name: authority.name, formerName: authority.formerName },
    programme: {
      name: programme.name,
      sources: programme.sources,
      appeal: appealFor(programme).text,
      conditions: grantConditionsFor(programme.conditions),
    },
    association: { name: 'Kista Ungdomsförening', organisationNumber: '802400-1235' },
    amountRequested: result.applicationId === 'app-2026-0099' ? 150_000 : 50_000,
    outcome: result.outcome,
    decision: {
      kind,
      amount: kind === 'partial' ? 60_000 : kind === 'approve' ? 50_000 : null,
      reasons: 'Rad ett\nRad två\n\nStycke två',
      decidedBy: { name: 'Amina Yusuf', title: { sv: 'handläggare', en: 'grant officer' } },
      decidedAt: '2026-11-22T09:15:00.000Z',
      approvedBy: { name: 'Sara Nilsson', title: { sv: 'enhetschef', en: 'head of unit' } },
      approvedAt: '2026-11-23T10:00:00.000Z',
      ...decision,
    },
    explanation: explainStructured(result, { plugins: installedPlugins }),
    relevantEvidence: [],
    reportDue: kind === 'deny' ? null : '2027-03-31',
    issuedOn: '2026-11-23',
    ...patch,
  }
  return input
}
const html = (input: LetterInput, locale: 'sv' | 'en' = 'sv') => renderLetterHtml(letterModel(input, locale))

/** What must never reach a letter: screening boilerplate, ids, usernames and hashes. */
const FORBIDDEN: readonly RegExp[] = [
  /inte ett beslut|not a decision/i,
  /innan (något )?beslut fattas|before (any|a) decision is made/i,
  /Villkoren är inte uppfyllda|conditions are not met/i,
  /Prövning av ansökan|Screening of application|Regelverk|Ruleset/i,
  /rinkeby-kista\/foreningsbidrag|app-2026-\d+/,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
  /\b[0-9a-f]{16,}\b/i,
  /\b[a-z0-9-]+\.(rk|nm)\b/,
  /\[(Underlag|Evidence):/,
]

describe('the decision letter', () => {
  it.each(['sv', 'en'] as const)(
    'is issued by Järva stadsdelsnämnd, formerly Rinkeby-Kista, with the authority’s case number (%s)',
    (locale) => {
      const page = html(letter('deny'), locale)
      if (locale === 'sv') {
        expect(page).toContain('<p class="authority">Järva stadsdelsnämnd (tidigare Rinkeby-Kista stadsdelsnämnd)</p>')
        expect(page).toContain('<dt>Diarienummer</dt><dd>JÄR 2026/17</dd>')
        expect(page).toContain('<dt>Bidragsprogram</dt><dd>Föreningsbidrag i Rinkeby-Kista</dd>')
      } else {
        expect(page).toContain('<p class="authority">Järva District Committee (formerly Rinkeby-Kista District Committee)</p>')
        expect(page).toContain('<dt>Case number</dt><dd>JÄR 2026/17</dd>')
      }
      expect(page).not.toMatch(/Stadsdelsnämnd Rinkeby-Kista|Stadsdelsnämnd: Rinkeby-Kista/)
    },
  )

  it.each([
    ['sv', 'approve'],
    ['sv', 'deny'],
    ['sv', 'partial'],
    ['en', 'approve'],
    ['en', 'deny'],
    ['en', 'partial'],
  ] as const)('carries no screening boilerplate, ids, usernames or hashes (%s, %s)', (locale, kind) => {
    const page = html(letter(kind), locale)
    for (const forbidden of FORBIDDEN) expect(page).not.toMatch(forbidden)
  })

  it('a grant: the decision, the amount, the conditions, the provisions and no failed conditions', () => {
    const page = html(letter('approve'))
    expect(page).toMatch(/<strong>Bifall\.<\/strong> Föreningen beviljas 50\s000\skr i bidrag\./)
    expect(page).toContain('<h3>Villkor för bidraget</h3>')
    expect(page).toContain('Föreningen ska redovisa hur bidraget har använts senast 31 mars 2027.')
    expect(page).toContain(
      '<strong>Föreningsbidrag i Rinkeby-Kista</strong></p><p>Föreningen uppfyller villkoren för bidrag i programmet.</p>',
    )
    expect(page).toContain('<h3>Tillämpade bestämmelser</h3><ul><li>Stadsdelsnämnd: Föreningsstöd i Rinkeby-Kista')
    expect(page).not.toMatch(/inte uppfyllt|Högsta belopp|Demokrativillkoret/)
  })

  it('a denial: the decisive facts are the failed rules with their reasons and provisions (FL 32 §)', () => {
    const page = html(letter('deny'))
    expect(page).toMatch(/<strong>Avslag\.<\/strong> Ansökan om 150\s000\skr i bidrag avslås\./)
    expect(page).not.toContain('Beviljat belopp')
    expect(page).not.toContain('Villkor för bidraget')
    expect(page).toContain('32 § förvaltningslagen')
    const facts = /<h3>Avgörande omständigheter<\/h3><ol>(.*?)<\/ol>/.exec(page)?.[1] ?? ''
    expect(facts.match(/<li>/g)).toHaveLength(3)
    expect(facts).toMatch(/100\s000/)
    expect(page).toMatch(
      /<h3>Tillämpade bestämmelser<\/h3><ul><li>Stadsdelsnämnd: Föreningsstöd i Rinkeby-Kista.*<li>Stadsdelsnämnd: Föreningsstöd i Järva/,
    )
  })

  it('a partial grant: the amount granted of the amount requested, with the conditions and the facts for the rest', () => {
    const en = html(letter('partial'), 'en')
    expect(en).toMatch(
      /<strong>Partially approved\.<\/strong> The association is granted SEK\s60,000 of the SEK\s150,000 applied for\. The rest of the application is denied\./,
    )
    expect(en).toContain('<dt>Amount granted</dt><dd>SEK\u00a060,000</dd>')
    expect(en).toContain('<h3>Conditions of the grant</h3>')
    expect(en).toContain('<h3>Decisive circumstances</h3>')
  })

  it('prints the conditions the programme gives, in both languages, with the report day where the case has one', () => {
    const own = programme.conditions!.items
    expect(own.map((c) => c.id)).toContain('account')
    const sv = html(letter('approve'))
    const conditions = /<h3>Villkor för bidraget<\/h3><ul>(.*?)<\/ul>/.exec(sv)?.[1] ?? ''
    expect(conditions.match(/<li>/g)).toHaveLength(own.length)
    expect(conditions).toContain(
      '<li>Bidraget betalas ut till föreningens bankgiro eller plusgiro, som ska vara registrerat i föreningens namn.</li>',
    )
    expect(conditions).toContain('<li>Föreningen ska redovisa hur bidraget har använts senast 31 mars 2027.</li>')
    expect(conditions).not.toContain('också demokrativillkoret')
    const en = html(letter('partial'), 'en')
    expect(en).toContain(
      '<li>The grant is paid to the association’s bankgiro or plusgiro account, which must be registered in the association’s name.</li>',
    )
    // Without a report day, the report condition says the administration sets it.
    expect(html(letter('approve', { reportDue: null }))).toContain('på det sätt och inom den tid som Järva stadsdelsförvaltning anger.')
  })

  it('prints the city-wide default conditions for a programme that gives none', () => {
    // The same district with a programme that gives no conditions of its own, through the plugin contract.
    const plain = defineDistrictPlugin({
      ...rinkebyKista,
      grantProgrammes: rinkebyKista.grantProgrammes.map(({ conditions, ...p }) => p),
    }).grantProgrammes[0]!
    expect(plain.conditions).toBeUndefined()
    expect(grantConditionsFor(plain.conditions)).toBe(DEFAULT_GRANT_CONDITIONS)
    const input = letter('approve', { programme: { ...letter('approve').programme, conditions: grantConditionsFor(plain.conditions) } })
    const sv = html(input)
    const list = /<h3>Villkor för bidraget<\/h3><ul>(.*?)<\/ul>/.exec(sv)?.[1] ?? ''
    expect(list.match(/<li>/g)).toHaveLength(3)
    expect(list).toContain('<li>Bidraget får bara användas till den verksamhet som ansökan gäller.</li>')
    expect(list).toContain('<li>Föreningen ska redovisa hur bidraget har använts senast 31 mars 2027.</li>')
    expect(list).toContain('också demokrativillkoret, under hela tiden bidraget avser')
    expect(list).not.toContain('bankgiro')
    expect(html(input, 'en')).toContain('<li>The grant may only be used for the activity the application concerns.</li>')
    // A denial sets no conditions, whatever the programme says.
    expect(html(letter('deny'))).not.toContain('Villkor för bidraget')
  })

  it('never quotes evidence that has not been assessed as relevant, and does once it has', () => {
    const unassessed = html(letter('deny'))
    expect(unassessed).not.toMatch(/tips|Anonymt|Demokrativillkoret|tvång/i)
    const assessed = html(letter('deny', { relevantEvidence: ['tip-7f3a'] }))
    expect(assessed).toContain('<strong>Demokrativillkoret</strong>')
    expect(assessed).not.toContain('tip-7f3a')
  })

  it('says a correction or a reconsideration is one, and names the decision it replaces by date and case number', async () => {
    const correction = letter('approve', { replaces: { basis: 'correction', issuedOn: '2026-12-02' } })
    expect(html(correction)).toContain(
      '<strong>Rättelse av beslut.</strong> Detta beslut ersätter beslutet den 2 december 2026 i ärende JÄR 2026/17 (rättelse enligt 36 § förvaltningslagen).',
    )
    expect(html(correction, 'en')).toContain(
      '<strong>Correction of a decision.</strong> This decision replaces the decision of 2 December 2026 in case JÄR 2026/17 (correction under section 36 of the Administrative Procedure Act).',
    )
    const reconsideration = letter('partial', { replaces: { basis: 'reconsideration', issuedOn: '2026-12-02' } })
    expect(html(reconsideration)).toContain('(omprövning enligt 37–38 §§ förvaltningslagen)')
    expect(html(reconsideration, 'en')).toContain('(reconsideration under sections 37–38 of the Administrative Procedure Act)')
    for (const locale of ['sv', 'en'] as const)
      for (const forbidden of FORBIDDEN) expect(html(reconsideration, locale)).not.toMatch(forbidden)
    const pdf = pdfText(await renderLetterPdf(letterModel(correction, 'sv'), { compress: false }))
    expect(pdf.replace(/\s+/g, ' ')).toContain('Detta beslut ersätter beslutet den 2 december 2026 i ärende JÄR 2026/17')
    // A first decision says nothing of the kind.
    for (const input of [letter('approve'), letter('approve', { replaces: null })]) {
      expect(html(input)).not.toMatch(/ersätter beslutet|Rättelse av beslut/)
      expect(letterModel(input, 'sv').revision).toBeNull()
    }
  })

  it('names who decided and who approved, by name and title, never by username', () => {
    const page = html(letter('deny'))
    expect(page).toContain('<dt>Beslutet har fattats av</dt><dd>Amina Yusuf, handläggare, 22 november 2026</dd>')
    expect(page).toContain('<dt>Beslutet har godkänts av</dt><dd>Sara Nilsson, enhetschef, 23 november 2026</dd>')
    expect(page).toContain('fyraögonsprincipen')
    const single = html(letter('deny', {}, { approvedBy: null, approvedAt: null }))
    expect(single).not.toContain('godkänts av')
    expect(single).not.toContain('fyraögonsprincipen')
  })

  it('appeals by the programme’s route: legality review by default, förvaltningsbesvär where the programme says so', () => {
    expect(html(letter('deny'))).toMatch(
      /<h2 id="appeal">Så överklagar ni<\/h2><p>Beslutet kan överklagas genom laglighetsprövning enligt 13 kap\. kommunallagen/,
    )
    const besvar = appealFor({ appealRoute: 'administrative-appeal' }).text
    const page = html(letter('deny', { programme: { ...letter('deny').programme, appeal: besvar } }), 'en')
    expect(page).toContain('(förvaltningsbesvär) under sections 40–47 of the Administrative Procedure Act')
  })

  it('keeps the officer’s paragraphs and lines, and escapes hostile text everywhere', () => {
    expect(html(letter('deny'))).toContain('<h3>Bedömning</h3><div><p>Rad ett<br/>Rad två</p><p>Stycke två</p></div>')
    const page = html(
      letter(
        'deny',
        { caseNumber: HOSTILE, association: { name: HOSTILE, organisationNumber: `"'&` } },
        { reasons: HOSTILE, decidedBy: { name: '<script>alert(1)</script>', title: { sv: '<b onmouseover=x>', en: 'x' } } },
      ),
    )
    expect(page).not.toMatch(/<img|<script|<b /i)
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page).toContain('&quot;&#x27;&amp;')
  })

  it('quotes the officer’s Swedish as Swedish in the English letter, and says so; the Swedish letter adds nothing', async () => {
    const note = 'Quoted as the case officer wrote it, in Swedish, the language of the case.'
    expect(html(letter('deny'), 'en')).toContain(
      `<h3>Assessment</h3><p class="quoted">${note}</p><div lang="sv"><p>Rad ett<br/>Rad två</p><p>Stycke två</p></div>`,
    )
    expect(html(letter('deny'), 'sv')).not.toContain(note)
    expect(await pdfText(await renderLetterPdf(letterModel(letter('deny'), 'en')))).toContain(note)
    const communication = (locale: 'sv' | 'en') =>
      renderCommunicationHtml({
        locale,
        applicationRef: 'Ansökan 12',
        programme: 'Föreningsbidrag',
        association: { name: 'Kista Ungdomsförening', organisationNumber: '802400-1235' },
        authority: 'Järva stadsdelsnämnd',
        amountRequested: 50_000,
        proposedKind: 'deny',
        proposedAmount: null,
        material: 'Föreningen har lämnat in stadgar.',
        grounds: [],
        deadline: '2026-12-20',
        sentOn: '2026-12-06',
      })
    expect(communication('en')).toContain(`<p class="quoted">${note}</p><div lang="sv"><p>Föreningen har lämnat in stadgar.</p></div>`)
    expect(communication('sv')).not.toContain(note)
  })

  it('is a complete document in its language with no external resources', () => {
    const page = html(letter('approve'), 'en')
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(page).toMatch(/<title>Decision on an association grant – Kista Ungdomsförening – Case number JÄR 2026\/17<\/title>/)
    expect(page.match(/<h1>/g)).toHaveLength(1)
    expect(page).toContain('<p class="other-language" lang="sv">Beslutet finns också på svenska.')
    for (const external of ['<script', '<link', '<img', '<iframe', ' src=', ' href=', 'url(', '@import'])
      expect(page).not.toContain(external)
    for (const swedish of ['Mottagare', 'Skäl för beslutet', 'Så överklagar ni']) expect(page).not.toContain(swedish)
  })
})

describe('the issuing authority by date', () => {
  it('is Rinkeby-Kista stadsdelsnämnd up to 30 June 2023 and Järva stadsdelsnämnd from 1 July 2023', () => {
    expect(authorityOn(rinkebyKista.authority!, '2023-06-30')).toMatchObject({
      name: { sv: 'Rinkeby-Kista stadsdelsnämnd' },
      formerName: null,
    })
    expect(authorityOn(rinkebyKista.authority!, '2023-07-01')).toMatchObject({
      name: { sv: 'Järva stadsdelsnämnd' },
      formerName: { sv: 'Rinkeby-Kista stadsdelsnämnd' },
      caseNumberPrefix: 'JÄR',
    })
  })
  it('is Norra innerstadens stadsdelsnämnd, formerly Norrmalm, from 1 July 2023', () => {
    expect(authorityOn(norrmalm.authority!, '2023-06-30')?.name.sv).toBe('Norrmalms stadsdelsnämnd')
    expect(authorityOn(norrmalm.authority!, '2026-11-23')).toMatchObject({
      name: { sv: 'Norra innerstadens stadsdelsnämnd' },
      formerName: { sv: 'Norrmalms stadsdelsnämnd' },
    })
  })
})

describe('the PDF letter', () => {
  it('has the same content as the HTML, with title, language and page numbers', async () => {
    const pdf = await renderLetterPdf(letterModel(letter('deny'), 'sv'), { compress: false })
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw).toContain('/Lang (sv-SE)')
    const text = pdfText(pdf)
    for (const line of [
      'Stockholms stad',
      'Järva stadsdelsnämnd (tidigare Rinkeby-Kista stadsdelsnämnd)',
      'JÄR 2026/17',
      'Avslag. ',
      'Avgörande omständigheter',
      'Så överklagar ni',
      'Amina Yusuf, handläggare, 22 november 2026',
    ])
      expect(text).toContain(line)
    expect(text).toMatch(/Sida 1 av \d/)
    for (const forbidden of FORBIDDEN) expect(text).not.toMatch(forbidden)
  })

  it('is in English for an English letter, and writes hostile text as text', async () => {
    const model = letterModel(letter('partial', { association: { name: `Łódź ${HOSTILE}`, organisationNumber: '802400-1235' } }), 'en')
    const text = pdfText(await renderLetterPdf(model, { compress: false }))
    for (const line of ['City of Stockholm', 'Partially approved. ', 'Amount granted: ', 'How to appeal', 'Page 1 of '])
      expect(text).toContain(line)
    expect(text).toContain(`Lódz ${HOSTILE}`)
  })

  it('numbers every page of a long letter', async () => {
    const reasons = Array.from({ length: 40 }, (_, i) => `Stycke ${i + 1}. ${'Föreningen har lämnat in underlag. '.repeat(8)}`).join('\n\n')
    const text = pdfText(await renderLetterPdf(letterModel(letter('deny', {}, { reasons }), 'sv'), { compress: false }))
    const pages = Number(/Sida 1 av (\d+)/.exec(text)?.[1])
    expect(pages).toBeGreaterThan(2)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Sida ${n} av ${pages}`)
  })
})
