import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync, existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { serve } from '@hono/node-server'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGrantApp, demoApplication, openGrantDatabase, seedDemoData } from '../src/index.js'
import { login, startTestServer, type Client, type TestServer } from './support/server.js'

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

/** A Rinkeby-Kista case with one contact person; returns the person's id. */
async function caseWithPerson(officer: Client, tag: string, name: string, email: string): Promise<string> {
  const created = await officer.json('POST', '/api/cases', {
    application: demoApplication(`gdpr-${tag}`),
    persons: [{ role: 'contact', name, email }],
  })
  expect(created.status).toBe(201)
  return created.body.persons[0].id as string
}

describe.each(['pglite', 'postgres'] as const)('GDPR tools held to the admin’s district, on %s', (kind) => {
  let server: TestServer
  let officer: Client, admin: Client, adminRk: Client, adminNm: Client
  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock })
    ;[officer, admin, adminRk, adminNm] = (await Promise.all(
      ['officer.rk', 'admin', 'admin.rk', 'admin.nm'].map((u) => server.login(u)),
    )) as [Client, Client, Client, Client]
  })
  afterAll(() => server?.stop())

  it('person search finds another district’s persons for neither its admin nor anyone held to a district', async () => {
    await caseWithPerson(officer, 'search', 'Signe Sökbar', 'signe@example.org')
    const count = async (c: Client, q: string) => (await c.json('GET', `/api/persons?q=${encodeURIComponent(q)}`)).body.persons.length
    expect(await count(adminRk, 'Sökbar')).toBe(1)
    expect(await count(admin, 'Sökbar')).toBe(1)
    expect(await count(adminNm, 'Sökbar')).toBe(0)
    expect(await count(adminNm, 'signe@example')).toBe(0)
  })

  it('export of another district’s person is not found for that admin', async () => {
    const pid = await caseWithPerson(officer, 'export', 'Elsa Exportsson', 'elsa@example.org')
    const refused = await adminNm.json('GET', `/api/persons/${pid}/export`)
    expect(refused.status).toBe(404)
    expect(JSON.stringify(refused.body)).not.toContain('Exportsson')
    expect((await adminRk.json('GET', `/api/persons/${pid}/export`)).body.person).toMatchObject({ name: 'Elsa Exportsson' })
  })

  it('erasure of another district’s person is refused and changes nothing; its own admin erases with a reason code', async () => {
    const pid = await caseWithPerson(officer, 'erase', 'Rut Raderasdotter', 'rut@example.org')
    const refused = await adminNm.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request' })
    expect(refused.status).toBe(404)
    expect((await adminRk.json('GET', `/api/persons/${pid}/export`)).body.person).toMatchObject({
      name: 'Rut Raderasdotter',
      erased: false,
    })

    // The reason is a code, and a note may not repeat the person's data.
    const free = await adminRk.json(
      'DELETE',
      `/api/persons/${pid}`,
      { reason: 'Rut Raderasdotter bad om det' },
      { 'accept-language': 'en' },
    )
    expect(free.status).toBe(400)
    expect(free.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason'])
    for (const note of ['Begäran från RUT per brev.', 'Skickat till rut@example.org', 'Begäran från raderasdotter'])
      expect((await adminRk.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request', note })).body.errors).toEqual([
        expect.objectContaining({ path: 'note' }),
      ])
    const erased = await adminRk.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request', note: 'Begäran kom per brev.' })
    expect(erased.status).toBe(200)
    const event = await sql<{
      after: unknown
    }>`select after from vbe_audit_events where action = 'gdpr.erase' and entity_id = ${pid}`.execute(server.database.kysely)
    expect(event.rows[0]!.after).toEqual({
      reason: 'data-subject-request',
      note: 'Begäran kom per brev.',
      tombstoned: [expect.any(Number), expect.any(Number)], // the person's creation and the export above
    })
    expect((await admin.json('GET', '/api/audit/verify')).body.ok).toBe(true)
  })
})

/** Every file under `dir` (but the write-ahead log) that holds `needle`. */
function filesHolding(dir: string, needle: string): string[] {
  const hits: string[] = []
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) {
        if (f !== 'pg_wal') walk(p)
      } else if (readFileSync(p).includes(needle)) hits.push(relative(dir, p))
    }
  }
  walk(dir)
  return hits
}

describe('erasure vacuums: the erased values leave the database files', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('on PGlite: the name and e-mail are in the data directory’s files before, and in none (but the WAL) after', async () => {
    const base = mkdtempSync(join(tmpdir(), 'gs-erasure-'))
    dirs.push(base)
    const dataDir = join(base, 'db')
    const database = await openGrantDatabase({ kind: 'pglite', dataDir })
    await seedDemoData(database, { clock })
    const app = createGrantApp({ database, clock, secureCookies: false })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const pid = await caseWithPerson(await login(url, 'officer.rk'), 'files', 'Zelmira Qvarnholt', 'zelmira.q@example.org')
      await sql`checkpoint`.execute(database.kysely)
      expect(filesHolding(dataDir, 'Qvarnholt').length).toBeGreaterThan(0)
      expect(filesHolding(dataDir, 'zelmira.q@example.org').length).toBeGreaterThan(0)

      const erased = await (await login(url, 'admin.rk')).json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request' })
      expect(erased.status).toBe(200)
      expect(filesHolding(dataDir, 'Qvarnholt')).toEqual([])
      expect(filesHolding(dataDir, 'zelmira.q@example.org')).toEqual([])
      // The key and the checkpoint sit beside the data directory, not in it.
      expect(existsSync(`${dataDir}-audit/audit.key`)).toBe(true)
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
      await database.close()
    }
  })

  it('on PostgreSQL: the name leaves the tables’ relation files', async () => {
    const server = await startTestServer({ database: 'postgres', clock })
    try {
      const k = server.database.kysely
      const pid = await caseWithPerson(await server.login('officer.rk'), 'pgfiles', 'Ottilia Vrångsätra', 'ottilia@example.org')
      const relationFiles = async () => {
        const { rows } = await sql<{ path: string }>`
          select current_setting('data_directory') || '/' || pg_relation_filepath(c.oid) as path
          from pg_class c where c.oid in ('gs_persons'::regclass, 'vbe_audit_events'::regclass)
             or c.oid in (select reltoastrelid from pg_class where oid in ('gs_persons'::regclass, 'vbe_audit_events'::regclass))`.execute(
          k,
        )
        return rows.map((r) => r.path).filter((p) => existsSync(p))
      }
      const holding = async (needle: string) => (await relationFiles()).filter((p) => readFileSync(p).includes(needle))
      await sql`checkpoint`.execute(k)
      expect((await holding('Vrångsätra')).length).toBeGreaterThan(0)
      const erased = await (await server.login('admin')).json('DELETE', `/api/persons/${pid}`, { reason: 'no-longer-necessary' })
      expect(erased.status).toBe(200)
      expect(await holding('Vrångsätra')).toEqual([])
      expect(await holding('ottilia@example.org')).toEqual([])
    } finally {
      await server.stop()
    }
  })
})
