import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Client, type TestServer } from './support/server.js'

// Finding 12 of issue 16: person searches and audit reads went unlogged. Every response
// here is checked against the app's OpenAPI document (checkedFetch).
describe('grant screening security log and sessions (PGlite)', () => {
  let server: TestServer
  let admin: Client

  beforeAll(async () => {
    server = await startTestServer()
    admin = await server.login('admin')
  })
  afterAll(() => server?.stop())

  it('logs a person search (without the searched-for text) and an audit read, for admins and auditors to read', async () => {
    expect((await admin.json('GET', '/api/persons?q=Kontaktperson')).status).toBe(200)
    expect((await admin.json('GET', '/api/audit?limit=5')).status).toBe(200)
    const auditor = await server.login('auditor')
    const log = await auditor.json('GET', '/api/security-log')
    expect(log.status).toBe(200)
    expect(log.body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'person.search', actor: 'admin', path: '/api/persons', detail: { hits: expect.any(Number) } }),
        expect.objectContaining({ kind: 'audit.read', actor: 'admin', path: '/api/audit' }),
      ]),
    )
    expect(JSON.stringify(log.body)).not.toContain('Kontaktperson')
    const officer = await server.login('officer.rk')
    expect((await officer.json('GET', '/api/security-log')).status).toBe(403)
    expect((await officer.json('GET', '/api/persons?q=x')).status).toBe(403)
    const refusals = await auditor.json('GET', '/api/security-log?kind=forbidden')
    expect(refusals.body.events[0]).toMatchObject({
      kind: 'forbidden',
      actor: 'officer.rk',
      path: '/api/persons',
      detail: { code: 'role' },
    })
  })

  it('lists a user’s own sessions and ends one, as the OpenAPI document says', async () => {
    const other = await server.login('approver.rk')
    const mine = await server.login('approver.rk')
    const listed = await mine.json('GET', '/api/sessions')
    expect(listed.status).toBe(200)
    expect(listed.body.sessions.length).toBeGreaterThanOrEqual(2)
    const elsewhere = listed.body.sessions.find((s: { current: boolean }) => !s.current)
    expect((await mine.request('DELETE', `/api/sessions/${elsewhere.id}`)).status).toBe(204)
    expect((await other.json('GET', '/api/session')).status).toBe(401)
    expect((await mine.request('DELETE', '/api/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await mine.request('DELETE', '/api/sessions/not-a-session')).status).toBe(400)
  })
})
