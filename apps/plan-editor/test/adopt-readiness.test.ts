import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client } from './client.js'
import { expectProblem, ifMatch } from './api-context.js'
import { DATABASES } from './databases.js'

const sv = { 'accept-language': 'sv-SE,sv;q=0.9' }
const en = { 'accept-language': 'en-GB,en;q=0.8' }

/**
 * A submitted plan is held to the rules again when it is adopted: the walk found a plan submitted without
 * errors could be adopted after its year had passed. The server refuses adoption with a 409 naming each error
 * in words (sv/en), as it refuses submission; without errors the plan is adopted. The server's clock is moved.
 */
describe.each(DATABASES)('adopting a plan with errors on %s', (_name, config) => {
  let now = new Date('2026-06-01T09:00:00Z')
  let server: RunningServer
  let officer: Client
  let approver: Client
  let path: string

  /** Sets the server's clock and signs in again (a session lives on the server's clock). */
  const at = async (instant: string) => {
    now = new Date(instant)
    ;[officer, approver] = await Promise.all([login(server.url, 'officer.nm'), login(server.url, 'approver.nm')])
  }

  beforeAll(async () => {
    server = await startServer({ config: await config(), clock: { now: () => now }, uiDir: null })
    await at(now.toISOString())
    const plans = (await officer.get('/api/plans')).body.items as { id: string; district: string; year: number }[]
    path = `/api/plans/${plans.find((p) => p.district === 'norrmalm' && p.year === 2026)!.id}`
  })
  afterAll(() => server?.close())

  it('a plan submitted without errors whose year has since passed is not adopted: 409 naming the error, sv and en', async () => {
    const plan = (await officer.get(path)).body
    expect(plan.findings.error).toBe(0)
    const sent = await officer.send('POST', `${path}/transitions`, { action: 'submit' }, ifMatch(plan.version))
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)

    await at('2027-01-11T09:00:00Z')
    const refused = await approver.send('POST', `${path}/transitions`, { action: 'adopt' }, { ...ifMatch(sent.body.version), ...sv })
    expectProblem(refused, 409)
    expect(refused.body.detail).toBe(
      'Planen kan inte antas förrän felet är rättat: 1. Planen gäller 2026, som har passerat. Gör en årlig revidering för 2027.',
    )
    const refusedEn = await approver.send('POST', `${path}/transitions`, { action: 'adopt' }, { ...ifMatch(sent.body.version), ...en })
    expectProblem(refusedEn, 409)
    expect(refusedEn.body.detail).toBe(
      'The plan cannot be adopted until this error is corrected: 1. The plan is for 2026, which has passed. Make the yearly revision for 2027.',
    )
    for (const r of [refused, refusedEn]) expect(r.body.detail).not.toMatch(/plan-year-passed|itemId|\bD2\b/)
    expect((await approver.get(path)).body).toMatchObject({ status: 'submitted', version: sent.body.version })

    // The same plan within its year has no errors: it is adopted.
    await at('2026-06-02T09:00:00Z')
    const adopted = await approver.send('POST', `${path}/transitions`, { action: 'adopt' }, ifMatch(sent.body.version))
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200)
    expect(adopted.body.status).toBe('adopted')
  })
})
