import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonb } from '@vbe/server-kit'
import { addEvidence, eligibleApplication, LATER_THREAT, openCase } from './support/cases.js'
import { startTestServer, type TestServer } from './support/server.js'

// A re-screen says which evidence changed since a case's last screening, told by what the
// item says (conduct, who, day, source, how it counted before and now), never by its id or
// its free text. Here an item dated after the case's last screening day is counted when the
// day has come, and the case flips; over real HTTP on PGlite, each answer checked against
// the OpenAPI document.
describe('re-screen runs name the evidence that changed', () => {
  let server: TestServer
  let today = new Date('2026-11-22T10:00:00Z')
  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => today } })
  })
  afterAll(() => server?.stop())

  it('lists an item dated after the last screening, in the run and in the list of runs', async () => {
    const officer = await server.login('officer.rk')
    const opened = await openCase(officer, eligibleApplication('t-rescreen-evidence'))
    expect(opened.created.outcome).toBe('eligible')
    // A judgment on threats within the activities, dated after today: not counted yet.
    const { detail, evidenceId } = await addEvidence(officer, opened.id, LATER_THREAT)
    expect(detail.outcome).toBe('eligible')

    today = new Date('2026-12-05T10:00:00Z')
    const admin = await server.login('admin.rk')
    const run = await admin.json('POST', '/api/rescreen')
    expect(run.status).toBe(200)
    const flip = run.body.run.flips.find((f: { caseId: string }) => f.caseId === opened.id)
    expect(flip).toMatchObject({ from: 'eligible', changedRules: ['democracy-condition'] })
    expect(flip.changedEvidence).toEqual([
      {
        conduct: 'threat',
        actor: 'organisation',
        date: '2026-12-01',
        source: 'court-judgment',
        verified: true,
        newSinceLastScreening: true,
        before: 'not_applicable',
        after: 'not_met',
      },
    ])
    // No id, reference or summary of the item reaches the run.
    for (const secret of [evidenceId, LATER_THREAT.source.reference, LATER_THREAT.summary])
      expect(JSON.stringify(run.body)).not.toContain(secret)

    // (The session of twelve days ago has expired: sign in again.)
    const listed = await (await server.login('officer.rk')).json('GET', '/api/rescreen')
    expect(listed.status).toBe(200)
    expect(listed.body.runs[0].flips.find((f: { caseId: string }) => f.caseId === opened.id).changedEvidence).toEqual(flip.changedEvidence)

    // A flip without any evidence change (another case, another rule) has none listed.
    expect(
      run.body.run.flips
        .filter((f: { caseId: string }) => f.caseId !== opened.id)
        .every((f: { changedEvidence: unknown[] }) => f.changedEvidence.length === 0),
    ).toBe(true)
  })

  it('lists a run recorded before the field existed with no changed evidence', async () => {
    const k = server.database.kysely
    const row = await k.selectFrom('gs_rescreen_runs').select(['id', 'flips']).orderBy('at', 'desc').executeTakeFirstOrThrow()
    const old = (row.flips as Record<string, unknown>[]).map(({ changedEvidence: _, ...f }) => f)
    expect(old.length).toBeGreaterThan(0)
    await k
      .updateTable('gs_rescreen_runs')
      .set({ flips: jsonb(old) })
      .where('id', '=', row.id)
      .execute()
    const listed = await (await server.login('officer.rk')).json('GET', '/api/rescreen')
    expect(listed.status).toBe(200)
    const run = listed.body.runs.find((r: { id: string }) => r.id === row.id)
    expect(run.flips.length).toBe(old.length)
    expect(run.flips.every((f: { changedEvidence: unknown[] }) => Array.isArray(f.changedEvidence) && f.changedEvidence.length === 0)).toBe(
      true,
    )
  })
})
