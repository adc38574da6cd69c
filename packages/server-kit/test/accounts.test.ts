// Issue 16, sessions to ASVS L2 (V7), over real HTTP on loopback with PGlite: a user
// changes their own password (every other session ends, this one gets a new token), and
// admins manage the users in their scope (sessions, disabling), a district admin only its own.
import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  Clock,
  createApi,
  Db,
  kitMigrations,
  listen,
  openDatabase,
  setSecurityLogWriter,
  upsertUser,
  userForIdentity,
  type AccountSummary,
  type Database,
  type KitOptions,
  type Listening,
  type SessionInfo,
} from '../src/index.js'
import { SESSION_COOKIE } from '../src/middleware/session/index.js'
import { createSession } from '../src/sessions/store.js'

let database: Database
const clock = { now: () => new Date() }
const servers: Listening[] = []
const ids: Record<string, string> = {}
let restoreWriter: () => void = () => undefined

const run = <A, E>(e: Effect.Effect<A, E, Db | Clock>) =>
  Effect.runPromise(e.pipe(Effect.provideService(Db, database), Effect.provideService(Clock, clock)))

async function serve(options: Partial<KitOptions> = {}): Promise<string> {
  const app = createApi({ database, clock, signIn: { passwordLogin: true, oidc: null }, ...options })
  const server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
  servers.push(server)
  return server.url
}

interface Body {
  csrfToken?: string
  sessionsEnded?: number
  sessions?: SessionInfo[]
  users?: AccountSummary[]
  errors?: { path: string; message: string }[]
  detail?: string
  code?: string
  allowed?: boolean
  disabled?: boolean
}
interface Answer {
  status: number
  body: Body | null
  text: string
  setCookie: string | null
  type: string | null
}
interface Login {
  cookie: string
  csrf: string
}

async function call(
  url: string,
  method: string,
  path: string,
  init: { as?: Login; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.as ? { cookie: init.as.cookie, 'x-csrf-token': init.as.csrf } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await res.text()
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Body) : null,
    text,
    setCookie: res.headers.get('set-cookie'),
    type: res.headers.get('content-type'),
  }
}

async function logIn(url: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Login> {
  const res = await call(url, 'POST', '/api/session', { body: { username, password }, headers })
  expect(res.status, res.text).toBe(200)
  return { cookie: res.setCookie!.split(';')[0]!, csrf: res.body!.csrfToken! }
}
const alive = async (url: string, who: Login) => (await call(url, 'GET', '/api/session', { as: who })).status

/** A session made directly in the database (for a user who cannot log in with a password). */
async function sessionOf(userId: string, username: string, district: string | null): Promise<Login> {
  const s = await run(
    createSession({
      user: { id: userId, username, displayName: username, roles: ['officer'], district },
      now: clock.now(),
      absoluteMs: 3600_000,
      address: '127.0.0.1',
      userAgent: null,
      previousToken: null,
    }),
  )
  return { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken }
}

const change = (url: string, who: Login, currentPassword: string, newPassword: string, lang = 'sv') =>
  call(url, 'PUT', '/api/session/password', { as: who, body: { currentPassword, newPassword }, headers: { 'accept-language': lang } })

const USERS = [
  { username: 'cecilia', displayName: 'Cecilia Ek', password: 'pw-cecilia', roles: ['officer'] as const, district: 'rinkeby-kista' },
  { username: 'dan', displayName: 'Dan Berg', password: 'pw-dan', roles: ['officer'] as const, district: 'norrmalm' },
  { username: 'erik', displayName: 'Erik Al', password: 'pw-erik', roles: ['officer'] as const, district: 'norrmalm' },
  { username: 'root', displayName: 'Stadens admin', password: 'pw-root', roles: ['admin'] as const, district: null },
  { username: 'admin.nm', displayName: 'Admin Norrmalm', password: 'pw-admin-nm', roles: ['admin'] as const, district: 'norrmalm' },
]

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
  for (const u of USERS) ids[u.username] = (await run(upsertUser({ ...u, roles: [...u.roles] }))).id
  const oidc = await run(
    userForIdentity({ issuer: 'https://idp.example', subject: 'sub-1', displayName: 'Olle Idp', roles: ['officer'], district: 'norrmalm' }),
  )
  ids['oidc'] = oidc!.id
  ids['oidc-username'] = oidc!.username
  restoreWriter = setSecurityLogWriter(() => undefined)
})
afterAll(async () => {
  restoreWriter()
  for (const s of servers) await s.close()
  await database?.close()
})
beforeEach(async () => {
  await sql`delete from vbe_login_throttle`.execute(database.kysely)
})

describe('changing one’s own password', () => {
  it('ends every other session, keeps this one working on a new token, and refuses the old cookie', async () => {
    const url = await serve()
    const laptop = await logIn(url, 'cecilia', 'pw-cecilia', { 'user-agent': 'Laptop' })
    const phone = await logIn(url, 'cecilia', 'pw-cecilia', { 'user-agent': 'Phone' })
    expect((await call(url, 'GET', '/api/session/password', { as: laptop })).body).toEqual({ allowed: true, minLength: 12, maxLength: 128 })

    const changed = await change(url, laptop, 'pw-cecilia', 'a long phrase of five words')
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body!.sessionsEnded).toBe(1)
    const renewed: Login = { cookie: changed.setCookie!.split(';')[0]!, csrf: changed.body!.csrfToken! }
    expect(changed.setCookie).toMatch(/^__Host-vbe_session=[^;]+;.*HttpOnly/i)
    expect(renewed.cookie).not.toBe(laptop.cookie)
    expect(renewed.csrf).not.toBe(laptop.csrf)

    expect(await alive(url, laptop)).toBe(401)
    expect(await alive(url, phone)).toBe(401)
    expect(await alive(url, renewed)).toBe(200)
    // The new CSRF token goes with the new cookie on an unsafe request; the old one does not.
    const listed = await call(url, 'GET', '/api/sessions', { as: renewed })
    expect(listed.body!.sessions!.map((s) => s.current)).toEqual([true])
    expect((await call(url, 'PUT', '/api/session/password', { as: { ...renewed, csrf: laptop.csrf }, body: {} })).status).toBe(403)

    expect((await call(url, 'POST', '/api/session', { body: { username: 'cecilia', password: 'pw-cecilia' } })).status).toBe(401)
    await logIn(url, 'cecilia', 'a long phrase of five words')

    const audit = await sql<{ action: string; actor: string }>`
      select action, actor from vbe_audit_events where entity_id = ${ids.cecilia} order by seq`.execute(database.kysely)
    expect(audit.rows).toEqual(expect.arrayContaining([{ action: 'user.password-changed', actor: 'cecilia' }]))
    const log = await sql<{ kind: string; actor: string; detail: unknown }>`
      select kind, actor, detail from vbe_security_log where kind = 'password.changed'`.execute(database.kysely)
    expect(log.rows).toEqual([expect.objectContaining({ actor: 'cecilia', detail: { sessionsEnded: 1 } })])
    expect(JSON.stringify(log.rows)).not.toContain('five words')
  })

  it('refuses a wrong current password with a problem naming currentPassword, throttled like a login', async () => {
    const url = await serve()
    const dan = await logIn(url, 'dan', 'pw-dan')
    const wrong = await change(url, dan, 'not-my-password', 'a perfectly fine new password', 'en')
    expect(wrong.status).toBe(400)
    expect(wrong.type).toBe('application/problem+json')
    expect(wrong.body!.errors).toEqual([{ path: 'currentPassword', message: 'The current password is not right.' }])
    expect((await change(url, dan, 'not-my-password', 'a perfectly fine new password')).body!.errors![0]!.message).toBe(
      'Det nuvarande lösenordet stämmer inte.',
    )
    expect(await alive(url, dan)).toBe(200)
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await change(url, dan, `guess-${i}`, 'a perfectly fine new password')).status)
    expect(statuses).toEqual([400, 400, 400, 429])
    const failed = await sql<{
      n: string
    }>`select count(*) as n from vbe_security_log where kind = 'password.failed' and actor = 'dan'`.execute(database.kysely)
    expect(Number(failed.rows[0]!.n)).toBe(5)
    // The password is unchanged and the session lives on.
    expect(await alive(url, dan)).toBe(200)
  })

  it('names newPassword for each rule of the policy, in Swedish and English', async () => {
    const url = await serve()
    const erik = await logIn(url, 'erik', 'pw-erik')
    const cases: ReadonlyArray<[string, RegExp, RegExp]> = [
      ['short-one', /minst 12 tecken \(det har 9\)/, /at least 12 characters \(it has 9\)/],
      ['x'.repeat(129), /högst 128 tecken/, /at most 128 characters/],
      ['ERIK', /minst 12/, /at least 12/],
      ['Password1234', /för vanligt/, /too common/],
      ['demo-password-2026', /för vanligt/, /too common/],
      ['pw-erik', /minst 12/, /at least 12/],
    ]
    for (const [password, sv, en] of cases) {
      for (const [lang, text] of [
        ['sv', sv],
        ['en', en],
      ] as const) {
        const res = await change(url, erik, 'pw-erik', password, lang)
        expect(res.status, `${password} ${lang}`).toBe(400)
        expect(res.body!.errors!.every((e) => e.path === 'newPassword')).toBe(true)
        expect(res.body!.errors!.map((e) => e.message).join(' ')).toMatch(text)
      }
    }
    // The username and the current password, at a length the length rule allows.
    await sql`update vbe_users set username = 'erik.eriksson.al' where id = ${ids.erik}`.execute(database.kysely)
    const same = await change(url, erik, 'pw-erik', 'Erik.Eriksson.Al', 'en')
    expect(same.body!.errors).toEqual([{ path: 'newPassword', message: 'The password must not be your username.' }])
    await run(
      upsertUser({
        username: 'erik.eriksson.al',
        displayName: 'Erik Al',
        password: 'my current long password',
        roles: ['officer'],
        district: 'norrmalm',
      }),
    )
    const again = await logIn(url, 'erik.eriksson.al', 'my current long password')
    const unchanged = await change(url, again, 'my current long password', 'my current long password', 'sv')
    expect(unchanged.body!.errors).toEqual([{ path: 'newPassword', message: 'Det nya lösenordet måste skilja sig från det nuvarande.' }])
    await sql`update vbe_users set username = 'erik' where id = ${ids.erik}`.execute(database.kysely)
    await run(upsertUser({ ...USERS[2]!, roles: ['officer'] }))
  })

  it('refuses a user who signs in with the city’s account only, and everyone when password sign-in is off', async () => {
    const url = await serve()
    const olle = await sessionOf(ids.oidc!, ids['oidc-username']!, 'norrmalm')
    expect((await call(url, 'GET', '/api/session/password', { as: olle })).body!.allowed).toBe(false)
    const refused = await change(url, olle, 'anything', 'a long enough new password', 'en')
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ code: 'password-not-local', detail: expect.stringMatching(/city’s account/) })

    const off = await serve({ signIn: { passwordLogin: false, oidc: null } })
    const cecilia = await sessionOf(ids.cecilia!, 'cecilia', 'rinkeby-kista')
    expect((await call(off, 'GET', '/api/session/password', { as: cecilia })).body!.allowed).toBe(false)
    const offAnswer = await change(off, cecilia, 'a long phrase of five words', 'another long phrase here', 'sv')
    expect(offAnswer.status).toBe(403)
    expect(offAnswer.body).toMatchObject({ code: 'password-login-off', detail: expect.stringMatching(/avstängd/) })
    expect(await alive(off, cecilia)).toBe(200)
  })
})

describe('admins and the accounts in their scope', () => {
  it('lists the users in scope with their live sessions, never a password hash or username; officers are refused', async () => {
    const url = await serve()
    await logIn(url, 'dan', 'pw-dan')
    await logIn(url, 'dan', 'pw-dan')
    const root = await logIn(url, 'root', 'pw-root')
    const all = await call(url, 'GET', '/api/users', { as: root })
    expect(all.status).toBe(200)
    expect(all.text).not.toMatch(/scrypt|password_hash|"username"/)
    const names = all.body!.users!.map((u) => u.displayName)
    expect(names).toEqual(expect.arrayContaining(['Cecilia Ek', 'Dan Berg', 'Olle Idp', 'Stadens admin']))
    const dan = all.body!.users!.find((u) => u.displayName === 'Dan Berg')!
    expect(dan).toMatchObject({ roles: ['officer'], district: 'norrmalm', disabled: false, signIn: 'password', self: false })
    expect(dan.liveSessions).toBeGreaterThanOrEqual(2)
    expect(dan.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(all.body!.users!.find((u) => u.displayName === 'Olle Idp')!.signIn).toBe('oidc')
    expect(all.body!.users!.find((u) => u.displayName === 'Stadens admin')!.self).toBe(true)

    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')
    const mine = await call(url, 'GET', '/api/users', { as: nm })
    expect(new Set(mine.body!.users!.map((u) => u.district))).toEqual(new Set(['norrmalm']))
    const officer = await logIn(url, 'dan', 'pw-dan')
    expect((await call(url, 'GET', '/api/users', { as: officer })).status).toBe(403)
  })

  it('keeps a district admin to its own district: another district’s or a city-wide user is 404 everywhere', async () => {
    const url = await serve()
    const cecilia = await logIn(url, 'cecilia', 'a long phrase of five words')
    const mine = (await call(url, 'GET', '/api/sessions', { as: cecilia })).body!.sessions![0]!.id
    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')
    for (const who of [ids.cecilia!, ids.root!, 'no-such-user']) {
      const answers = [
        await call(url, 'GET', `/api/users/${who}/sessions`, { as: nm }),
        await call(url, 'DELETE', `/api/users/${who}/sessions/${mine}`, { as: nm }),
        await call(url, 'DELETE', `/api/users/${who}/sessions`, { as: nm }),
        await call(url, 'PUT', `/api/users/${who}/disabled`, { as: nm, body: { disabled: true } }),
      ]
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404])
      expect(answers.every((a) => a.type === 'application/problem+json')).toBe(true)
    }
    expect(await alive(url, cecilia)).toBe(200)
    expect(
      (await sql<{ disabled: boolean }>`select disabled from vbe_users where id = ${ids.cecilia}`.execute(database.kysely)).rows[0]!
        .disabled,
    ).toBe(false)
  })

  it('ends one session of a user, and not another user’s session through that user', async () => {
    const url = await serve()
    const a = await logIn(url, 'erik', 'pw-erik', { 'user-agent': 'Browser A' })
    const b = await logIn(url, 'erik', 'pw-erik', { 'user-agent': 'Browser B' })
    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')
    const listed = await call(url, 'GET', `/api/users/${ids.erik}/sessions`, { as: nm })
    expect(listed.status).toBe(200)
    const sessionB = listed.body!.sessions!.find((s) => s.userAgent === 'Browser B')!
    expect(listed.body!.sessions!.every((s) => !s.current)).toBe(true)
    // Erik's session id under Dan (same district) is unknown.
    expect((await call(url, 'DELETE', `/api/users/${ids.dan}/sessions/${sessionB.id}`, { as: nm })).status).toBe(404)
    expect((await call(url, 'DELETE', `/api/users/${ids.erik}/sessions/${sessionB.id}`, { as: nm })).status).toBe(204)
    expect(await alive(url, b)).toBe(401)
    expect(await alive(url, a)).toBe(200)
  })

  it('disables a user (all sessions end, no login) and enables them again; an admin cannot disable themself', async () => {
    const url = await serve()
    const d1 = await logIn(url, 'dan', 'pw-dan')
    const d2 = await logIn(url, 'dan', 'pw-dan')
    const nm = await logIn(url, 'admin.nm', 'pw-admin-nm')

    const self = await call(url, 'PUT', `/api/users/${ids['admin.nm']}/disabled`, {
      as: nm,
      body: { disabled: true },
      headers: { 'accept-language': 'en' },
    })
    expect(self.status).toBe(409)
    expect(self.body!.detail).toMatch(/cannot disable your own account/)
    expect(await alive(url, nm)).toBe(200)

    const disabled = await call(url, 'PUT', `/api/users/${ids.dan}/disabled`, { as: nm, body: { disabled: true } })
    expect(disabled.status, disabled.text).toBe(200)
    expect(disabled.body).toMatchObject({ disabled: true })
    expect(disabled.body!.sessionsEnded).toBeGreaterThanOrEqual(2)
    expect(await alive(url, d1)).toBe(401)
    expect(await alive(url, d2)).toBe(401)
    const left = await sql<{ n: string }>`select count(*) as n from vbe_sessions where user_id = ${ids.dan}`.execute(database.kysely)
    expect(Number(left.rows[0]!.n)).toBe(0)
    expect((await call(url, 'POST', '/api/session', { body: { username: 'dan', password: 'pw-dan' } })).status).toBe(401)
    const listed = (await call(url, 'GET', '/api/users', { as: nm })).body!.users!.find((u) => u.displayName === 'Dan Berg')!
    expect(listed).toMatchObject({ disabled: true, liveSessions: 0 })

    const audit = await sql<{ action: string; actor: string }>`
      select action, actor from vbe_audit_events where entity_id = ${ids.dan} and action like 'user.%' order by seq`.execute(
      database.kysely,
    )
    expect(audit.rows).toEqual([{ action: 'user.disabled', actor: 'admin.nm' }])
    const log = await sql<{ detail: unknown }>`select detail from vbe_security_log where kind = 'user.disabled'`.execute(database.kysely)
    expect(log.rows).toEqual([{ detail: expect.objectContaining({ user: 'dan' }) }])

    expect((await call(url, 'PUT', `/api/users/${ids.dan}/disabled`, { as: nm, body: { disabled: false } })).status).toBe(200)
    await logIn(url, 'dan', 'pw-dan')
    const bad = await call(url, 'PUT', `/api/users/${ids.dan}/disabled`, { as: nm, body: { disabled: 'yes' } })
    expect(bad.status).toBe(400)
    expect(bad.body!.errors![0]!.path).toBe('disabled')
  })
})
