import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/server.js'

// A re-screen run names who started it by display name, never by username, both in the
// answer to the run and in the list of runs; the run row keeps the username (as the audit
// log does), and a username that no user has any longer is shown as no one.
describe('re-screen runs name people, not accounts', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => new Date('2026-11-22T10:00:00Z') } })
  })
  afterAll(() => server?.stop())

  it('shows the display name of who started a run, and no username', async () => {
    const admin = await server.login('admin.rk')
    const started = await admin.json('POST', '/api/rescreen')
    expect(started.status).toBe(200)
    expect(started.body.run.startedBy).toBe('Hanna Sjöberg')
    expect(JSON.stringify(started.body)).not.toContain('admin.rk')

    const officer = await server.login('officer.rk')
    const listed = await officer.json('GET', '/api/rescreen')
    expect(listed.status).toBe(200)
    expect(listed.body.runs[0]).toMatchObject({ id: started.body.run.id, startedBy: 'Hanna Sjöberg' })
    expect(JSON.stringify(listed.body)).not.toContain('admin.rk')

    // What is stored is the username, as the audit log keeps it.
    const k = server.database.kysely
    const row = await k.selectFrom('gs_rescreen_runs').select('actor').where('id', '=', started.body.run.id).executeTakeFirstOrThrow()
    expect(row.actor).toBe('admin.rk')

    // A removed account: no one is named, and its username does not reach the reader either.
    await k.updateTable('gs_rescreen_runs').set({ actor: 'retired.rk' }).where('id', '=', started.body.run.id).execute()
    const gone = await officer.json('GET', '/api/rescreen')
    expect(gone.body.runs[0]).toMatchObject({ id: started.body.run.id, startedBy: null })
    expect(JSON.stringify(gone.body)).not.toContain('retired.rk')
  })
})
