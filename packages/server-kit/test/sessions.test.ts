// Issue 16 over real HTTP on loopback, on PGlite: the login throttle under parallel
// requests, lockouts nobody can force on others, sessions to ASVS L2 (V7) and the
// security log. Each test here failed before the fix.
import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  changePassword,
  Clock,
  createApi,
  Db,
  listen,
  openDatabase,
  kitMigrations,
  requireUser,
  setSecurityLogWriter,
  setUserDisabled,
  upsertUser,
  type Database,
  type KitOptions,
  type Listening,
  type SecurityLogEntry,
  type SessionInfo,
} from '../src/index.js'

let database: Database
let now = new Date('2026-05-04T08:00:00Z')
const clock = { now: () => now }
const servers: Listening[] = []
const lines: string[] = []
let restoreWriter: () => void = () => undefined
const ids: Record<string, string> = {}

const run = <A, E>(e: Effect.Effect<A, E, Db | Clock>) =>
  Effect.runPromise(e.pipe(Effect.provideService(Db, database), Effect.provideService(Clock, clock)))

async function serve(options: Partial<KitOptions> = {}): Promise<string> {
  const app = createApi({ database, clock, ...options })
  app.get('/api/admin-only', (c) => c.json(requireUser(c, ['admin'])))
  const server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
  servers.push(server)
  return server.url
}

interface Answer {
  status: number
  body: { csrfToken?: string; sessions?: SessionInfo[]; events?: SecurityLogEntry[]; ended?: number } | null
  setCookie: string | null
}

async function call(
  url: string,
  method: string,
  path: string,
  init: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, setCookie: res.headers.get('set-cookie') }
}

async function logIn(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  const res = await call(url, 'POST', '/api/session', { body: { username, password }, headers })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return { cookie: res.setCookie!.split(';')[0]!, csrf: res.body!.csrfToken!, setCookie: res.setCookie! }
}

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
  const users = [
    { username: 'anna', displayName: 'Anna', password: 'pw-anna', roles: ['officer'] as const, district: 'rinkeby-kista' },
    { username: 'bo', displayName: 'Bo', password: 'pw-bo', roles: ['officer'] as const, district: 'norrmalm' },
    { username: 'admin', displayName: 'Admin', password: 'pw-admin', roles: ['admin'] as const, district: null },
    { username: 'admin.nm', displayName: 'Admin NM', password: 'pw-admin-nm', roles: ['admin'] as const, district: 'norrmalm' },
    { username: 'auditor', displayName: 'Auditor', password: 'pw-auditor', roles: ['auditor'] as const, district: null },
  ]
  for (const u of users) ids[u.username] = (await run(upsertUser({ ...u, roles: [...u.roles] }))).id
  restoreWriter = setSecurityLogWriter((line) => lines.push(line))
})
afterAll(async () => {
  restoreWriter()
  for (const s of servers) await s.close()
  await database?.close()
})
beforeEach(async () => {
  await sql`delete from vbe_login_throttle`.execute(database.kysely)
})

describe('login throttling (findings 3 and 4)', () => {
  it('checks at most the free attempts when 15 wrong passwords arrive at once', async () => {
    const url = await serve()
    const before = Number(
      (await sql<{ n: string }>`select count(*) as n from vbe_security_log where kind = 'login.failed'`.execute(database.kysely)).rows[0]!
        .n,
    )
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => call(url, 'POST', '/api/session', { body: { username: 'anna', password: 'wrong' } })),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    const after = Number(
      (await sql<{ n: string }>`select count(*) as n from vbe_security_log where kind = 'login.failed'`.execute(database.kysely)).rows[0]!
        .n,
    )
    expect(after - before).toBe(5)
  })

  it('slows the attacker’s address only: the user logs in from elsewhere, and forged X-Forwarded-For from a stranger is ignored', async () => {
    // Behind a trusted proxy on loopback, each client is told apart by X-Forwarded-For.
    const proxied = await serve({ trustedProxies: ['127.0.0.1'] })
    const attacker = { 'x-forwarded-for': '203.0.113.7' }
    for (let i = 0; i < 40; i++)
      await call(proxied, 'POST', '/api/session', { body: { username: 'admin', password: `guess-${i}` }, headers: attacker })
    expect(
      (await call(proxied, 'POST', '/api/session', { body: { username: 'admin', password: 'pw-admin' }, headers: attacker })).status,
    ).toBe(429)
    // The admin from their own address, and a colleague on another, are not locked out.
    await logIn(proxied, 'admin', 'pw-admin', { 'x-forwarded-for': '198.51.100.20' })
    await logIn(proxied, 'anna', 'pw-anna', { 'x-forwarded-for': '198.51.100.21' })
    const limited = await call(proxied, 'POST', '/api/session', { body: { username: 'admin', password: 'x' }, headers: attacker })
    expect(limited.status).toBe(429)

    // Without trusting the proxy, a client cannot pick a fresh address per guess.
    await sql`delete from vbe_login_throttle`.execute(database.kysely)
    const direct = await serve()
    const statuses: number[] = []
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await call(direct, 'POST', '/api/session', {
            body: { username: 'bo', password: 'x' },
            headers: { 'x-forwarded-for': `192.0.2.${i}` },
          })
        ).status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
  })
})

describe('a successful login gives back what its attempt cost', () => {
  it('lets the next person at the same address in when the attempt that reached the free limit succeeded', async () => {
    // An office behind one address: two wrong passwords, then a colleague logs in as the
    // third attempt, which reaches the address's free limit and starts a wait. The login
    // succeeded, so the count and the wait it started are given back.
    const url = await serve({
      authPolicy: { sessionMs: 3600_000, idleMs: 600_000, maxFailuresPerUser: 5, maxFailuresPerAddress: 3, windowMs: 900_000 },
    })
    for (const password of ['wrong-1', 'wrong-2'])
      expect((await call(url, 'POST', '/api/session', { body: { username: 'bo', password } })).status).toBe(401)
    await logIn(url, 'anna', 'pw-anna')
    await logIn(url, 'bo', 'pw-bo')
    // The given-back attempt is gone, the failures are not: the next wrong password is the third.
    expect((await call(url, 'POST', '/api/session', { body: { username: 'admin', password: 'wrong-3' } })).status).toBe(401)
    expect((await call(url, 'POST', '/api/session', { body: { username: 'admin', password: 'pw-admin' } })).status).toBe(429)
  })
})

describe('sessions (finding 10, ASVS V7)', () => {
  it('sets a __Host- cookie, Secure by default; only the explicit opt-out drops Secure, and https via a trusted proxy keeps it', async () => {
    const secure = await logIn(await serve(), 'anna', 'pw-anna')
    expect(secure.setCookie).toMatch(/^__Host-vbe_session=[^;]+;/)
    expect(secure.setCookie).toMatch(/; Secure/)
    expect(secure.setCookie).toMatch(/; Path=\//)
    expect(secure.setCookie).not.toMatch(/Domain=/)

    const plain = await logIn(await serve({ secureCookies: false }), 'anna', 'pw-anna')
    expect(plain.setCookie).toMatch(/^vbe_session=/)
    expect(plain.setCookie).not.toMatch(/Secure/)

    const behindTls = await logIn(await serve({ secureCookies: false, trustedProxies: ['127.0.0.1'] }), 'anna', 'pw-anna', {
      'x-forwarded-proto': 'https',
    })
    expect(behindTls.setCookie).toMatch(/^__Host-vbe_session=.*; Secure/)
  })

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const url = await serve({
      authPolicy: { sessionMs: 3600_000, idleMs: 10 * 60_000, maxFailuresPerUser: 5, maxFailuresPerAddress: 30, windowMs: 900_000 },
    })
    const idle = await logIn(url, 'anna', 'pw-anna')
    now = new Date(now.getTime() + 9 * 60_000)
    expect((await call(url, 'GET', '/api/session', { cookie: idle.cookie })).status).toBe(200)
    now = new Date(now.getTime() + 9 * 60_000) // 9 minutes after the last use: still alive
    expect((await call(url, 'GET', '/api/session', { cookie: idle.cookie })).status).toBe(200)
    now = new Date(now.getTime() + 11 * 60_000)
    expect((await call(url, 'GET', '/api/session', { cookie: idle.cookie })).status).toBe(401)

    const busy = await logIn(url, 'anna', 'pw-anna')
    for (let minutes = 0; minutes < 55; minutes += 5) {
      now = new Date(now.getTime() + 5 * 60_000)
      expect((await call(url, 'GET', '/api/session', { cookie: busy.cookie })).status).toBe(200)
    }
    now = new Date(now.getTime() + 6 * 60_000) // past the hour since login, though used 6 minutes ago
    expect((await call(url, 'GET', '/api/session', { cookie: busy.cookie })).status).toBe(401)
  })

  it('gives a new token at every login and ends the session the browser held', async () => {
    const url = await serve()
    const first = await logIn(url, 'anna', 'pw-anna')
    const second = await call(url, 'POST', '/api/session', { body: { username: 'anna', password: 'pw-anna' }, cookie: first.cookie })
    expect(second.status).toBe(200)
    expect(second.setCookie!.split(';')[0]).not.toBe(first.cookie)
    expect((await call(url, 'GET', '/api/session', { cookie: first.cookie })).status).toBe(401)
    expect((await call(url, 'GET', '/api/session', { cookie: second.setCookie!.split(';')[0]! })).status).toBe(200)
  })

  it('ends every session of a user whose password changes or who is disabled', async () => {
    const url = await serve()
    const a = await logIn(url, 'bo', 'pw-bo')
    const b = await logIn(url, 'bo', 'pw-bo')
    await run(changePassword(ids.bo!, 'pw-bo-2'))
    for (const s of [a, b]) expect((await call(url, 'GET', '/api/session', { cookie: s.cookie })).status).toBe(401)
    const c = await logIn(url, 'bo', 'pw-bo-2')
    await run(setUserDisabled(ids.bo!, true))
    expect((await call(url, 'GET', '/api/session', { cookie: c.cookie })).status).toBe(401)
    expect(
      Number(
        (await sql<{ n: string }>`select count(*) as n from vbe_sessions where user_id = ${ids.bo}`.execute(database.kysely)).rows[0]!.n,
      ),
    ).toBe(0)
    await run(setUserDisabled(ids.bo!, false))
    await run(changePassword(ids.bo!, 'pw-bo'))
  })

  it('lets a user list and end their own sessions, but not someone else’s', async () => {
    const url = await serve()
    const laptop = await logIn(url, 'anna', 'pw-anna', { 'user-agent': 'Laptop browser' })
    const phone = await logIn(url, 'anna', 'pw-anna', { 'user-agent': 'Phone browser' })
    const listed = await call(url, 'GET', '/api/sessions', { cookie: laptop.cookie })
    expect(listed.status).toBe(200)
    const sessions = listed.body!.sessions!
    expect(sessions.filter((s) => s.current)).toEqual([expect.objectContaining({ userAgent: 'Laptop browser' })])
    const other = sessions.find((s) => s.userAgent === 'Phone browser')!
    expect(JSON.stringify(listed.body)).not.toContain(phone.cookie.split('=')[1])

    const bo = await logIn(url, 'bo', 'pw-bo')
    expect((await call(url, 'DELETE', `/api/sessions/${other.id}`, { cookie: bo.cookie, csrf: bo.csrf })).status).toBe(404)
    expect((await call(url, 'GET', '/api/session', { cookie: phone.cookie })).status).toBe(200)
    expect((await call(url, 'DELETE', `/api/sessions/${other.id}`, { cookie: laptop.cookie, csrf: laptop.csrf })).status).toBe(204)
    expect((await call(url, 'GET', '/api/session', { cookie: phone.cookie })).status).toBe(401)
    expect((await call(url, 'GET', '/api/session', { cookie: laptop.cookie })).status).toBe(200)
  })

  it('lets an admin end anyone’s sessions, and a district admin only in its own district', async () => {
    const url = await serve()
    const anna = await logIn(url, 'anna', 'pw-anna')
    const bo = await logIn(url, 'bo', 'pw-bo')
    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')
    const officer = await call(url, 'DELETE', `/api/users/${ids.bo}/sessions`, { cookie: anna.cookie, csrf: anna.csrf })
    expect(officer.status).toBe(403)
    // Anna is in Rinkeby-Kista: outside Norrmalm's admin's scope, as unknown as a made-up id.
    expect((await call(url, 'DELETE', `/api/users/${ids.anna}/sessions`, { cookie: nm.cookie, csrf: nm.csrf })).status).toBe(404)
    expect((await call(url, 'GET', '/api/session', { cookie: anna.cookie })).status).toBe(200)
    const ended = await call(url, 'DELETE', `/api/users/${ids.bo}/sessions`, { cookie: nm.cookie, csrf: nm.csrf })
    expect(ended).toMatchObject({ status: 200, body: { ended: expect.any(Number) } })
    expect((await call(url, 'GET', '/api/session', { cookie: bo.cookie })).status).toBe(401)
    const admin = await logIn(url, 'admin', 'pw-admin')
    expect((await call(url, 'DELETE', `/api/users/${ids.anna}/sessions`, { cookie: admin.cookie, csrf: admin.csrf })).status).toBe(200)
    expect((await call(url, 'GET', '/api/session', { cookie: anna.cookie })).status).toBe(401)
  })
})

describe('the security log (finding 12)', () => {
  it('records failed logins and 403 refusals, never the password, and shows them to admins and auditors only', async () => {
    const url = await serve()
    lines.length = 0
    await call(url, 'POST', '/api/session', { body: { username: 'anna', password: 'hunter2-secret' } })
    const anna = await logIn(url, 'anna', 'pw-anna')
    expect((await call(url, 'GET', '/api/admin-only', { cookie: anna.cookie })).status).toBe(403)
    expect((await call(url, 'POST', '/api/session/nothing', { cookie: anna.cookie })).status).toBe(403) // no CSRF token

    const stored = await sql<{
      kind: string
      actor: string
      detail: unknown
    }>`select kind, actor, detail from vbe_security_log order by id`.execute(database.kysely)
    expect(JSON.stringify(stored.rows)).not.toContain('hunter2')
    expect(lines.join('\n')).not.toContain('hunter2')
    expect(lines.map((l) => JSON.parse(l) as { log: string; kind: string })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ log: 'security', kind: 'login.failed', actor: 'anna', address: '127.0.0.1' }),
        expect.objectContaining({ log: 'security', kind: 'forbidden', actor: 'anna', path: '/api/admin-only', detail: { code: 'role' } }),
        expect.objectContaining({ kind: 'forbidden', detail: { code: 'csrf' } }),
      ]),
    )

    expect((await call(url, 'GET', '/api/security-log', { cookie: anna.cookie })).status).toBe(403)
    const auditor = await logIn(url, 'auditor', 'pw-auditor')
    const log = await call(url, 'GET', '/api/security-log?kind=forbidden&limit=5', { cookie: auditor.cookie })
    expect(log.status).toBe(200)
    expect(log.body!.events![0]).toMatchObject({ kind: 'forbidden', actor: 'anna', path: '/api/security-log' })
    // A district admin sees its own district's events only.
    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')
    const nmLog = await call(url, 'GET', '/api/security-log', { cookie: nm.cookie })
    expect(nmLog.status).toBe(200)
    expect(nmLog.body!.events!.every((e) => e.district === 'norrmalm')).toBe(true)
  })
})
