import { Effect } from 'effect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendAuditAs,
  auditEntityKey,
  Clock,
  createApi,
  Db,
  kitMigrations,
  openDatabase,
  registerAuditRoutes,
  upsertUser,
  type AuditEntityLabels,
  type Database,
} from '../src/index.js'
import { DATABASES } from './databases.js'

/*
 * `GET /api/audit` as every app's audit page reads it: the actor's display name resolved at
 * read time (null for a user that is gone; the username stays for machines), the entity's
 * label from the app's resolver (null where it has none), and `?reference=` through the app's
 * resolver, refused with a 400 naming the field when nothing has it (in the app's words where it
 * gives them). Labels come in the request's language.
 */
describe.each(DATABASES)('GET /api/audit labels on %s', (_name, config) => {
  let database: Database
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') }
  const run = <A, E>(e: Effect.Effect<A, E, Db | Clock>) =>
    Effect.runPromise(e.pipe(Effect.provideService(Db, database), Effect.provideService(Clock, clock)))
  // The app's resolver: plan p1 has a name; anything else has none.
  const entityLabels: AuditEntityLabels = async (_db, refs) =>
    new Map(
      refs
        .filter((r) => r.entityType === 'plan' && r.entityId === 'p1')
        .map((r) => [auditEntityKey(r.entityType, r.entityId), 'Handlingsplan 2026']),
    )
  let cookie = ''
  let app: ReturnType<typeof createApi>

  beforeAll(async () => {
    database = await openDatabase(await config(), [kitMigrations])
    await run(upsertUser({ username: 'greta', displayName: 'Greta Granskare', password: 'secret-1', roles: ['auditor'], district: null }))
    await run(upsertUser({ username: 'anna', displayName: 'Anna Andersson', password: 'secret-1', roles: ['officer'], district: null }))
    await run(appendAuditAs('anna', { action: 'plan.create', entityType: 'plan', entityId: 'p1', after: { year: 2026 } }))
    await run(appendAuditAs('ghost', { action: 'plan.save', entityType: 'plan', entityId: 'p2', after: { year: 2027 } }))
    app = createApi({ database, clock })
    registerAuditRoutes(app, {
      entityLabels,
      resolveReference: async (_db, reference) =>
        reference === 'Handlingsplan 2026' ? { entityType: 'plan', entityId: 'p1', district: null } : null,
    })
    const res = await app.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'greta', password: 'secret-1' }),
    })
    expect(res.status).toBe(200)
    cookie = res.headers.get('set-cookie')!.split(';')[0]!
  })
  afterAll(() => database?.close())

  const get = async (path: string) => {
    const res = await app.request(`http://localhost${path}`, { headers: { cookie, 'accept-language': 'en' } })
    return { status: res.status, body: (await res.json()) as { events: Record<string, unknown>[]; errors?: { path: string }[] } }
  }

  it('adds actorName and entityLabel; keeps the username and id for machines', async () => {
    const r = await get('/api/audit')
    expect(r.status).toBe(200)
    const byEntity = new Map(r.body.events.map((e) => [e['entityId'], e]))
    expect(byEntity.get('p1')).toMatchObject({ actor: 'anna', actorName: 'Anna Andersson', entityLabel: 'Handlingsplan 2026' })
    expect(byEntity.get('p2')).toMatchObject({ actor: 'ghost', actorName: null, entityLabel: null })
  })

  it('filters by a reference the app resolves, and names the field when nothing has it', async () => {
    const r = await get(`/api/audit?reference=${encodeURIComponent('Handlingsplan 2026')}`)
    expect(r.status).toBe(200)
    expect(r.body.events.map((e) => e['entityId'])).toEqual(['p1'])
    const bad = await get('/api/audit?reference=nothing')
    expect(bad.status).toBe(400)
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['reference'])
  })

  it('gives the app’s labels the request’s language, and words an unknown reference as the app says', async () => {
    const worded = createApi({ database, clock })
    registerAuditRoutes(worded, {
      entityLabels: async (_db, refs, lang) =>
        new Map(refs.map((r) => [auditEntityKey(r.entityType, r.entityId), lang === 'sv' ? 'Planen för 2026' : 'The plan for 2026'])),
      resolveReference: async () => null,
      unknownReference: (reference) => ({ sv: `Ingen plan för ${reference}.`, en: `No plan for ${reference}.` }),
    })
    const ask = async (path: string, lang: 'sv' | 'en') => {
      const res = await worded.request(`http://localhost${path}`, { headers: { cookie, 'accept-language': lang } })
      const body = (await res.json()) as { events: { entityLabel: string }[]; errors?: { path: string; message: string }[] }
      return { status: res.status, language: res.headers.get('content-language'), vary: res.headers.get('vary'), body }
    }
    for (const [lang, label, refused] of [
      ['sv', 'Planen för 2026', 'Ingen plan för Atlantis 2026.'],
      ['en', 'The plan for 2026', 'No plan for Atlantis 2026.'],
    ] as const) {
      const r = await ask('/api/audit', lang)
      expect(r.status).toBe(200)
      expect(r.language).toBe(lang)
      expect(r.vary).toMatch(/accept-language/i)
      expect(new Set(r.body.events.map((e) => e.entityLabel))).toEqual(new Set([label]))
      const bad = await ask(`/api/audit?reference=${encodeURIComponent('Atlantis 2026')}`, lang)
      expect(bad.status).toBe(400)
      expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'reference', message: refused })])
    }
  })
})
