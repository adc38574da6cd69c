import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, kitMigrations, openDatabase, registerHealthRoute, type Database } from '../src/index.js'
import { DATABASES } from './databases.js'

/* `GET /api/health`, as both apps serve it: no login, and the kind of database, for monitoring. */
describe.each(DATABASES)('GET /api/health on %s', (_name, config) => {
  let database: Database
  let app: ReturnType<typeof createApi>

  beforeAll(async () => {
    database = await openDatabase(await config(), [kitMigrations])
    app = createApi({ database, secureCookies: false, signIn: { passwordLogin: true, oidc: null } })
    registerHealthRoute(app)
  })
  afterAll(() => database?.close())

  it('answers 200 without a session, with the kind of database, and is documented', async () => {
    const res = await app.request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, database: database.kind })
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } })
    expect(doc.paths?.['/api/health']?.get?.operationId).toBe('getHealth')
  })
})
