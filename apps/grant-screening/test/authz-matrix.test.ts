import { expect, it } from 'vitest'
import {
  ALL_LOGGED_IN,
  authorisationMatrix,
  demoPersonaUsers,
  kitRows,
  sessionMatrixRows,
  type Expected,
  type Fixture,
  type MatrixApi,
  type MatrixRow,
  type Persona,
} from '@vbe/server-kit/testing'
import { DEMO_PASSWORD, demoApplication } from '../src/index.js'
import { startTestServer } from './support/server.js'

/**
 * Grant screening's rows of the authorisation matrix (server-kit's runner). The home
 * district is Rinkeby-Kista, the only district with a grant programme; the other
 * district's personas are Norrmalm's. Columns, in order:
 *
 *   anonymous, officer, approver, admin of the district, admin city-wide, auditor,
 *   officer+approver, | Norrmalm's officer, approver, admin
 */

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
let n = 0
const next = () => `${Date.now().toString(36)}-${n++}`

/** The personas who declare "no conflict of interest" before acting on a case (as the UI makes them). */
const DECLARES: readonly Persona[] = ['officer', 'approver', 'officer-approver']

type State = 'new' | 'tip' | 'awaiting' | 'decided' | 'replying' | 'reclaimed'

const TIP = {
  id: 't1',
  conduct: 'coercion',
  actor: 'organisation',
  withinActivities: true,
  verified: false,
  date: '2026-06-01',
  source: { kind: 'tip' },
} as const

/** A fresh Rinkeby-Kista case with a contact person, in `state`; the persona declares first where it would. */
async function freshCase(api: MatrixApi, persona: Persona, state: State = 'new'): Promise<Fixture> {
  const officer = api.as('officer')
  const tag = next()
  const name = `Matris Förening ${tag}`
  const person = `Matris Person ${tag}`
  const application = demoApplication(`matrix-${tag}`, {
    association: {
      name,
      organisationNumber: '802400-1235',
      activitySince: '2019-03-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
    },
    ...(state === 'awaiting' || state === 'tip' ? { evidence: [TIP] } : {}),
  })
  const created = await officer.send('POST', '/api/cases', { application, persons: [{ role: 'contact', name: person }] })
  if (created.status !== 201) throw new Error(`setup: ${created.text}`)
  const body = created.json<{ id: string; persons: { id: string }[] }>()
  const id = body.id
  const ids: Record<string, string> = { id, person: body.persons[0]!.id, ...(state === 'tip' ? { evidenceId: TIP.id } : {}) }
  if (state !== 'new' && state !== 'tip') await officer.send('POST', `/api/cases/${id}/conflict`, { conflict: false })
  if (state === 'awaiting' || state === 'decided' || state === 'reclaimed') {
    const decided = await officer.send('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Uppfyller villkoren.',
      letterLocale: 'sv',
      // Granting against the unassessed tip needs a reason for overriding the democracy condition.
      ...(state === 'awaiting' ? { overrides: { 'democracy-condition': 'Tipset är inte styrkt.' } } : {}),
    })
    const status = decided.json<{ status: string }>().status
    if (status !== (state === 'awaiting' ? 'awaiting_approval' : 'decided')) throw new Error(`setup: ${decided.text}`)
  }
  if (state === 'reclaimed') {
    const rc = await officer.send('POST', `/api/cases/${id}/reclaim`, { amount: 1000, reasons: 'Villkoren bröts.' })
    if (rc.status !== 200) throw new Error(`setup: ${rc.text}`)
  }
  if (state === 'replying') {
    const sent = await officer.send('POST', `/api/cases/${id}/communications`, {
      kind: 'deny',
      material: 'Underlaget.',
      deadline: '2026-12-06',
      letterLocale: 'sv',
    })
    if (sent.status !== 200) throw new Error(`setup: ${sent.text}`)
    ids['communicationId'] = sent.json<{ communications: { id: string }[] }>().communications[0]!.id
  }
  if (DECLARES.includes(persona)) await api.as(persona).send('POST', `/api/cases/${id}/conflict`, { conflict: false })
  return { ids, secrets: [id, name, person] }
}

const caseIn = (state: State) => (api: MatrixApi, persona: Persona) => freshCase(api, persona, state)
const noCase = (api: MatrixApi, persona: Persona) => freshCase(api, persona, 'new').then((f) => ({ ...f, ids: {} }))

//                                                   anon  off  appr admD admC aud  duo | off' appr' admD'
const ON_CASE_READ: Expected = /*               */ [401, 200, 200, 200, 200, 200, 200, 404, 404, 404]
const ON_CASE_OFFICER: Expected = /*            */ [401, 200, 403, 403, 403, 403, 200, 404, 404, 404]
const ADMIN_AUDITOR: Expected = /*              */ [401, 403, 403, 200, 200, 200, 403, 403, 403, 200]

const USERS = demoPersonaUsers('rk', 'nm')

const ROWS: MatrixRow[] = [
  ...kitRows(USERS, DEMO_PASSWORD),
  // officer2.rk is a Rinkeby-Kista officer who is no persona.
  ...sessionMatrixRows(USERS, 'officer2.rk', [401, 403, 403, 200, 200, 403, 403, 403, 403, 404]),
  { method: 'GET', path: '/api/districts', expect: ALL_LOGGED_IN },
  { method: 'GET', path: '/api/programmes', expect: ALL_LOGGED_IN },
  {
    method: 'POST',
    path: '/api/screen',
    expect: [401, 200, 200, 200, 200, 403, 200, 200, 200, 200],
    note: 'screening stores nothing',
    request: () => ({ body: { application: demoApplication(`matrix-screen-${next()}`) } }),
  },
  {
    method: 'GET',
    path: '/api/cases',
    expect: ALL_LOGGED_IN,
    setup: noCase,
    check: (r, persona, f) =>
      ['officer', 'admin-district', 'admin-city', 'auditor'].includes(persona) && !r.text.includes(f.secrets[0]!)
        ? 'the queue lacks the newest case in scope'
        : undefined,
  },
  {
    method: 'POST',
    path: '/api/cases',
    expect: [401, 201, 403, 201, 201, 403, 201, 400, 403, 400],
    note: "another district's intake is refused as bad input naming the programme",
    request: () => ({ body: { application: demoApplication(`matrix-intake-${next()}`) } }),
  },
  {
    method: 'POST',
    path: '/api/cases/import',
    expect: [401, 200, 403, 200, 200, 403, 200, 200, 403, 200],
    note: 'an import answers 200 with each refused row',
    request: () => ({ body: [{ application: demoApplication(`matrix-import-${next()}`) }] }),
    check: (r, persona) => {
      const imported = r.json<{ imported: unknown[] }>().imported.length
      const want = persona.endsWith('-other') ? 0 : 1
      return imported === want ? undefined : `imported ${imported} rows, want ${want}`
    },
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/conflict',
    expect: [401, 200, 200, 403, 403, 403, 200, 404, 404, 404],
    setup: caseIn('new'),
    request: () => ({ body: { conflict: false } }),
  },
  { method: 'GET', path: '/api/cases/{id}', expect: ON_CASE_READ, setup: caseIn('new') },
  {
    method: 'POST',
    path: '/api/cases/{id}/evidence',
    expect: ON_CASE_OFFICER,
    setup: caseIn('new'),
    request: () => ({
      body: {
        conduct: 'threat',
        actor: 'organisation',
        withinActivities: true,
        verified: false,
        date: '2026-05-01',
        source: { kind: 'media' },
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/notes',
    expect: [401, 200, 200, 403, 403, 403, 200, 404, 404, 404],
    setup: caseIn('new'),
    request: () => ({ body: { text: 'En anteckning.' } }),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/decision',
    expect: ON_CASE_OFFICER,
    setup: caseIn('new'),
    request: () => ({ body: { kind: 'approve', reasons: 'Skäl.', letterLocale: 'sv' } }),
  },
  {
    method: 'PUT',
    path: '/api/cases/{id}/evidence/{evidenceId}/assessment',
    expect: ON_CASE_OFFICER,
    setup: caseIn('tip'),
    request: () => ({ body: { status: 'dismissed', reason: 'Kunde inte bekräftas.' } }),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/communications',
    expect: ON_CASE_OFFICER,
    setup: caseIn('new'),
    request: () => ({ body: { kind: 'deny', material: 'Underlaget.', deadline: '2026-12-06', letterLocale: 'sv' } }),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/communications/reply',
    expect: ON_CASE_OFFICER,
    setup: caseIn('replying'),
    request: () => ({ body: { reply: 'Vårt svar.', receivedOn: '2026-11-22' } }),
  },
  { method: 'GET', path: '/api/cases/{id}/communications/{communicationId}/letter', expect: ON_CASE_READ, setup: caseIn('replying') },
  {
    method: 'POST',
    path: '/api/cases/{id}/revision',
    expect: ON_CASE_OFFICER,
    setup: caseIn('decided'),
    request: () => ({ body: { basis: 'correction', kind: 'approve', reasons: 'Rättelse av skrivfel.', letterLocale: 'sv' } }),
  },
  { method: 'GET', path: '/api/cases/{id}/reclaim/letter', expect: ON_CASE_READ, setup: caseIn('reclaimed') },
  {
    method: 'POST',
    path: '/api/cases/{id}/approval',
    expect: [401, 403, 200, 403, 403, 403, 200, 404, 404, 404],
    note: 'the decision is the officer’s, so the officer+approver may sign it',
    setup: caseIn('awaiting'),
    request: () => ({ body: { approve: true } }),
  },
  { method: 'GET', path: '/api/cases/{id}/letter', expect: ON_CASE_READ, setup: caseIn('decided') },
  { method: 'GET', path: '/api/cases/{id}/letter/preview', expect: ON_CASE_READ, setup: caseIn('awaiting') },
  {
    method: 'PUT',
    path: '/api/staff/{username}/title',
    expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 404],
    note: "an admin sets titles for their own district's users; Norrmalm's admin does not find Rinkeby-Kista's",
    request: () => ({ path: '/api/staff/officer2.rk/title', body: { sv: 'handläggare', en: 'grant officer' } }),
  },
  {
    method: 'PUT',
    path: '/api/cases/{id}/follow-up',
    expect: ON_CASE_OFFICER,
    setup: caseIn('decided'),
    request: () => ({ body: { reportDue: '2027-01-31' } }),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/reclaim',
    expect: ON_CASE_OFFICER,
    setup: caseIn('decided'),
    request: () => ({ body: { amount: 1, reasons: 'Villkoren bröts.' } }),
  },
  {
    method: 'POST',
    path: '/api/rescreen',
    expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 200],
    note: 'a district admin re-screens its own district only',
    setup: noCase,
    check: (r, persona) => {
      const run = r.json<{ run: { checked: number } }>().run
      if (persona === 'admin-other' && run.checked !== 0) return `Norrmalm's admin re-screened ${run.checked} cases (Norrmalm has none)`
      if (persona !== 'admin-other' && run.checked === 0) return 'the re-screen checked no case'
      return undefined
    },
  },
  {
    method: 'GET',
    path: '/api/rescreen',
    expect: ALL_LOGGED_IN,
    note: "a run started by Rinkeby-Kista's admin is not shown to Norrmalm",
    setup: async (api) => {
      const run = (await api.as('admin-district').send('POST', '/api/rescreen')).json<{ run: { id: string } }>().run
      return { ids: {}, secrets: [run.id] }
    },
    check: (r, persona, f) =>
      !persona.endsWith('-other') && persona !== 'anonymous' && !r.text.includes(f.secrets[0]!)
        ? 'the run is missing in its district'
        : undefined,
  },
  { method: 'GET', path: '/api/audit', expect: ADMIN_AUDITOR, setup: noCase },
  { method: 'GET', path: '/api/audit/verify', expect: ADMIN_AUDITOR },
  {
    method: 'GET',
    path: '/api/persons',
    expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 200],
    note: 'GDPR search: a district admin finds only its district’s persons',
    setup: noCase,
    request: (f) => ({ path: `/api/persons?q=${encodeURIComponent(f.secrets[2]!)}` }),
    check: (r, persona, f) => {
      const found = r.json<{ persons: unknown[] }>().persons.length
      const want = persona.endsWith('-other') ? 0 : 1
      return found === want ? undefined : `found ${found} persons named ${f.secrets[2]}, want ${want}`
    },
  },
  {
    method: 'GET',
    path: '/api/persons/{id}/export',
    expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 404],
    setup: async (api, p) => personOf(await freshCase(api, p)),
  },
  {
    method: 'DELETE',
    path: '/api/persons/{id}',
    expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 404],
    setup: async (api, p) => personOf(await freshCase(api, p)),
    request: () => ({ body: { reason: 'data-subject-request' } }),
  },
]

const personOf = (f: Fixture): Fixture => ({ ...f, ids: { id: f.ids['person']! } })

authorisationMatrix({
  name: 'grant screening',
  start: () => startTestServer({ clock }).then((s) => ({ url: s.url, stop: () => s.stop() })),
  users: USERS,
  password: DEMO_PASSWORD,
  rows: ROWS,
  more: (api) => {
    it('nobody gives the second signature on their own decision, not even holding both roles', async () => {
      const duo = api().as('officer-approver')
      const f = await freshCase(api(), 'officer-approver', 'new')
      const id = f.ids['id']!
      // A finding that needs a person's assessment: the decision waits for a second signature.
      await duo.send('POST', `/api/cases/${id}/evidence`, {
        conduct: 'coercion',
        actor: 'organisation',
        withinActivities: true,
        verified: false,
        date: '2026-06-01',
        source: { kind: 'tip' },
      })
      const proposed = await duo.send('POST', `/api/cases/${id}/decision`, {
        kind: 'approve',
        reasons: 'Bedömt.',
        letterLocale: 'sv',
        overrides: { 'democracy-condition': 'Tipset är inte styrkt.' },
      })
      expect(proposed.json<{ status: string }>().status).toBe('awaiting_approval')
      for (const approve of [true, false]) {
        const own = await duo.send('POST', `/api/cases/${id}/approval`, { approve }, { 'accept-language': 'en' })
        expect(own.status, own.text).toBe(403)
        expect(own.json()).toMatchObject({ code: 'own-work', detail: expect.stringMatching(/^Four eyes: you may not /) })
      }
      await api().as('approver').send('POST', `/api/cases/${id}/conflict`, { conflict: false })
      const signed = await api().as('approver').send('POST', `/api/cases/${id}/approval`, { approve: true })
      expect(signed.status, signed.text).toBe(200)
      expect(signed.json()).toMatchObject({
        status: 'decided',
        decision: { decidedBy: 'Nadia Karimi', approvedBy: 'Sara Nilsson', decidedByYou: false },
      })
      const own = await duo.send('GET', `/api/cases/${id}`)
      expect(own.json()).toMatchObject({ decision: { decidedBy: 'Nadia Karimi', decidedByYou: true } })
      expect(own.text).not.toMatch(/officer-approver\.rk|approver\.rk/)
    })

    it("Norrmalm's admin neither sees nor changes Rinkeby-Kista's cases through a re-screen, and sees none of its runs", async () => {
      const before = (await api().as('admin-city').send('GET', '/api/audit?limit=1000'))
        .json<{ events: { action: string }[] }>()
        .events.filter((e) => e.action === 'case.rescreen').length
      const run = await api().as('admin-other').send('POST', '/api/rescreen')
      expect(run.json()).toMatchObject({ run: { checked: 0, changed: 0, flips: [] } })
      const after = (await api().as('admin-city').send('GET', '/api/audit?limit=1000'))
        .json<{ events: { action: string }[] }>()
        .events.filter((e) => e.action === 'case.rescreen').length
      expect(after).toBe(before)
      const own = (await api().as('admin-district').send('POST', '/api/rescreen')).json<{ run: { id: string; checked: number } }>().run
      expect(own.checked).toBeGreaterThan(0)
      for (const persona of ['officer-other', 'approver-other', 'admin-other'] as const) {
        expect((await api().as(persona).send('GET', '/api/rescreen')).text).not.toContain(own.id)
      }
    })
  },
})
