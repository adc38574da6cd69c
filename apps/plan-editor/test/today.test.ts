import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client } from './client.js'

/**
 * "Today" in the plan editor is the calendar day in Stockholm. Between midnight and
 * 01:00 (02:00 in summer) the UTC date is still yesterday; a server that took the UTC
 * date analysed plans against yesterday, and on New Year's night missed that the plan
 * year had passed. The server's clock is injected and moved across those hours.
 */
describe('the plan editor’s today is the Stockholm day', () => {
  let now = new Date('2026-06-01T10:00:00Z')
  let server: RunningServer
  let admin: Client
  let officer: Client
  let planId: string

  /** Sets the server's clock and signs in again (a session lives on the server's clock). */
  const at = async (instant: string) => {
    now = new Date(instant)
    ;[admin, officer] = await Promise.all([login(server.url, 'admin'), login(server.url, 'officer.nm')])
  }

  beforeAll(async () => {
    server = await startServer({ config: { kind: 'pglite', dataDir: null }, clock: { now: () => now }, uiDir: null })
    await at(now.toISOString())
    const plans = (await admin.get('/api/plans')).body.items as { id: string; district: string; year: number }[]
    planId = plans.find((p) => p.district === 'norrmalm' && p.year === 2026)!.id
  })
  afterAll(() => server?.close())

  it.each([
    ['summer, 00:30 CEST', '2026-06-01T22:30:00Z', '2026-06-02'],
    ['winter, 00:30 CET', '2026-01-14T23:30:00Z', '2026-01-15'],
    ['summer, 23:59 CEST', '2026-06-01T21:59:00Z', '2026-06-01'],
  ])('%s (%s): analysis, overview and export use %s', async (_what, instant, day) => {
    await at(instant)
    expect((await officer.get(`/api/plans/${planId}/analysis`)).body.on).toBe(day)
    expect((await admin.get('/api/overview')).body.on).toBe(day)
    const md = await officer.get(`/api/plans/${planId}/export?format=md`)
    expect(md.status).toBe(200)
    expect(md.body).toContain(`(${day})`)
  })

  it('at 00:30 on New Year’s Day in Stockholm (23:30Z on 31 December) the 2026 plan’s year has passed', async () => {
    await at('2026-12-31T23:30:00Z')
    const analysis = (await officer.get(`/api/plans/${planId}/analysis`)).body
    expect(analysis.on).toBe('2027-01-01')
    expect(analysis.revisionFindings.map((f: { code: string }) => f.code)).toContain('plan-year-passed')
    const listed = (await officer.get('/api/plans')).body.items.find((p: { id: string }) => p.id === planId)
    const detail = (await officer.get(`/api/plans/${planId}`)).body
    // The list and the detail count the same findings as the analysis of that day.
    expect(listed.findings).toEqual(analysis.summary.findings)
    expect(detail.findings).toEqual(analysis.summary.findings)
  })

  it('a new plan’s situation picture is dated the Stockholm day', async () => {
    await at('2027-03-31T22:30:00Z') // 00:30 CEST on 1 April
    const created = await officer.send('POST', '/api/plans', { from: 'template', year: 2027, district: 'norrmalm' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.document.situationPicture.date).toBe('2027-04-01')
  })
})
