import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendAuditAs,
  appendAuditBatchAs,
  insertFromJson,
  insertRows,
  transaction,
  Clock,
  createApi,
  CurrentUser,
  Db,
  eraseFromAudit,
  exclusively,
  query,
  hashPassword,
  kitMigrations,
  login,
  openDatabase,
  upsertUser,
  verifyAudit,
  verificationIn,
  auditProblemText,
  verifyPassword,
  type Database,
} from '../src/index.js'
import { DATABASES } from './databases.js'

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('correct horse')
    const b = await hashPassword('correct horse')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse', a)).toBe(true)
    expect(await verifyPassword('correct horsE', a)).toBe(false)
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false)
  })
})

describe.each(DATABASES)('on %s', (_name, config) => {
  let database: Database
  let now = new Date('2026-03-01T10:00:00Z')
  const clock = { now: () => now }
  const run = <A, E>(e: Effect.Effect<A, E, Db | Clock | CurrentUser>) =>
    Effect.runPromise(
      e.pipe(
        Effect.provideService(Db, database),
        Effect.provideService(Clock, clock),
        Effect.provideService(CurrentUser, { id: 'u0', username: 'admin', displayName: 'Admin', roles: ['admin'], district: null }),
      ),
    )

  beforeAll(async () => {
    database = await openDatabase(await config(), [kitMigrations])
    await run(upsertUser({ username: 'anna', displayName: 'Anna', password: 'secret-1', roles: ['officer'], district: 'rinkeby-kista' }))
  })
  afterAll(() => database?.close())

  it('runs migrations once (opening again is a no-op)', async () => {
    const rows = await sql<{ name: string }>`select name from vbe_migrations_kit`.execute(database.kysely)
    // Every kit migration, each once (the list grows as migrations are added).
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(kitMigrations.migrations).sort())
  })

  it('runs exclusively() blocks one at a time, also on separate connections', async () => {
    await sql`create table kit_counter (n integer not null)`.execute(database.kysely)
    await sql`insert into kit_counter values (0)`.execute(database.kysely)
    // Read, wait, write: without the lock, concurrent runs would all read 0.
    const bump = exclusively(
      'kit counter',
      Effect.gen(function* () {
        const read = yield* query('read', (db) => sql<{ n: number }>`select n from kit_counter`.execute(db))
        yield* Effect.promise(() => new Promise((r) => setTimeout(r, 30)))
        yield* query('write', (db) => sql`update kit_counter set n = ${read.rows[0]!.n + 1}`.execute(db))
      }),
    )
    await Promise.all([run(bump), run(bump), run(bump), run(bump)])
    expect((await sql<{ n: number }>`select n from kit_counter`.execute(database.kysely)).rows[0]!.n).toBe(4)
    await sql`drop table kit_counter`.execute(database.kysely)
  })

  it('logs in with the right password and refuses the wrong one', async () => {
    const ok = await run(login('anna', 'secret-1', '10.0.0.1'))
    expect(ok.user).toMatchObject({ username: 'anna', roles: ['officer'], district: 'rinkeby-kista' })
    expect(ok.token).toHaveLength(43)
    const stored = await database.kysely
      .selectFrom('vbe_sessions' as never)
      .selectAll()
      .execute()
    expect(JSON.stringify(stored)).not.toContain(ok.token)
    await expect(run(login('anna', 'wrong', '10.0.0.1'))).rejects.toThrow(/Wrong username or password/)
  })

  // Rewritten for issue 16: five failures used to lock the account for everyone, from any
  // address, for 15 minutes (a lockout anyone could trigger). Now the (username, address)
  // pair is slowed, progressively, and the user from another address is not.
  it('slows failed logins per username and address, progressively, without locking the user out elsewhere', async () => {
    await run(upsertUser({ username: 'bo', displayName: 'Bo', password: 'pw-bo', roles: ['officer'], district: 'norrmalm' }))
    for (let i = 0; i < 5; i++) await expect(run(login('bo', 'nope', '10.0.1.1'))).rejects.toThrow(/Wrong/)
    // From that address even the right password must wait now (30 s after the fifth failure).
    await expect(run(login('bo', 'pw-bo', '10.0.1.1'))).rejects.toThrow(/Try again in 30 seconds/)
    // Bo from another address is not held up.
    await expect(run(login('bo', 'pw-bo', '10.0.1.9'))).resolves.toMatchObject({ user: { username: 'bo' } })
    // After the wait, one more failure doubles it.
    now = new Date(now.getTime() + 30_000)
    await expect(run(login('bo', 'nope', '10.0.1.1'))).rejects.toThrow(/Wrong/)
    await expect(run(login('bo', 'nope', '10.0.1.1'))).rejects.toThrow(/Try again in 60 seconds/)
    // A quiet window later the counter starts again, and the right password works.
    now = new Date(now.getTime() + 16 * 60_000)
    await expect(run(login('bo', 'pw-bo', '10.0.1.1'))).resolves.toMatchObject({ user: { username: 'bo' } })
  })

  it('chains audit events and detects an altered, a removed and a forged event', async () => {
    for (let i = 0; i < 5; i++)
      await run(appendAuditAs('anna', { action: 'case.note', entityType: 'case', entityId: `c${i}`, after: { text: `note ${i}` } }))
    const good = await run(verifyAudit())
    expect(good.ok).toBe(true)
    expect(good.checked).toBeGreaterThanOrEqual(5)
    const head = good.head!.seq

    await sql`update vbe_audit_events set after = '{"text":"changed"}'::jsonb where seq = ${head - 1}`.execute(database.kysely)
    const altered = await run(verifyAudit())
    expect(altered.ok).toBe(false)
    expect(altered.problems).toContainEqual({ seq: head - 1, code: 'payload_altered', problem: 'the before/after payload was altered' })
    expect(verificationIn(altered, 'sv').problems).toContainEqual({
      seq: head - 1,
      code: 'payload_altered',
      problem: 'före/efter-innehållet har ändrats',
    })
    await sql`update vbe_audit_events set after = '{"text":"note 3"}'::jsonb where seq = ${head - 1}`.execute(database.kysely)
    expect((await run(verifyAudit())).ok).toBe(true)

    await sql`update vbe_audit_events set actor = 'mallory' where seq = ${head - 2}`.execute(database.kysely)
    expect((await run(verifyAudit())).problems).toContainEqual({
      seq: head - 2,
      code: 'event_altered',
      problem: 'the event was altered (its hash does not match its content)',
    })
    await sql`update vbe_audit_events set actor = 'anna' where seq = ${head - 2}`.execute(database.kysely)

    const removed = await sql<Record<string, unknown>>`delete from vbe_audit_events where seq = ${head - 3} returning *`.execute(
      database.kysely,
    )
    const gap = await run(verifyAudit())
    expect(gap.problems).toContainEqual({
      seq: head - 2,
      code: 'missing',
      from: head - 3,
      to: head - 3,
      problem: `event ${head - 3} is missing`,
    })
    expect(auditProblemText({ seq: 9, code: 'missing', from: 5, to: 8 })).toEqual({
      sv: 'händelserna 5–8 saknas',
      en: 'events 5–8 are missing',
    })
    const r = removed.rows[0]!
    await sql`insert into vbe_audit_events select * from jsonb_populate_record(null::vbe_audit_events, ${JSON.stringify(r)}::jsonb)`.execute(
      database.kysely,
    )
    expect((await run(verifyAudit())).ok).toBe(true)
  })

  it('appends a batch of events to the chain in one go, JSON null payloads included, and it verifies', async () => {
    const before = await run(verifyAudit())
    const n = await run(
      appendAuditBatchAs(
        'batch',
        Array.from({ length: 1200 }, (_, i) => ({
          action: 'case.rescreen',
          entityType: 'case',
          entityId: `b${i}`,
          ruleset: 'r1',
          before: i % 2 ? null : { outcome: 'eligible' },
          after: { outcome: 'ineligible', text: 'tab\there\nline\\ "quoted" åäö' },
        })),
      ),
    )
    expect(n).toBe(1200)
    const after = await run(verifyAudit())
    expect(after).toMatchObject({ ok: true, checked: before.checked + 1200 })
    const rows = await sql<{
      before: unknown
      after: unknown
      isnull: boolean
    }>`select before, after, before is null as isnull from vbe_audit_events where entity_id in ('b0', 'b1') order by seq`.execute(
      database.kysely,
    )
    expect(rows.rows).toEqual([
      { before: { outcome: 'eligible' }, after: { outcome: 'ineligible', text: 'tab\there\nline\\ "quoted" åäö' }, isnull: false },
      { before: null, after: { outcome: 'ineligible', text: 'tab\there\nline\\ "quoted" åäö' }, isnull: false },
    ])
  })

  it('bulk-inserts rows with awkward text the same way on both paths, inside a transaction that can roll back', async () => {
    await sql`create table bulk_t (id integer primary key, t text, j jsonb, b boolean, at timestamptz)`.execute(database.kysely)
    const cols = [
      ['id', 'integer'],
      ['t', 'text'],
      ['j', 'jsonb'],
      ['b', 'boolean'],
      ['at', 'timestamptz'],
    ] as const
    const awkward = ['tab\t', 'new\nline', 'cr\r', 'back\\slash \\N', '\\N', '', 'åäö “quotes” 🙂', "it's"]
    const rows = awkward.map((t, i) => [i, t, { t, n: i, nil: null }, i % 2 === 0, new Date(Date.UTC(2026, 0, 1 + i))])
    await run(insertRows('t1', 'bulk_t', cols, rows))
    await insertFromJson(
      database.kysely,
      'bulk_t',
      cols,
      rows.map((r) => [100 + (r[0] as number), ...r.slice(1)]),
    )
    await run(insertRows('t1', 'bulk_t', cols, [[50, null, undefined, null, null]]))
    const got = await sql<{
      id: number
      t: string | null
      j: unknown
      b: boolean | null
      at: Date | null
    }>`select * from bulk_t order by id`.execute(database.kysely)
    const byId = new Map(got.rows.map((r) => [r.id, r]))
    awkward.forEach((t, i) => {
      for (const id of [i, 100 + i]) {
        expect(byId.get(id)).toMatchObject({ t, j: { t, n: i, nil: null }, b: i % 2 === 0 })
        expect(new Date(byId.get(id)!.at!).toISOString()).toBe(new Date(Date.UTC(2026, 0, 1 + i)).toISOString())
      }
    })
    expect(byId.get(50)).toMatchObject({ t: null, j: null, b: null, at: null })
    // In a transaction that fails, the rows go with it.
    const failing = transaction(
      Effect.gen(function* () {
        yield* insertRows('t2', 'bulk_t', cols, [[200, 'x', {}, true, null]])
        return yield* Effect.fail('boom' as const)
      }),
    )
    await expect(run(failing)).rejects.toThrow('boom')
    const n = await sql<{ n: string }>`select count(*) as n from bulk_t where id = 200`.execute(database.kysely)
    expect(Number(n.rows[0]!.n)).toBe(0)
    // Names are checked, never pasted in blindly.
    await expect(run(insertRows('t3', 'bulk_t; drop table x', cols, [[1]]))).rejects.toThrow(/not a plain lower-case identifier/)
    await sql`drop table bulk_t`.execute(database.kysely)
  })

  it('erases a subject with tombstones, and the chain still verifies', async () => {
    const ev = await run(
      appendAuditAs('anna', {
        action: 'person.create',
        entityType: 'person',
        entityId: 'p1',
        after: { name: 'Karin Berg', email: 'karin@example.org' },
      }),
    )
    const { tombstoned, event } = await run(
      eraseFromAudit({
        entities: [{ entityType: 'person', entityId: 'p1' }],
        reason: 'request from the person',
        subject: { entityType: 'person', entityId: 'p1' },
      }),
    )
    expect(tombstoned).toBe(1)
    const row = await sql<{ after: unknown }>`select after from vbe_audit_events where seq = ${ev.seq}`.execute(database.kysely)
    expect(JSON.stringify(row.rows[0]!.after)).not.toContain('Karin')
    expect(row.rows[0]!.after).toEqual({ erased: true, erasedBy: event.seq })
    expect((await run(verifyAudit())).ok).toBe(true)
    // A tombstone without its erasure event is caught.
    await sql`update vbe_audit_events set erased_by = ${event.seq + 100} where seq = ${ev.seq}`.execute(database.kysely)
    expect((await run(verifyAudit())).ok).toBe(false)
    await sql`update vbe_audit_events set erased_by = ${event.seq} where seq = ${ev.seq}`.execute(database.kysely)
  })

  it('serves sessions over HTTP with cookies, CSRF and problem+json', async () => {
    const app = createApi({ database, clock })
    app.post('/api/echo', (c) => c.json({ ok: true }))
    const bad = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":1}',
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    const badBody = (await bad.json()) as { errors: { path: string }[] }
    expect(badBody.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['username', 'password']))

    const malformed = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(malformed.status).toBe(400)

    const res = await app.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'secret-1' }),
    })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/vbe_session=[^;]+;.*HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    // Lifetime as Max-Age (8 h by default), so a browser whose clock differs from the server's keeps it.
    expect(cookie).toMatch(/Max-Age=28800(;|$)/)
    expect(cookie).not.toMatch(/Expires=/)
    const { csrfToken } = (await res.json()) as { csrfToken: string }
    const session = cookie.split(';')[0]!

    const noCsrf = await app.request('/api/echo', { method: 'POST', headers: { cookie: session } })
    expect(noCsrf.status).toBe(403)
    const withCsrf = await app.request('/api/echo', { method: 'POST', headers: { cookie: session, 'x-csrf-token': csrfToken } })
    expect(withCsrf.status).toBe(200)
    const me = await app.request('/api/session', { headers: { cookie: session } })
    expect(await me.json()).toMatchObject({ user: { username: 'anna' }, csrfToken })
    const out = await app.request('/api/session', { method: 'DELETE', headers: { cookie: session, 'x-csrf-token': csrfToken } })
    expect(out.status).toBe(204)
    expect((await app.request('/api/session', { headers: { cookie: session } })).status).toBe(401)
  })
})
