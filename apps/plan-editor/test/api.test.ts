import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '@vbe/core/plans'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client, type Reply } from './client.js'
import { DATABASES } from './databases.js'
import { checkedFetch } from '@vbe/test-openapi'

const NOW = new Date('2026-06-01T09:00:00Z')

/** A 400 problem+json whose errors name `path` (and whatever else). */
function expectField(r: Reply, ...paths: string[]) {
  expect(r.status, JSON.stringify(r.body)).toBe(400)
  expect(r.headers.get('content-type')).toBe('application/problem+json')
  expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) })
  const named = (r.body.errors as { path: string }[]).map((e) => e.path)
  for (const p of paths) expect(named, `errors should name ${p}: ${JSON.stringify(r.body.errors)}`).toContain(p)
}
function expectProblem(r: Reply, status: number) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.headers.get('content-type')).toBe('application/problem+json')
  expect(r.body.status).toBe(status)
  expect(typeof r.body.detail).toBe('string')
}
const ifMatch = (v: number | string) => ({ 'if-match': `"${v}"` })

describe.each(DATABASES)('plan editor API on %s', (_name, config) => {
  let server: RunningServer
  let base: string
  let officerRk: Client, officer2Rk: Client, approverRk: Client, officerNm: Client, approverNm: Client, admin: Client, auditor: Client
  let nm: { id: string; version: number; document: Plan }
  let rk: { id: string; version: number; document: Plan }

  beforeAll(async () => {
    server = await startServer({ config: await config(), clock: { now: () => NOW }, uiDir: null })
    base = server.url
    ;[officerRk, officer2Rk, approverRk, officerNm, approverNm, admin, auditor] = (await Promise.all(
      ['officer.rk', 'officer2.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'].map((u) => login(base, u)),
    )) as [Client, Client, Client, Client, Client, Client, Client]
    const all = (await admin.get('/api/plans')).body.items as { id: string; district: string }[]
    nm = (await admin.get(`/api/plans/${all.find((p) => p.district === 'norrmalm')!.id}`)).body
    rk = (await admin.get(`/api/plans/${all.find((p) => p.district === 'rinkeby-kista')!.id}`)).body
  })
  afterAll(() => server?.close())

  it('seeds the demo users and one plan per seed district, and scopes lists by district', async () => {
    expect(server.seeded).toEqual({ users: 11, plans: 2 })
    const mine = (await officerRk.get('/api/plans')).body.items as {
      district: string
      coverage: { templateId: string; title: { sv: string; en: string } }[]
    }[]
    expect(mine.map((p) => p.district)).toEqual(['rinkeby-kista'])
    // Each template in the list's coverage carries its name, so no client shows a code.
    expect(mine[0]!.coverage.map((c) => [c.templateId, c.title.sv])).toEqual([
      ['strategy-2016', 'Stadens strategi mot våldsbejakande extremism'],
      ['directive-2017', 'Kommunstyrelsens direktiv, juni 2017 (tolv punkter)'],
      ['plugin:rinkeby-kista', 'Lokala avsnitt: Rinkeby-Kista'],
    ])
    expect(((await officerNm.get('/api/plans')).body.items as { district: string }[]).map((p) => p.district)).toEqual(['norrmalm'])
    expect(((await auditor.get('/api/plans')).body.items as unknown[]).length).toBe(2)
    // Out of scope is not found, not forbidden: nothing leaks.
    expectProblem(await officerNm.get(`/api/plans/${rk.id}`), 404)
    expectProblem(
      await checkedFetch(`${base}/api/plans`).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() })),
      401,
    )
  })

  it('the weak Rinkeby-Kista plan shows real gaps and findings; Norrmalm does not', async () => {
    const a = (await officerRk.get(`/api/plans/${rk.id}/analysis`)).body
    const codes = [...a.indicatorFindings, ...a.riskFindings, ...a.revisionFindings].map((f: { code: string }) => f.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'not-effect-follow-up',
        'guideline-without-effect-indicator',
        'risk-not-handled',
        'situation-picture-stale',
        'plan-year-passed',
      ]),
    )
    const directive = a.summary.templates.find((t: { templateId: string }) => t.templateId === 'directive-2017')
    expect(directive.covered).toBe(2)
    expect(directive.gaps).toContain('D3')
    const n = (await officerNm.get(`/api/plans/${nm.id}/analysis`)).body
    expect(n.summary.findings.error).toBe(0)
  })

  it('GET plan sends the version as ETag; PUT needs If-Match (428), a readable one (400) and a current one (409)', async () => {
    const got = await officerNm.get(`/api/plans/${nm.id}`)
    expect(got.headers.get('etag')).toBe(`"${got.body.version}"`)
    const doc: Plan = got.body.document
    const edited = { ...doc, situationPicture: { ...doc.situationPicture, summary: 'Uppdaterad lägesbild.' } }
    expectProblem(await officerNm.send('PUT', `/api/plans/${nm.id}`, { document: edited }), 428)
    expectField(await officerNm.send('PUT', `/api/plans/${nm.id}`, { document: edited }, { 'if-match': 'yesterday' }), 'header.if-match')
    const ok = await officerNm.send('PUT', `/api/plans/${nm.id}`, { document: edited }, ifMatch(got.body.version))
    expect(ok.status).toBe(200)
    expect(ok.body.version).toBe(got.body.version + 1)
    expect(ok.headers.get('etag')).toBe(`"${got.body.version + 1}"`)
    // The same document again is not a new version.
    const same = await officerNm.send('PUT', `/api/plans/${nm.id}`, { document: edited }, ifMatch(ok.body.version))
    expect(same.body.version).toBe(ok.body.version)
    // A stale write is refused, naming the other change.
    const stale = await officerNm.send(
      'PUT',
      `/api/plans/${nm.id}`,
      { document: { ...doc, contactPoint: { ...doc.contactPoint, unit: 'Annan enhet' } } },
      ifMatch(got.body.version),
    )
    expectProblem(stale, 409)
    expect(stale.body.current.version).toBe(ok.body.version)
    expect(stale.body.current.theirs.plan).toEqual([
      { path: 'situationPicture.summary', before: doc.situationPicture.summary, after: 'Uppdaterad lägesbild.' },
    ])
    expect(stale.body.current.mine.plan).toEqual([{ path: 'contactPoint.unit', before: doc.contactPoint.unit, after: 'Annan enhet' }])
    expect((await officerNm.get(`/api/plans/${nm.id}`)).body.document.contactPoint.unit).toBe(doc.contactPoint.unit)
    nm = (await officerNm.get(`/api/plans/${nm.id}`)).body
  })

  it('two sessions edit the same plan: the second gets 409 with the other change, nothing is overwritten, and a re-based save keeps both', async () => {
    const created = await officerRk.send('POST', '/api/plans', { from: 'template', year: 2026 })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/plans/${created.body.id}`)
    expect(created.body).toMatchObject({ district: 'rinkeby-kista', year: 2026, status: 'draft', version: 1 })
    expect(created.body.document.sections.map((s: { id: string }) => s.id)).toContain('rinkeby-kista-effect-indicators')
    const id = created.body.id as string
    const a = (await officerRk.get(`/api/plans/${id}`)).body
    const b = (await officer2Rk.get(`/api/plans/${id}`)).body
    const first = await officerRk.send(
      'PUT',
      `/api/plans/${id}`,
      { document: { ...a.document, situationPicture: { ...a.document.situationPicture, summary: 'Ändrad av Amina' } } },
      ifMatch(a.version),
    )
    expect(first.status).toBe(200)
    const bDoc = { ...b.document, contactPoint: { ...b.document.contactPoint, function: 'Ändrad av Jonas' } }
    const second = await officer2Rk.send('PUT', `/api/plans/${id}`, { document: bDoc }, ifMatch(b.version))
    expectProblem(second, 409)
    // Who saved is named by display name; no username reaches the user.
    expect(second.body.detail).toContain('Amina (handläggare, Rinkeby-Kista)')
    expect(second.body.detail).not.toMatch(/officer\.rk/)
    expect(second.body.current).toMatchObject({ version: 2, updatedBy: 'Amina (handläggare, Rinkeby-Kista)', baseVersion: 1 })
    expect(second.body.current.theirs.plan).toEqual([
      expect.objectContaining({ path: 'situationPicture.summary', after: 'Ändrad av Amina' }),
    ])
    expect(second.body.current.document.situationPicture.summary).toBe('Ändrad av Amina')
    // Jonas re-bases on version 2 and keeps both changes.
    const merged = { ...second.body.current.document, contactPoint: bDoc.contactPoint }
    const third = await officer2Rk.send('PUT', `/api/plans/${id}`, { document: merged }, ifMatch(2))
    expect(third.status).toBe(200)
    expect(third.body.document.situationPicture.summary).toBe('Ändrad av Amina')
    expect(third.body.document.contactPoint.function).toBe('Ändrad av Jonas')

    // Truly simultaneous writes from the same base: exactly one wins.
    const cur = third.body
    const results = await Promise.all(
      [officerRk, officer2Rk].map((c, i) =>
        c.send(
          'PUT',
          `/api/plans/${id}`,
          { document: { ...cur.document, situationPicture: { ...cur.document.situationPicture, summary: `samtidigt ${i}` } } },
          ifMatch(cur.version),
        ),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const versions = (await officerRk.get(`/api/plans/${id}/versions`)).body.versions as { version: number; by: string }[]
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4])
  })

  it('names who saved by display name, never by username, in lists, plans, versions and conflicts', async () => {
    const created = await officer2Rk.send('POST', '/api/plans', { from: 'template', year: 2025 })
    expect(created.status).toBe(201)
    const id = created.body.id as string
    const doc = created.body.document
    const changed = { ...doc, situationPicture: { ...doc.situationPicture, summary: 'Lägesbild av Amina' } }
    const saved = await officerRk.send('PUT', `/api/plans/${id}`, { document: changed }, ifMatch(created.body.version))
    expect(saved.status).toBe(200)
    expect(saved.body.updatedBy).toBe('Amina (handläggare, Rinkeby-Kista)')
    const bodies = [
      (await officerRk.get('/api/plans')).body,
      (await officerRk.get(`/api/plans/${id}`)).body,
      (await officerRk.get(`/api/plans/${id}/versions`)).body,
      (await officerRk.get(`/api/plans/${id}/versions/1`)).body,
      (await officerRk.get(`/api/plans/${rk.id}`)).body,
      (await admin.get('/api/overview')).body,
    ]
    const usernames = ['officer.rk', 'officer2.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'demo-seed']
    for (const body of bodies) for (const u of usernames) expect(JSON.stringify(body)).not.toContain(u)
    expect(bodies[1].history.map((h: { by: string | null }) => h.by)).toEqual([
      'Jonas (handläggare, Rinkeby-Kista)',
      'Amina (handläggare, Rinkeby-Kista)',
    ])
    expect(bodies[3].by).toBe('Jonas (handläggare, Rinkeby-Kista)')
    // The demo seed is not a user: no name to show, and the UI says so in words.
    expect(bodies[4].history[0].by).toBeNull()
  })

  it('answers bad input to every endpoint with problem+json naming the field', async () => {
    const p = `/api/plans/${nm.id}`
    expectField(await officerNm.get('/api/plans?year=abc'), 'query.year')
    expectField(await officerNm.get('/api/plans?status=finished'), 'query.status')
    expectField(await officerNm.send('POST', '/api/plans', { from: 'template', year: 'next' }), 'year')
    expectField(await officerNm.send('POST', '/api/plans', { from: 'nowhere', year: 2027 }), 'from')
    expectField(await officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: 'last-year' }), 'sourcePlanId')
    expectField(await officerNm.send('POST', '/api/plans', { from: 'template', year: 2027, surprise: true }), '(body)')
    expectField(await officerNm.send('POST', '/api/plans', '{"from":'), '(body)')
    expectField(await officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: nm.id, year: 2020 }), 'year')
    expectField(await officerNm.get('/api/plans/not-a-uuid'), 'param.id')
    const doc = nm.document
    expectField(
      await officerNm.send('PUT', p, { document: { ...doc, activities: [{ ...doc.activities[0]!, title: '' }] } }, ifMatch(nm.version)),
      'document.activities[0].title',
    )
    expectField(
      await officerNm.send(
        'PUT',
        p,
        {
          document: {
            ...doc,
            activities: [{ ...doc.activities[0]!, indicators: [{ ...doc.activities[0]!.indicators[0]!, kind: 'vibes' }] }],
          },
        },
        ifMatch(nm.version),
      ),
      'document.activities[0].indicators[0].kind',
    )
    expectField(
      await officerNm.send('PUT', p, { document: { ...doc, district: 'rinkeby-kista' } }, ifMatch(nm.version)),
      'document.district',
    )
    expectField(await officerNm.send('PUT', p, { document: { ...doc, status: 'adopted' } }, ifMatch(nm.version)), 'document.status')
    expectField(await officerNm.send('PUT', p, {}, ifMatch(nm.version)), 'document')
    expectField(await officerNm.send('POST', `${p}/transitions`, { action: 'fly' }, ifMatch(nm.version)), 'action')
    expectField(
      await officerNm.send('PUT', `${p}/activities/a1/indicators/i1/follow-ups/T4`, { value: 1, date: '2026-05-01' }, ifMatch(nm.version)),
      'param.period',
    )
    expectField(
      await officerNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T2`,
        { value: 'many', date: '2026-13-01' },
        ifMatch(nm.version),
      ),
      'value',
      'date',
    )
    expectField(await officerNm.get(`${p}/analysis?on=tomorrow`), 'query.on')
    expectField(await officerNm.get(`${p}/versions/0`), 'param.version')
    expectField(await officerNm.get(`${p}/redline?from=x`), 'query.from', 'query.to')
    expectField(await officerNm.get(`${p}/export?format=docx`), 'query.format')
    expectField(await officerNm.get(`${p}/export?format=md&lang=fi`), 'query.lang')
    expectField(await officerNm.get('/api/templates'), 'query.district')
    expectField(await admin.get('/api/audit?limit=0'), 'query.limit')
    expectField(
      await officerNm.send(
        'PUT',
        p,
        { document: { ...doc, contactPoint: { ...doc.contactPoint, unit: 'a\u0000b' } } },
        ifMatch(nm.version),
      ),
      'document.contactPoint.unit',
    )
    // Missing things are 404s that say what is missing.
    expectProblem(await officerNm.get(`${p}/versions/999`), 404)
    expectProblem(
      await officerNm.send('PUT', `${p}/activities/zz/indicators/i1/follow-ups/T2`, { value: 1, date: '2026-05-01' }, ifMatch(nm.version)),
      404,
    )
    expectProblem(await officerNm.get('/api/nothing-here'), 404)
  })

  it('moves a plan through the workflow with the right roles, including återremiss', async () => {
    const p = `/api/plans/${nm.id}`
    const cur = () => officerNm.get(p).then((r) => r.body)
    let plan = await cur()
    expect(plan.can).toEqual({ edit: true, followUp: true, actions: ['submit'] })
    expectProblem(await officerNm.send('POST', `${p}/transitions`, { action: 'submit' }), 428)
    expectProblem(await approverNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(plan.version)), 403)
    expectProblem(await officerNm.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(plan.version)), 403)
    expectProblem(await approverNm.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(plan.version)), 409) // not submitted yet
    let r = await officerNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(plan.version))
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('submitted')
    expect(r.body.document.status).toBe('submitted')
    // Submitted: frozen for the district; other districts' approvers do not see it; auditors cannot act.
    expectProblem(await officerNm.send('PUT', p, { document: r.body.document }, ifMatch(r.body.version)), 409)
    expectProblem(
      await officerNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T2`,
        { value: 60, date: '2026-08-31' },
        ifMatch(r.body.version),
      ),
      409,
    )
    expectProblem(await approverRk.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(r.body.version)), 404)
    expectProblem(await auditor.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(r.body.version)), 403)
    // A return needs the decision and a comment.
    expectField(
      await approverNm.send('POST', `${p}/transitions`, { action: 'return' }, ifMatch(r.body.version)),
      'decisionReference',
      'comment',
    )
    expectField(
      await approverNm.send(
        'POST',
        `${p}/transitions`,
        { action: 'return', decisionReference: 'SDN 2026-06-10 §7', comment: '  ' },
        ifMatch(r.body.version),
      ),
      'comment',
    )
    r = await approverNm.send(
      'POST',
      `${p}/transitions`,
      { action: 'return', decisionReference: 'SDN 2026-06-10 §7', comment: 'Lägg till effektindikatorer för G3.' },
      ifMatch(r.body.version),
    )
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('returned')
    plan = await cur()
    expect(plan.can.actions).toEqual(['revise'])
    expect(plan.history.at(-1)).toMatchObject({
      action: 'return',
      by: 'Erik (nämndsekreterare, Norrmalm)',
      decisionReference: 'SDN 2026-06-10 §7',
      comment: 'Lägg till effektindikatorer för G3.',
    })
    expectProblem(await officerNm.send('PUT', p, { document: plan.document }, ifMatch(plan.version)), 409) // start the revision first
    r = await officerNm.send('POST', `${p}/transitions`, { action: 'revise' }, ifMatch(plan.version))
    expect(r.body.status).toBe('revised')
    const revisedDoc = {
      ...r.body.document,
      activities: r.body.document.activities.map((a: Plan['activities'][number]) =>
        a.id === 'a2' ? { ...a, description: 'Med effektindikator.' } : a,
      ),
    }
    r = await officerNm.send('PUT', p, { document: revisedDoc }, ifMatch(r.body.version))
    expect(r.status).toBe(200)
    r = await officerNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(r.body.version))
    expect(r.body.status).toBe('submitted')
    // Admin may also adopt (central role); here the district approver does, with the minute.
    r = await approverNm.send(
      'POST',
      `${p}/transitions`,
      { action: 'adopt', decisionReference: 'SDN 2026-08-20 §4' },
      ifMatch(r.body.version),
    )
    expect(r.body.status).toBe('adopted')
    expect(r.body.can.actions).toEqual([])
    expectProblem(
      await approverNm.send(
        'POST',
        `${p}/transitions`,
        { action: 'return', decisionReference: 'x', comment: 'y' },
        ifMatch(r.body.version),
      ),
      409,
    )
    // Follow-up is open on the adopted plan.
    const fu = await officerNm.send(
      'PUT',
      `${p}/activities/a1/indicators/i1/follow-ups/T2`,
      { value: 61, date: '2026-08-31', note: 'Två utbildningstillfällen' },
      ifMatch(r.body.version),
    )
    expect(fu.status).toBe(200)
    expect(
      fu.body.document.activities[0].indicators[0].followUps.map((f: { period: string; value: number }) => [f.period, f.value]),
    ).toEqual([
      ['T1', 48],
      ['T2', 61],
    ])
    expectProblem(
      await approverNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T3`,
        { value: 70, date: '2026-12-31' },
        ifMatch(fu.body.version),
      ),
      403,
    )
    // A value entered by mistake can be removed (If-Match, the same roles); a period without one is a 404.
    const wrong = await officerNm.send(
      'PUT',
      `${p}/activities/a1/indicators/i1/follow-ups/T3`,
      { value: 700, date: '2026-12-31' },
      ifMatch(fu.body.version),
    )
    expect(wrong.status).toBe(200)
    expectProblem(
      await approverNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(wrong.body.version)),
      403,
    )
    expectProblem(
      await officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(fu.body.version)),
      409,
    )
    expectProblem(await officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`), 428)
    const removed = await officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(wrong.body.version))
    expect(removed.status).toBe(200)
    expect(removed.body.document.activities[0].indicators[0].followUps.map((f: { period: string }) => f.period)).toEqual(['T1', 'T2'])
    const gone = await officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(removed.body.version))
    expectProblem(gone, 404)
    expect(gone.body.detail).toBe('Det gick inte att hitta uppföljning för T3 bland det du har tillgång till.')
    const actions = (await officerNm.get(`${p}/versions`)).body.versions.map((v: { action: string }) => v.action)
    expect(actions).toEqual([
      'create',
      'save',
      'submit',
      'return',
      'revise',
      'save',
      'submit',
      'adopt',
      'follow-up',
      'follow-up',
      'follow-up-removed',
    ])
    nm = removed.body
  })

  it('logs every state change in the hash-chained audit log, which verifies', async () => {
    const events = (await auditor.get(`/api/audit?entityId=${nm.id}&limit=100`)).body.events as {
      action: string
      actor: string
      after: { status?: string }
    }[]
    expect(events.map((e) => e.action).reverse()).toEqual([
      'plan.create',
      'plan.save',
      'plan.submit',
      'plan.return',
      'plan.revise',
      'plan.save',
      'plan.submit',
      'plan.adopt',
      'plan.follow-up',
      'plan.follow-up',
      'plan.follow-up-removed',
    ])
    expect(events.find((e) => e.action === 'plan.return')).toMatchObject({
      actor: 'approver.nm',
      after: { status: 'returned', comment: 'Lägg till effektindikatorer för G3.' },
    })
    const verify = (await auditor.get('/api/audit/verify')).body
    expect(verify).toMatchObject({ ok: true, problems: [] })
    expectProblem(await officerNm.get('/api/audit'), 403)
  })

  it('creates the yearly revision: next year, follow-ups cleared, the last follow-up as the new baseline', async () => {
    const r = await officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: nm.id })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ year: 2027, status: 'draft', revisionOf: nm.id, version: 1 })
    const i1 = r.body.document.activities[0].indicators[0]
    expect(i1.followUps).toEqual([])
    expect(i1.baseline).toEqual({ value: 61, date: '2026-08-31' })
    expect(r.body.document.activities[0].period).toEqual({ from: '2027-01-01', to: '2027-12-31' })
    expectProblem(await officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: nm.id }), 409)
    expectProblem(await officerNm.send('POST', '/api/plans', { from: 'template', year: 2026, district: 'rinkeby-kista' }), 403)
    expectProblem(await approverNm.send('POST', '/api/plans', { from: 'template', year: 2030 }), 403)
  })

  it('redlines any two versions and exports Markdown, print HTML and PDF', async () => {
    const p = `/api/plans/${nm.id}`
    const rl = await officerNm.get(`${p}/redline?from=1&to=${nm.version}`)
    expect(rl.status).toBe(200)
    expect(rl.body.diff.plan.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['status', 'situationPicture.summary']))
    expect(rl.body.diff.activities.changed.map((a: { id: string }) => a.id)).toEqual(['a1', 'a2'])
    const md = await officerNm.get(`${p}/redline?from=1&to=${nm.version}&format=md&lang=en`)
    expect(md.body).toContain('| situationPicture.summary |')
    const ex = await officerNm.get(`${p}/export?format=md&lang=en`)
    expect(ex.headers.get('content-type')).toMatch(/text\/markdown/)
    expect(ex.body).toContain('# Local action plan against violent extremism: Norrmalm 2026')
    expect(ex.body).toContain('| Andel personal som kan beskriva rutinen vid oro (procent) | effect | 35 (2025-11-01) | 80 (2026-12-31) |')
    const html = await officerNm.get(`${p}/export?format=html`)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.body).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html.body).not.toMatch(/<script/i)
    const pdf = await officerNm.get(`${p}/export?format=pdf&version=1`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-')
    expect((pdf.body as Buffer).length).toBeGreaterThan(1500)
  })

  it('gives admin and auditor the central overview, and no one else', async () => {
    const o = (await admin.get('/api/overview')).body
    expect(o.on).toBe('2026-06-01')
    expect(o.rows.map((r: { district: string }) => r.district)).toEqual(['norrmalm', 'rinkeby-kista'])
    const rkRow = o.rows.find((r: { district: string }) => r.district === 'rinkeby-kista')
    expect(rkRow.plan.year).toBe(2026) // the newest plan per district
    const items = o.columns.flatMap((c: { items: { id: string }[] }) => c.items.map((i) => i.id))
    expect(items).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12'])
    const nmRow = o.rows.find((r: { district: string }) => r.district === 'norrmalm')
    expect(nmRow.cells['D1']).toBe(1)
    expect(nmRow.cells['D12']).toBe(0)
    const dates = o.situationPictures.map((p: { date: string }) => p.date)
    expect(dates).toEqual([...dates].sort().reverse())
    expect(
      o.situationPictures.find((p: { year: number; district: string }) => p.district === 'rinkeby-kista' && p.year === 2017).stale,
    ).toBe(true)
    expect(o.city).toMatchObject({ districts: 2, withPlan: 2 })
    expect((await auditor.get('/api/overview')).status).toBe(200)
    expectProblem(await officerNm.get('/api/overview'), 403)
    expectProblem(await approverRk.get('/api/overview'), 403)
  })

  it('serves the OpenAPI document', async () => {
    const doc = (await checkedFetch(`${base}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/plans',
        '/api/plans/{id}',
        '/api/plans/{id}/transitions',
        '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
        '/api/overview',
        '/api/plans/{id}/redline',
        '/api/plans/{id}/export',
      ]),
    )
  })
})
