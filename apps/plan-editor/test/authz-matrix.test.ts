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
  type MatrixClient,
  type MatrixRow,
} from '@vbe/server-kit/testing'
import { DEMO_PASSWORD, startServer } from '../src/index.js'
import { readyToSubmit } from './ready-plan.js'
import type { Plan } from '@vbe/core/plans'

/**
 * The plan editor's rows of the authorisation matrix (server-kit's runner). The home
 * district is Norrmalm; the other district's personas are Rinkeby-Kista's. Columns, in
 * order:
 *
 *   anonymous, officer, approver, admin of the district, admin city-wide, auditor,
 *   officer+approver, | Rinkeby-Kista's officer, approver, admin
 */

const NOW = new Date('2026-06-01T09:00:00Z')
let year = 2030
let n = 0

interface PlanBody {
  id: string
  version: number
  year: number
  status: string
  can: { edit: boolean; followUp: boolean; actions: string[] }
  document: {
    situationPicture: { summary: string }
    contactPoint: { unit: string }
    activities: { id: string; indicators: { id: string }[] }[]
  }
}

const planOf = async (client: MatrixClient, id: string) => (await client.send('GET', `/api/plans/${id}`)).json<PlanBody>()
const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` })

/** The demo Norrmalm plan, the source of every fresh plan's content. */
let source: string | undefined
async function sourcePlan(api: MatrixApi): Promise<string> {
  if (source) return source
  const items = (await api.as('admin-city').send('GET', '/api/plans?district=norrmalm')).json<{
    items: { id: string; updatedBy: string | null }[]
  }>().items
  // The demo seed is not a user: its plans have no display name to show.
  source = items.find((p) => p.updatedBy === null)!.id
  return source
}

/**
 * A fresh Norrmalm plan written by Norrmalm's officer: the yearly revision of the demo
 * plan (so it has activities and indicators) with a situation picture only it carries;
 * submitted when asked.
 */
async function freshPlan(api: MatrixApi, submitted = false): Promise<Fixture> {
  const officer = api.as('officer')
  const created = await officer.send('POST', '/api/plans', { from: 'revision', sourcePlanId: await sourcePlan(api), year: year++ })
  if (created.status !== 201) throw new Error(`setup: ${created.text}`)
  const plan = created.json<PlanBody>()
  const secret = `Lägesbild endast för Norrmalm ${n++}`
  const document = { ...plan.document, situationPicture: { ...plan.document.situationPicture, summary: secret } }
  let saved = (await officer.send('PUT', `/api/plans/${plan.id}`, { document }, ifMatch(plan.version))).json<PlanBody>()
  if (submitted)
    saved = (await officer.send('POST', `/api/plans/${plan.id}/transitions`, { action: 'submit' }, ifMatch(saved.version))).json<PlanBody>()
  const activity = saved.document.activities[0]!
  return {
    ids: {
      id: plan.id,
      activityId: activity.id,
      indicatorId: activity.indicators[0]!.id,
      period: 'T2',
      version: '1',
      year: String(plan.year),
    },
    secrets: [plan.id, secret],
  }
}

/** One draft plan shared by the rows that leave it a draft; each persona gets its current version. */
let shared: Promise<Fixture> | undefined
async function sharedPlan(api: MatrixApi): Promise<Fixture> {
  shared ??= freshPlan(api)
  const f = await shared
  const current = await planOf(api.as('officer'), f.ids['id']!)
  return { ...f, ids: { ...f.ids, current: String(current.version) } }
}
const draft = (api: MatrixApi) => sharedPlan(api)
const submitted = (api: MatrixApi) => freshPlan(api, true)

//                                              anon  off  appr admD admC aud  duo | off' appr' admD'
const ON_PLAN_READ: Expected = /*          */ [401, 200, 200, 200, 200, 200, 200, 404, 404, 404]
const ON_PLAN_OFFICER: Expected = /*       */ [401, 200, 403, 403, 403, 403, 200, 404, 404, 404]
const ADMIN_AUDITOR: Expected = /*         */ [401, 403, 403, 200, 200, 200, 403, 403, 403, 200]

const followUpBody = (f: Fixture) => ({ value: 42, date: `${f.ids['year']}-08-31` })

const USERS = demoPersonaUsers('nm', 'rk')

const ROWS: MatrixRow[] = [
  ...kitRows(USERS, DEMO_PASSWORD),
  // officer2.rk is a Rinkeby-Kista officer who is no persona.
  ...sessionMatrixRows(USERS, 'officer2.rk', [401, 403, 403, 404, 200, 403, 403, 403, 403, 200]),
  {
    method: 'GET',
    path: '/api/plans',
    expect: ALL_LOGGED_IN,
    setup: draft,
    check: (r, persona, f) =>
      !persona.endsWith('-other') && !r.text.includes(f.ids['id']!) ? 'the list lacks a plan in scope' : undefined,
  },
  {
    method: 'POST',
    path: '/api/plans',
    expect: [401, 201, 403, 403, 403, 403, 201, 403, 403, 403],
    note: "officers create plans for their own district only; Rinkeby-Kista's officer asks for Norrmalm",
    request: () => ({ body: { from: 'template', year: year++, district: 'norrmalm' } }),
  },
  { method: 'GET', path: '/api/plans/{id}', expect: ON_PLAN_READ, setup: draft },
  {
    method: 'PUT',
    path: '/api/plans/{id}',
    expect: ON_PLAN_OFFICER,
    note: 'the current document with another contact unit',
    setup: async (api, persona) => {
      const f = await sharedPlan(api)
      const plan = await planOf(api.as('officer'), f.ids['id']!)
      return { ...f, data: { document: { ...plan.document, contactPoint: { ...plan.document.contactPoint, unit: `Enhet ${persona}` } } } }
    },
    request: (f) => ({ body: { document: f.data?.['document'] }, headers: ifMatch(f.ids['current']!) }),
  },
  {
    method: 'POST',
    path: '/api/plans/{id}/transitions',
    expect: [401, 403, 200, 200, 200, 403, 200, 404, 404, 404],
    note: "adopting a plan Norrmalm's officer wrote and submitted; a district admin adopts in its own district only",
    setup: submitted,
    request: () => ({ body: { action: 'adopt', decisionReference: 'SDN 2026-06-10 §7' }, headers: ifMatch(3) }),
  },
  {
    method: 'PUT',
    path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
    expect: ON_PLAN_OFFICER,
    setup: draft,
    request: (f) => ({ body: followUpBody(f), headers: ifMatch(f.ids['current']!) }),
  },
  {
    method: 'DELETE',
    path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
    expect: ON_PLAN_OFFICER,
    setup: async (api) => {
      const f = await sharedPlan(api)
      const path = `/api/plans/${f.ids['id']}/activities/${f.ids['activityId']}/indicators/${f.ids['indicatorId']}/follow-ups/T2`
      const put = (await api.as('officer').send('PUT', path, followUpBody(f), ifMatch(f.ids['current']!))).json<PlanBody>()
      return { ...f, ids: { ...f.ids, current: String(put.version) } }
    },
    request: (f) => ({ headers: ifMatch(f.ids['current']!) }),
  },
  { method: 'GET', path: '/api/plans/{id}/analysis', expect: ON_PLAN_READ, setup: draft },
  { method: 'GET', path: '/api/plans/{id}/versions', expect: ON_PLAN_READ, setup: draft },
  { method: 'GET', path: '/api/plans/{id}/versions/{version}', expect: ON_PLAN_READ, setup: draft },
  {
    method: 'GET',
    path: '/api/plans/{id}/redline',
    expect: ON_PLAN_READ,
    setup: draft,
    request: (f) => ({ path: `/api/plans/${f.ids['id']}/redline?from=1&to=2` }),
  },
  {
    method: 'GET',
    path: '/api/plans/{id}/export',
    expect: ON_PLAN_READ,
    setup: draft,
    request: (f) => ({ path: `/api/plans/${f.ids['id']}/export?format=md` }),
  },
  {
    method: 'GET',
    path: '/api/templates',
    expect: ALL_LOGGED_IN,
    note: 'the templates are public',
    request: () => ({ path: '/api/templates?district=norrmalm' }),
  },
  { method: 'GET', path: '/api/overview', expect: ADMIN_AUDITOR, note: 'a district admin sees its own district only', setup: draft },
  { method: 'GET', path: '/api/audit', expect: ADMIN_AUDITOR, setup: draft },
  { method: 'GET', path: '/api/audit/verify', expect: ADMIN_AUDITOR },
]

authorisationMatrix({
  name: 'plan editor',
  start: async () => {
    const server = await startServer({ config: { kind: 'pglite', dataDir: null }, clock: { now: () => NOW }, uiDir: null })
    return { url: server.url, stop: () => server.close() }
  },
  users: USERS,
  password: DEMO_PASSWORD,
  rows: ROWS,
  more: (api) => {
    const adopt = (client: MatrixClient, id: string, version: number, action = 'adopt') =>
      client.send(
        'POST',
        `/api/plans/${id}/transitions`,
        { action, decisionReference: 'SDN 2026-06-10 §7', comment: 'Kommentar.' },
        { ...ifMatch(version), 'accept-language': 'en' },
      )

    it('nobody adopts or returns a plan they wrote and submitted, not even holding both roles', async () => {
      const duo = api().as('officer-approver')
      const blank = (await duo.send('POST', '/api/plans', { from: 'template', year: year++ })).json<PlanBody>()
      // Filled as the committee's rules need: a blank plan is not submitted.
      const created = (
        await duo.send(
          'PUT',
          `/api/plans/${blank.id}`,
          { document: readyToSubmit(blank.document as unknown as Plan) },
          ifMatch(blank.version),
        )
      ).json<PlanBody>()
      const sent = (
        await duo.send('POST', `/api/plans/${created.id}/transitions`, { action: 'submit' }, ifMatch(created.version))
      ).json<PlanBody>()
      expect(sent.status).toBe('submitted')
      expect((await planOf(duo, created.id)).status).toBe('submitted')
      const mine = await planOf(duo, created.id)
      expect(mine).toMatchObject({ can: { actions: [] } })
      for (const action of ['adopt', 'return']) {
        const own = await adopt(duo, created.id, sent.version, action)
        expect(own.status, own.text).toBe(403)
        expect(own.json()).toMatchObject({ code: 'own-work', detail: expect.stringMatching(/^Four eyes: you may not /) })
      }
      expect((await planOf(api().as('approver'), created.id)).can.actions).toEqual(['adopt', 'return'])
      const adopted = await adopt(api().as('approver'), created.id, sent.version)
      expect(adopted.status, adopted.text).toBe(200)
    })

    it('nobody adopts a plan they edited, even when someone else submitted it', async () => {
      const f = await freshPlan(api())
      const id = f.ids['id']!
      const duo = api().as('officer-approver')
      const plan = await planOf(duo, id)
      const edited = await duo.send(
        'PUT',
        `/api/plans/${id}`,
        { document: { ...plan.document, contactPoint: { ...plan.document.contactPoint, unit: 'Ändrad av duo' } } },
        ifMatch(plan.version),
      )
      expect(edited.status, edited.text).toBe(200)
      const sent = (
        await api()
          .as('officer')
          .send('POST', `/api/plans/${id}/transitions`, { action: 'submit' }, ifMatch(edited.json<PlanBody>().version))
      ).json<PlanBody>()
      const own = await adopt(duo, id, sent.version)
      expect(own.status, own.text).toBe(403)
      expect(own.json()).toMatchObject({ code: 'own-work' })
    })

    it("a district admin sees and adopts only its own district's plans", async () => {
      const f = await freshPlan(api(), true)
      const id = f.ids['id']!
      expect((await planOf(api().as('admin-district'), id)).can.actions).toEqual(['adopt', 'return'])
      expect((await api().as('admin-other').send('GET', `/api/plans/${id}`)).status).toBe(404)
      const list = (await api().as('admin-other').send('GET', '/api/plans')).json<{ items: { district: string }[] }>().items
      expect(new Set(list.map((p) => p.district))).toEqual(new Set(['rinkeby-kista']))
      const refused = await adopt(api().as('admin-other'), id, 3)
      expect(refused.status).toBe(404)
    })
  },
})
