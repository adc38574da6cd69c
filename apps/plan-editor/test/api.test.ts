import { describe, expect, it } from 'vitest'
import { checkedFetch } from '@vbe/test-openapi'
import { apiContext, expectField, expectProblem, ifMatch } from './api-context.js'
import { DATABASES } from './databases.js'

/** The plan editor's API: lists and scope, analysis, conflicts between sessions, who saved, bad input, the overview and the OpenAPI document. */
describe.each(DATABASES)('plan editor API on %s', (_name, config) => {
  const c = apiContext(config)

  it('seeds the demo users and one plan per seed district, and scopes lists by district', async () => {
    expect(c.server.seeded).toEqual({ users: 11, plans: 2 })
    const mine = (await c.officerRk.get('/api/plans')).body.items as {
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
    expect(((await c.officerNm.get('/api/plans')).body.items as { district: string }[]).map((p) => p.district)).toEqual(['norrmalm'])
    expect(((await c.auditor.get('/api/plans')).body.items as unknown[]).length).toBe(2)
    // Out of scope is not found, not forbidden: nothing leaks.
    expectProblem(await c.officerNm.get(`/api/plans/${c.rk.id}`), 404)
    expectProblem(
      await checkedFetch(`${c.base}/api/plans`).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() })),
      401,
    )
  })

  it('a second plan for a district and year is refused with 409 naming the plan in words (not "rinkeby-kista 2017 (fältet year)")', async () => {
    const lang = (l: string) => ({ 'accept-language': l })
    const sv = await c.officerRk.send('POST', '/api/plans', { from: 'template', year: 2017 }, lang('sv-SE'))
    expectProblem(sv, 409)
    expect(sv.body.detail).toBe('Det finns redan en plan för Rinkeby-Kista 2017. Välj ett annat år eller öppna den planen.')
    expect(sv.body.current).toEqual({ id: c.rk.id })
    const en = await c.officerRk.send('POST', '/api/plans', { from: 'template', year: 2017 }, lang('en-GB'))
    expectProblem(en, 409)
    expect(en.body.detail).toBe('There is already a plan for Rinkeby-Kista 2017. Choose another year or open that plan.')
    for (const r of [sv, en]) expect(r.body.detail).not.toMatch(/rinkeby-kista|fältet|field year/)
  })

  it('the weak Rinkeby-Kista plan shows real gaps and findings; Norrmalm does not', async () => {
    const a = (await c.officerRk.get(`/api/plans/${c.rk.id}/analysis`)).body
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
    const n = (await c.officerNm.get(`/api/plans/${c.nm.id}/analysis`)).body
    expect(n.summary.findings.error).toBe(0)
  })

  it('two sessions edit the same plan: the second gets 409 with the other change, nothing is overwritten, and a re-based save keeps both', async () => {
    const created = await c.officerRk.send('POST', '/api/plans', { from: 'template', year: 2026 })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/plans/${created.body.id}`)
    expect(created.body).toMatchObject({ district: 'rinkeby-kista', year: 2026, status: 'draft', version: 1 })
    expect(created.body.document.sections.map((s: { id: string }) => s.id)).toContain('rinkeby-kista-effect-indicators')
    const id = created.body.id as string
    const a = (await c.officerRk.get(`/api/plans/${id}`)).body
    const b = (await c.officer2Rk.get(`/api/plans/${id}`)).body
    const first = await c.officerRk.send(
      'PUT',
      `/api/plans/${id}`,
      { document: { ...a.document, situationPicture: { ...a.document.situationPicture, summary: 'Ändrad av Amina' } } },
      ifMatch(a.version),
    )
    expect(first.status).toBe(200)
    const bDoc = { ...b.document, contactPoint: { ...b.document.contactPoint, function: 'Ändrad av Erik' } }
    const second = await c.officer2Rk.send('PUT', `/api/plans/${id}`, { document: bDoc }, ifMatch(b.version))
    expectProblem(second, 409)
    // Who saved is named by display name; no username reaches the user.
    expect(second.body.detail).toContain('Amina Yusuf')
    expect(second.body.detail).not.toMatch(/officer\.rk/)
    expect(second.body.current).toMatchObject({ version: 2, updatedBy: 'Amina Yusuf', baseVersion: 1 })
    expect(second.body.current.theirs.plan).toEqual([
      expect.objectContaining({ path: 'situationPicture.summary', after: 'Ändrad av Amina' }),
    ])
    expect(second.body.current.document.situationPicture.summary).toBe('Ändrad av Amina')
    // Erik re-bases on version 2 and keeps both changes.
    const merged = { ...second.body.current.document, contactPoint: bDoc.contactPoint }
    const third = await c.officer2Rk.send('PUT', `/api/plans/${id}`, { document: merged }, ifMatch(2))
    expect(third.status).toBe(200)
    expect(third.body.document.situationPicture.summary).toBe('Ändrad av Amina')
    expect(third.body.document.contactPoint.function).toBe('Ändrad av Erik')

    // Truly simultaneous writes from the same base: exactly one wins.
    const cur = third.body
    const results = await Promise.all(
      [c.officerRk, c.officer2Rk].map((c, i) =>
        c.send(
          'PUT',
          `/api/plans/${id}`,
          { document: { ...cur.document, situationPicture: { ...cur.document.situationPicture, summary: `samtidigt ${i}` } } },
          ifMatch(cur.version),
        ),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const versions = (await c.officerRk.get(`/api/plans/${id}/versions`)).body.versions as { version: number; by: string }[]
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4])
  })

  it('names who saved by display name, never by username, in lists, plans, versions and conflicts', async () => {
    const created = await c.officer2Rk.send('POST', '/api/plans', { from: 'template', year: 2025 })
    expect(created.status).toBe(201)
    const id = created.body.id as string
    const doc = created.body.document
    const changed = { ...doc, situationPicture: { ...doc.situationPicture, summary: 'Lägesbild av Amina' } }
    const saved = await c.officerRk.send('PUT', `/api/plans/${id}`, { document: changed }, ifMatch(created.body.version))
    expect(saved.status).toBe(200)
    expect(saved.body.updatedBy).toBe('Amina Yusuf')
    const bodies = [
      (await c.officerRk.get('/api/plans')).body,
      (await c.officerRk.get(`/api/plans/${id}`)).body,
      (await c.officerRk.get(`/api/plans/${id}/versions`)).body,
      (await c.officerRk.get(`/api/plans/${id}/versions/1`)).body,
      (await c.officerRk.get(`/api/plans/${c.rk.id}`)).body,
      (await c.admin.get('/api/overview')).body,
    ]
    const usernames = ['officer.rk', 'officer2.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'demo-seed']
    for (const body of bodies) for (const u of usernames) expect(JSON.stringify(body)).not.toContain(u)
    expect(bodies[1].history.map((h: { by: string | null }) => h.by)).toEqual(['Erik Lind', 'Amina Yusuf'])
    expect(bodies[3].by).toBe('Erik Lind')
    // The demo seed is not a user: no name to show, and the UI says so in words.
    expect(bodies[4].history[0].by).toBeNull()
  })

  it('answers bad input to every endpoint with problem+json naming the field', async () => {
    const p = `/api/plans/${c.nm.id}`
    expectField(await c.officerNm.get('/api/plans?year=abc'), 'query.year')
    expectField(await c.officerNm.get('/api/plans?status=finished'), 'query.status')
    expectField(await c.officerNm.send('POST', '/api/plans', { from: 'template', year: 'next' }), 'year')
    expectField(await c.officerNm.send('POST', '/api/plans', { from: 'nowhere', year: 2027 }), 'from')
    expectField(await c.officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: 'last-year' }), 'sourcePlanId')
    expectField(await c.officerNm.send('POST', '/api/plans', { from: 'template', year: 2027, surprise: true }), 'surprise')
    expectField(await c.officerNm.send('POST', '/api/plans', '{"from":'), '(body)')
    expectField(await c.officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: c.nm.id, year: 2020 }), 'year')
    expectField(await c.officerNm.get('/api/plans/not-a-uuid'), 'param.id')
    const doc = c.nm.document
    expectField(
      await c.officerNm.send('PUT', p, { document: { ...doc, activities: [{ ...doc.activities[0]!, title: '' }] } }, ifMatch(c.nm.version)),
      'document.activities[0].title',
    )
    expectField(
      await c.officerNm.send(
        'PUT',
        p,
        {
          document: {
            ...doc,
            activities: [{ ...doc.activities[0]!, indicators: [{ ...doc.activities[0]!.indicators[0]!, kind: 'vibes' }] }],
          },
        },
        ifMatch(c.nm.version),
      ),
      'document.activities[0].indicators[0].kind',
    )
    expectField(
      await c.officerNm.send('PUT', p, { document: { ...doc, district: 'rinkeby-kista' } }, ifMatch(c.nm.version)),
      'document.district',
    )
    expectField(await c.officerNm.send('PUT', p, { document: { ...doc, status: 'adopted' } }, ifMatch(c.nm.version)), 'document.status')
    expectField(await c.officerNm.send('PUT', p, {}, ifMatch(c.nm.version)), 'document')
    expectField(await c.officerNm.send('POST', `${p}/transitions`, { action: 'fly' }, ifMatch(c.nm.version)), 'action')
    expectField(
      await c.officerNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T4`,
        { value: 1, date: '2026-05-01' },
        ifMatch(c.nm.version),
      ),
      'param.period',
    )
    expectField(
      await c.officerNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T2`,
        { value: 'many', date: '2026-13-01' },
        ifMatch(c.nm.version),
      ),
      'value',
      'date',
    )
    expectField(await c.officerNm.get(`${p}/analysis?on=tomorrow`), 'query.on')
    expectField(await c.officerNm.get(`${p}/versions/0`), 'param.version')
    expectField(await c.officerNm.get(`${p}/redline?from=x`), 'query.from', 'query.to')
    expectField(await c.officerNm.get(`${p}/export?format=docx`), 'query.format')
    expectField(await c.officerNm.get(`${p}/export?format=md&lang=fi`), 'query.lang')
    expectField(await c.officerNm.get('/api/templates'), 'query.district')
    expectField(await c.admin.get('/api/audit?limit=0'), 'query.limit')
    expectField(
      await c.officerNm.send(
        'PUT',
        p,
        { document: { ...doc, contactPoint: { ...doc.contactPoint, unit: 'a\u0000b' } } },
        ifMatch(c.nm.version),
      ),
      'document.contactPoint.unit',
    )
    // Missing things are 404s that say what is missing.
    expectProblem(await c.officerNm.get(`${p}/versions/999`), 404)
    expectProblem(
      await c.officerNm.send(
        'PUT',
        `${p}/activities/zz/indicators/i1/follow-ups/T2`,
        { value: 1, date: '2026-05-01' },
        ifMatch(c.nm.version),
      ),
      404,
    )
    expectProblem(await c.officerNm.get('/api/nothing-here'), 404)
  })

  it('gives admin and auditor the central overview, and no one else', async () => {
    const o = (await c.admin.get('/api/overview')).body
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
    expect((await c.auditor.get('/api/overview')).status).toBe(200)
    expectProblem(await c.officerNm.get('/api/overview'), 403)
    expectProblem(await c.approverRk.get('/api/overview'), 403)
  })

  it('serves the OpenAPI document', async () => {
    const doc = (await checkedFetch(`${c.base}/api/openapi.json`).then((r) => r.json())) as { paths: Record<string, unknown> }
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
