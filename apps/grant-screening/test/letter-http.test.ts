import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { readPdfText } from '@vbe/server-kit/documents'
import { demoApplication } from '../src/index.js'
import { decidedCase as decideCase, TIP } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/*
 * The decision letter over real HTTP on a real database: the case number in the
 * authority's series, the approver's preview before signing, the letter frozen at
 * signing, and user text that looks like markup shown as text.
 */

// The server's clock; the revision test moves it on by minutes (a decision's letter is named by the moment it was decided).
let now = new Date('2026-11-22T10:00:00Z')
const clock = { now: () => now }
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000))
const NAME = 'Förening <script>alert(1)</script><h2>Falsk rubrik</h2>'
const REASONS = 'Skäl <h2>inte en rubrik</h2>\n<script>alert(2)</script> & "citat"'
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const USERNAME = /\b(officer|approver|admin)[a-z0-9-]*\.(rk|nm)\b/
const HASH = /\b[0-9a-f]{16,}\b/i
const caseNumber = (html: string) => /<dt>Diarienummer<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1]

let tag = 0
// The shared tip, with a reference the letter must never quote.
const tip = { ...TIP, source: { kind: 'tip', reference: 'Anonymt tips om föreningen' } } as const

describe('the decision letter over HTTP', () => {
  let server: TestServer
  let officer: Client
  let approver: Client

  /** A new case, declared, with a decision recorded; `fourEyes` adds an unverified tip so a second signature is needed. */
  async function decidedCase(opts: { fourEyes?: boolean; name?: string; reasons?: string } = {}): Promise<string> {
    const base = demoApplication(`t-letter-${tag++}`, opts.fourEyes ? { evidence: [tip] } : {})
    const application = { ...base, association: { ...base.association, name: opts.name ?? base.association.name } }
    // Granting against the unresolved tip needs a reason per rule the refusal names, and then a second signature.
    const { id, detail } = await decideCase(officer, application, {
      reasons: opts.reasons ?? 'Villkoren är uppfyllda och verksamheten hör till programmet.',
      ...(opts.fourEyes ? { overrideReason: 'Tipset är bedömt i samtal med föreningen.' } : {}),
    })
    expect(detail).toMatchObject({ status: opts.fourEyes ? 'awaiting_approval' : 'decided' })
    return id
  }

  beforeAll(async () => {
    server = await startTestServer({ database: 'pglite', clock })
    officer = await server.login('officer.rk')
    approver = await server.login('approver.rk')
  })
  afterAll(() => server?.stop())

  it('escapes the association name and the officer’s reasons in the HTML letter, and the PDF has them as text', async () => {
    const id = await decidedCase({ name: NAME, reasons: REASONS })
    const res = await officer.request('GET', `/api/cases/${id}/letter?format=html`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html).not.toMatch(/<script/i)
    expect(html.match(/<h2[ >]/g)).toHaveLength(5) // the letter's own five section headings, none from user text
    expect(html).toContain('Förening &lt;script&gt;alert(1)&lt;/script&gt;&lt;h2&gt;Falsk rubrik&lt;/h2&gt;')
    expect(html).toContain(
      '<p>Skäl &lt;h2&gt;inte en rubrik&lt;/h2&gt;<br/>&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;citat&quot;</p>',
    )

    const pdfRes = await officer.request('GET', `/api/cases/${id}/letter?format=pdf&lang=en`)
    expect(pdfRes.status).toBe(200)
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf')
    const pdf = new Uint8Array(await pdfRes.arrayBuffer())
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (en-GB)')
    const text = readPdfText(pdf)
    expect(text).toContain('Förening <script>alert(1)</script><h2>Falsk rubrik</h2>')
    expect(text).toContain('Decision on an association grant')
    expect(text).toContain(caseNumber(html)!)
  })

  it('numbers each case once, in the authority’s own format and series for the year', async () => {
    const first = await decidedCase()
    const second = await decidedCase()
    const a = caseNumber(await (await officer.request('GET', `/api/cases/${first}/letter`)).text())
    const b = caseNumber(await (await officer.request('GET', `/api/cases/${second}/letter`)).text())
    expect(a).toMatch(/^JÄR 2026\/\d+$/)
    expect(Number(b!.split('/')[1])).toBe(Number(a!.split('/')[1]) + 1)
    expect(caseNumber(await (await officer.request('GET', `/api/cases/${first}/letter?lang=sv`)).text())).toBe(a)
    const stored = await server.database.kysely.selectFrom('gs_case_numbers').select(['case_id', 'case_number']).execute()
    expect(new Set(stored.map((s) => s.case_number)).size).toBe(stored.length)
    expect(stored.find((s) => s.case_id === first)?.case_number).toBe(a)
  })

  it('shows the approver the exact letter before signing; the signature issues that letter, with names and titles only', async () => {
    const id = await decidedCase({ fourEyes: true })
    await approver.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const preview = await approver.request('GET', `/api/cases/${id}/letter/preview`)
    expect(preview.status).toBe(200)
    const before = await preview.text()
    expect(before).toContain('<dt>Beslutet har fattats av</dt><dd>Amina Yusuf, handläggare, 22 november 2026</dd>')
    expect(before).toContain('<dt>Beslutet har godkänts av</dt><dd>Sara Nilsson, granskande handläggare, 22 november 2026</dd>')
    expect(before).toContain('Järva stadsdelsnämnd (tidigare Rinkeby-Kista stadsdelsnämnd)')
    // The issued letter does not exist until it is signed.
    const early = await approver.json('GET', `/api/cases/${id}/letter`)
    expect(early.status).toBe(409)
    expect(early.headers.get('content-type')).toBe('application/problem+json')

    expect((await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })).body).toMatchObject({ status: 'decided' })
    // Signing froze the letter (before anyone read it): its model in both languages, with its SHA-256.
    const frozen = await server.database.kysely.selectFrom('gs_letters').selectAll().where('case_id', '=', id).execute()
    expect(frozen).toHaveLength(1)
    expect(frozen[0]!.sha256).toBe(createHash('sha256').update(frozen[0]!.model, 'utf8').digest('hex'))
    expect(Object.keys(JSON.parse(frozen[0]!.model))).toEqual(['sv', 'en'])
    const issued = await (await approver.request('GET', `/api/cases/${id}/letter`)).text()
    expect(issued).toBe(before)
    expect(await (await officer.request('GET', `/api/cases/${id}/letter/preview`)).text()).toBe(issued)
    for (const forbidden of [UUID, USERNAME, HASH, /rinkeby-kista\/foreningsbidrag/, /tips|t1\b/i]) expect(issued).not.toMatch(forbidden)
    expect(issued).not.toContain(id)
  })

  it('issues a correction and a reconsideration as letters that name the decision they replace, by date and case number', async () => {
    const id = await decidedCase({ reasons: 'Villkoren är uppfyllda för bidragsåret 2025.' })
    const first = await (await officer.request('GET', `/api/cases/${id}/letter`)).text()
    const number = caseNumber(first)!
    expect(first).not.toMatch(/ersätter beslutet/)

    const revise = (basis: string, reasons: string) =>
      officer.json('POST', `/api/cases/${id}/revision`, { basis, kind: 'approve', reasons, letterLocale: 'sv' })
    later(5)
    expect((await revise('correction', 'Villkoren är uppfyllda för bidragsåret 2026.')).body).toMatchObject({ status: 'decided' })
    const corrected = await (await officer.request('GET', `/api/cases/${id}/letter`)).text()
    expect(corrected).toContain('<strong>Rättelse av beslut.</strong> Detta beslut ersätter beslutet den 22 november 2026 i ärende ')
    expect(corrected).toContain(`i ärende ${number} (rättelse enligt 36 § förvaltningslagen).`)
    const english = await (await officer.request('GET', `/api/cases/${id}/letter?lang=en`)).text()
    expect(english).toContain(
      `This decision replaces the decision of 22 November 2026 in case ${number} (correction under section 36 of the Administrative Procedure Act).`,
    )

    later(5)
    const revised = await revise('reconsideration', 'Nya uppgifter: verksamheten fortsätter hela året.')
    expect(revised.body).toMatchObject({ status: 'decided', decision: { basis: 'reconsideration' } })
    const reconsidered = await (await officer.request('GET', `/api/cases/${id}/letter`)).text()
    expect(reconsidered).toContain(
      `ersätter beslutet den 22 november 2026 i ärende ${number} (omprövning enligt 37–38 §§ förvaltningslagen).`,
    )
    for (const letter of [corrected, english, reconsidered]) {
      for (const forbidden of [UUID, USERNAME, HASH]) expect(letter).not.toMatch(forbidden)
      expect(letter).not.toContain(id)
    }
    // Each decision keeps its own issued letter.
    const frozen = await server.database.kysely.selectFrom('gs_letters').select('model').where('case_id', '=', id).execute()
    expect(frozen).toHaveLength(3)
  })

  it('answers 409 for a preview before any decision', async () => {
    const created = await officer.json('POST', '/api/cases', { application: demoApplication(`t-letter-${tag++}`) })
    const id = created.body.id as string
    await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const res = await officer.json('GET', `/api/cases/${id}/letter/preview`, undefined, { 'accept-language': 'en' })
    expect(res.status).toBe(409)
    expect(res.body.detail).toContain('no decision yet')
  })

  it('lets an admin set a staff title in their own district only, naming a bad field', async () => {
    const other = await server.login('admin.nm')
    expect((await other.json('PUT', '/api/staff/approver.rk/title', { sv: 'chef', en: 'head' })).status).toBe(404)
    expect((await officer.json('PUT', '/api/staff/approver.rk/title', { sv: 'chef', en: 'head' })).status).toBe(403)
    const admin = await server.login('admin.rk')
    const bad = await admin.json('PUT', '/api/staff/approver.rk/title', { sv: '', en: 'head' }, { 'accept-language': 'en' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['sv'])
    expect((await admin.json('PUT', '/api/staff/nobody.rk/title', { sv: 'chef', en: 'head' })).status).toBe(404)
  })

  it('keeps an issued letter unchanged when names, titles and the plugin change later', async () => {
    const id = await decidedCase({ fourEyes: true })
    await approver.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })
    const issuedSv = await (await officer.request('GET', `/api/cases/${id}/letter`)).text()
    const issuedEn = await (await officer.request('GET', `/api/cases/${id}/letter?lang=en`)).text()

    const k = server.database.kysely
    await k.updateTable('vbe_users').set({ display_name: 'Sara Nilsson-Berg' }).where('username', '=', 'approver.rk').execute()
    const admin = await server.login('admin.rk')
    const set = await admin.json('PUT', '/api/staff/officer.rk/title', { sv: 'bidragshandläggare', en: 'grants officer' })
    expect(set.body).toEqual({ name: 'Amina Yusuf', title: { sv: 'bidragshandläggare', en: 'grants officer' } })
    // The committee is renamed and the programme no longer gives its own grant conditions (so the city-wide defaults apply).
    const renamed = defineDistrictPlugin({
      ...rinkebyKista,
      grantProgrammes: rinkebyKista.grantProgrammes.map(({ conditions, ...programme }) => programme),
      authority: {
        names: rinkebyKista.authority!.names.map((n) =>
          n.caseNumberPrefix === 'JÄR' ? { ...n, name: { sv: 'Nordvästra nämnden', en: 'North-West Committee' } } : n,
        ),
      },
    })
    const next = await server.restart({ plugins: composePlugins([norrmalm, renamed]) })
    try {
      const o = officer.at(next.url)
      const a = approver.at(next.url)
      expect(await (await o.request('GET', `/api/cases/${id}/letter`)).text()).toBe(issuedSv)
      expect(await (await o.request('GET', `/api/cases/${id}/letter?lang=en`)).text()).toBe(issuedEn)

      // The changes are real: a letter not yet signed shows them.
      const open = await decidedCase({ fourEyes: true })
      await a.json('POST', `/api/cases/${open}/conflict`, { conflict: false })
      const fresh = await (await a.request('GET', `/api/cases/${open}/letter/preview`)).text()
      expect(fresh).toContain('Nordvästra nämnden')
      expect(fresh).toContain('Amina Yusuf, bidragshandläggare')
      expect(fresh).toContain('Sara Nilsson-Berg')
      expect(fresh).toContain('Föreningen ska uppfylla villkoren för bidraget, också demokrativillkoret, under hela tiden bidraget avser.')
      expect(fresh).not.toContain('bankgiro eller plusgiro')
      expect(issuedSv).not.toContain('Nordvästra nämnden')
      // The issued letter keeps the programme's own conditions it was signed with.
      expect(issuedSv).toContain(
        'Bidraget betalas ut till föreningens bankgiro eller plusgiro, som ska vara registrerat i föreningens namn.',
      )
      expect(issuedEn).toContain('The grant is paid to the association’s bankgiro or plusgiro account')
    } finally {
      await next.stop()
    }
  })
})
