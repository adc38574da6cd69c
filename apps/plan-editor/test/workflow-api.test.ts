import { describe, expect, it } from 'vitest'
import type { Plan } from '@vbe/core/plans'
import { apiContext, expectField, expectProblem, ifMatch } from './api-context.js'
import { DATABASES } from './databases.js'

/**
 * A plan's versions over the API, in order on one server: saving with ETags, the workflow with
 * the right roles, the audit log of it all, the yearly revision, redlines and exports.
 */
describe.each(DATABASES)('plan editor versions and workflow API on %s', (_name, config) => {
  const c = apiContext(config)

  it('GET plan sends the version as ETag; PUT needs If-Match (428), a readable one (400) and a current one (409)', async () => {
    const got = await c.officerNm.get(`/api/plans/${c.nm.id}`)
    expect(got.headers.get('etag')).toBe(`"${got.body.version}"`)
    const doc: Plan = got.body.document
    const edited = { ...doc, situationPicture: { ...doc.situationPicture, summary: 'Uppdaterad lägesbild.' } }
    expectProblem(await c.officerNm.send('PUT', `/api/plans/${c.nm.id}`, { document: edited }), 428)
    expectField(
      await c.officerNm.send('PUT', `/api/plans/${c.nm.id}`, { document: edited }, { 'if-match': 'yesterday' }),
      'header.if-match',
    )
    const ok = await c.officerNm.send('PUT', `/api/plans/${c.nm.id}`, { document: edited }, ifMatch(got.body.version))
    expect(ok.status).toBe(200)
    expect(ok.body.version).toBe(got.body.version + 1)
    expect(ok.headers.get('etag')).toBe(`"${got.body.version + 1}"`)
    // The same document again is not a new version.
    const same = await c.officerNm.send('PUT', `/api/plans/${c.nm.id}`, { document: edited }, ifMatch(ok.body.version))
    expect(same.body.version).toBe(ok.body.version)
    // A stale write is refused, naming the other change.
    const stale = await c.officerNm.send(
      'PUT',
      `/api/plans/${c.nm.id}`,
      { document: { ...doc, contactPoint: { ...doc.contactPoint, unit: 'Annan enhet' } } },
      ifMatch(got.body.version),
    )
    expectProblem(stale, 409)
    expect(stale.body.current.version).toBe(ok.body.version)
    expect(stale.body.current.theirs.plan).toEqual([
      { path: 'situationPicture.summary', before: doc.situationPicture.summary, after: 'Uppdaterad lägesbild.' },
    ])
    expect(stale.body.current.mine.plan).toEqual([{ path: 'contactPoint.unit', before: doc.contactPoint.unit, after: 'Annan enhet' }])
    expect((await c.officerNm.get(`/api/plans/${c.nm.id}`)).body.document.contactPoint.unit).toBe(doc.contactPoint.unit)
    c.nm = (await c.officerNm.get(`/api/plans/${c.nm.id}`)).body
  })

  it('moves a plan through the workflow with the right roles, including återremiss', async () => {
    const p = `/api/plans/${c.nm.id}`
    const cur = () => c.officerNm.get(p).then((r) => r.body)
    let plan = await cur()
    expect(plan.can).toEqual({ edit: true, followUp: true, actions: ['submit'] })
    expectProblem(await c.officerNm.send('POST', `${p}/transitions`, { action: 'submit' }), 428)
    expectProblem(await c.approverNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(plan.version)), 403)
    expectProblem(await c.officerNm.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(plan.version)), 403)
    expectProblem(await c.approverNm.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(plan.version)), 409) // not submitted yet
    let r = await c.officerNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(plan.version))
    expect(r.status).toBe(200)
    expect(r.body.status).toBe('submitted')
    expect(r.body.document.status).toBe('submitted')
    // Submitted: frozen for the district; other districts' approvers do not see it; auditors cannot act.
    expectProblem(await c.officerNm.send('PUT', p, { document: r.body.document }, ifMatch(r.body.version)), 409)
    expectProblem(
      await c.officerNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T2`,
        { value: 60, date: '2026-08-31' },
        ifMatch(r.body.version),
      ),
      409,
    )
    expectProblem(await c.approverRk.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(r.body.version)), 404)
    expectProblem(await c.auditor.send('POST', `${p}/transitions`, { action: 'adopt' }, ifMatch(r.body.version)), 403)
    // A return needs the decision and a comment.
    expectField(
      await c.approverNm.send('POST', `${p}/transitions`, { action: 'return' }, ifMatch(r.body.version)),
      'decisionReference',
      'comment',
    )
    expectField(
      await c.approverNm.send(
        'POST',
        `${p}/transitions`,
        { action: 'return', decisionReference: 'SDN 2026-06-10 §7', comment: '  ' },
        ifMatch(r.body.version),
      ),
      'comment',
    )
    r = await c.approverNm.send(
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
      by: 'Maria Holm',
      decisionReference: 'SDN 2026-06-10 §7',
      comment: 'Lägg till effektindikatorer för G3.',
    })
    expectProblem(await c.officerNm.send('PUT', p, { document: plan.document }, ifMatch(plan.version)), 409) // start the revision first
    r = await c.officerNm.send('POST', `${p}/transitions`, { action: 'revise' }, ifMatch(plan.version))
    expect(r.body.status).toBe('revised')
    const revisedDoc = {
      ...r.body.document,
      activities: r.body.document.activities.map((a: Plan['activities'][number]) =>
        a.id === 'a2' ? { ...a, description: 'Med effektindikator.' } : a,
      ),
    }
    r = await c.officerNm.send('PUT', p, { document: revisedDoc }, ifMatch(r.body.version))
    expect(r.status).toBe(200)
    r = await c.officerNm.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(r.body.version))
    expect(r.body.status).toBe('submitted')
    // Admin may also adopt (central role); here the district approver does, with the minute.
    r = await c.approverNm.send(
      'POST',
      `${p}/transitions`,
      { action: 'adopt', decisionReference: 'SDN 2026-08-20 §4' },
      ifMatch(r.body.version),
    )
    expect(r.body.status).toBe('adopted')
    expect(r.body.can.actions).toEqual([])
    expectProblem(
      await c.approverNm.send(
        'POST',
        `${p}/transitions`,
        { action: 'return', decisionReference: 'x', comment: 'y' },
        ifMatch(r.body.version),
      ),
      409,
    )
    // Follow-up is open on the adopted plan.
    const fu = await c.officerNm.send(
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
      await c.approverNm.send(
        'PUT',
        `${p}/activities/a1/indicators/i1/follow-ups/T3`,
        { value: 70, date: '2026-12-31' },
        ifMatch(fu.body.version),
      ),
      403,
    )
    // A value entered by mistake can be removed (If-Match, the same roles); a period without one is a 404.
    const wrong = await c.officerNm.send(
      'PUT',
      `${p}/activities/a1/indicators/i1/follow-ups/T3`,
      { value: 700, date: '2026-12-31' },
      ifMatch(fu.body.version),
    )
    expect(wrong.status).toBe(200)
    expectProblem(
      await c.approverNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(wrong.body.version)),
      403,
    )
    expectProblem(
      await c.officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`, undefined, ifMatch(fu.body.version)),
      409,
    )
    expectProblem(await c.officerNm.send('DELETE', `${p}/activities/a1/indicators/i1/follow-ups/T3`), 428)
    const removed = await c.officerNm.send(
      'DELETE',
      `${p}/activities/a1/indicators/i1/follow-ups/T3`,
      undefined,
      ifMatch(wrong.body.version),
    )
    expect(removed.status).toBe(200)
    expect(removed.body.document.activities[0].indicators[0].followUps.map((f: { period: string }) => f.period)).toEqual(['T1', 'T2'])
    const gone = await c.officerNm.send(
      'DELETE',
      `${p}/activities/a1/indicators/i1/follow-ups/T3`,
      undefined,
      ifMatch(removed.body.version),
    )
    expectProblem(gone, 404)
    expect(gone.body.detail).toBe('Det gick inte att hitta uppföljning för T3 bland det du har tillgång till.')
    const actions = (await c.officerNm.get(`${p}/versions`)).body.versions.map((v: { action: string }) => v.action)
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
    c.nm = removed.body
  })

  it('logs every state change in the hash-chained audit log, which verifies', async () => {
    const events = (await c.auditor.get(`/api/audit?entityId=${c.nm.id}&limit=100`)).body.events as {
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
    const verify = (await c.auditor.get('/api/audit/verify')).body
    expect(verify).toMatchObject({ ok: true, problems: [] })
    expectProblem(await c.officerNm.get('/api/audit'), 403)
  })

  it('creates the yearly revision: next year, follow-ups cleared, the last follow-up as the new baseline', async () => {
    const r = await c.officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: c.nm.id })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ year: 2027, status: 'draft', revisionOf: c.nm.id, version: 1 })
    const i1 = r.body.document.activities[0].indicators[0]
    expect(i1.followUps).toEqual([])
    expect(i1.baseline).toEqual({ value: 61, date: '2026-08-31' })
    expect(r.body.document.activities[0].period).toEqual({ from: '2027-01-01', to: '2027-12-31' })
    expectProblem(await c.officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: c.nm.id }), 409)
    expectProblem(await c.officerNm.send('POST', '/api/plans', { from: 'template', year: 2026, district: 'rinkeby-kista' }), 403)
    expectProblem(await c.approverNm.send('POST', '/api/plans', { from: 'template', year: 2030 }), 403)
  })

  it('redlines any two versions and exports Markdown, print HTML and PDF', async () => {
    const p = `/api/plans/${c.nm.id}`
    const rl = await c.officerNm.get(`${p}/redline?from=1&to=${c.nm.version}`)
    expect(rl.status).toBe(200)
    expect(rl.body.diff.plan.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['status', 'situationPicture.summary']))
    expect(rl.body.diff.activities.changed.map((a: { id: string }) => a.id)).toEqual(['a1', 'a2'])
    const md = await c.officerNm.get(`${p}/redline?from=1&to=${c.nm.version}&format=md&lang=en`)
    expect(md.body).toContain('| Situation picture: Summary |')
    const ex = await c.officerNm.get(`${p}/export?format=md&lang=en`)
    expect(ex.headers.get('content-type')).toMatch(/text\/markdown/)
    expect(ex.body).toContain('# Local action plan against violent extremism: Norrmalm 2026')
    expect(ex.body).toContain('| Andel personal som kan beskriva rutinen vid oro (procent) | effect | 35 (2025-11-01) | 80 (2026-12-31) |')
    const html = await c.officerNm.get(`${p}/export?format=html`)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(html.body).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html.body).not.toMatch(/<script/i)
    const pdf = await c.officerNm.get(`${p}/export?format=pdf&version=1`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-')
    expect((pdf.body as Buffer).length).toBeGreaterThan(1500)
  })
})
