import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { appendAuditAs } from './audit/index.js'
import { RateLimited, Unauthenticated, type DatabaseError } from './errors.js'
import { decoyHash, hashPassword, verifyPassword } from './password.js'
import type { KitTables } from './schema.js'
import { Clock, Db, query, ROLES, transaction, type Role, type SessionUser } from './services.js'

export interface AuthPolicy {
  /** Session lifetime. Default 8 hours. */
  readonly sessionMs: number
  /** Failed logins for one username within `windowMs` before it is locked. Default 5. */
  readonly maxFailuresPerUser: number
  /** Failed logins from one address within `windowMs`. Default 30. */
  readonly maxFailuresPerAddress: number
  /** Default 15 minutes. */
  readonly windowMs: number
}
export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  sessionMs: 8 * 3600_000,
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 30,
  windowMs: 15 * 60_000,
}

export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly password: string
  readonly roles: readonly Role[]
  readonly district: string | null
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex')

const toUser = (r: Pick<KitTables['vbe_users'], 'id' | 'username' | 'display_name' | 'roles' | 'district'>): SessionUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles.split(',').filter((x): x is Role => (ROLES as readonly string[]).includes(x)),
  district: r.district,
})

/** Creates a user (or updates the one with the same username). */
export function upsertUser(user: NewUser): Effect.Effect<SessionUser, DatabaseError, Db> {
  return Effect.flatMap(
    Effect.promise(() => hashPassword(user.password)),
    (hash) =>
      query('users.upsert', async (db: Kysely<KitTables>) => {
        const row = await db
          .insertInto('vbe_users')
          .values({
            id: randomUUID(),
            username: user.username,
            display_name: user.displayName,
            password_hash: hash,
            roles: user.roles.join(','),
            district: user.district,
          })
          .onConflict((oc) =>
            oc
              .column('username')
              .doUpdateSet({ display_name: user.displayName, password_hash: hash, roles: user.roles.join(','), district: user.district }),
          )
          .returning(['id', 'username', 'display_name', 'roles', 'district'])
          .executeTakeFirstOrThrow()
        return toUser(row)
      }),
  )
}

export interface LoginResult {
  readonly user: SessionUser
  /** Goes in the session cookie. Only its hash is stored. */
  readonly token: string
  readonly csrfToken: string
  readonly expiresAt: Date
}

/**
 * Checks a username and password. Failed attempts are counted in the database per
 * username and per address, so the limit holds across server processes; over the limit
 * the answer is RateLimited with the seconds to wait. Unknown users cost the same time
 * as known ones.
 */
export function login(
  username: string,
  password: string,
  address: string,
  policy: AuthPolicy = DEFAULT_AUTH_POLICY,
): Effect.Effect<LoginResult, Unauthenticated | RateLimited | DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const userKey = `user:${username.trim().toLowerCase()}`
    const addressKey = `addr:${address}`
    const since = new Date(now.getTime() - policy.windowMs)
    const counts = yield* query('login.count', (db: Kysely<KitTables>) =>
      db
        .selectFrom('vbe_login_attempts')
        .select((eb) => ['key', eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('first')])
        .where('key', 'in', [userKey, addressKey])
        .where('at', '>', since)
        .groupBy('key')
        .execute(),
    )
    for (const c of counts) {
      const limit = c.key === userKey ? policy.maxFailuresPerUser : policy.maxFailuresPerAddress
      if (Number(c.n) >= limit) {
        const first = new Date(c.first as unknown as string | Date).getTime()
        return yield* new RateLimited({ retryAfterSeconds: Math.max(1, Math.ceil((first + policy.windowMs - now.getTime()) / 1000)) })
      }
    }
    const row = yield* query('login.user', (db: Kysely<KitTables>) =>
      db.selectFrom('vbe_users').selectAll().where('username', '=', username.trim()).where('disabled', '=', false).executeTakeFirst(),
    )
    const ok = yield* Effect.promise(async () =>
      row ? verifyPassword(password, row.password_hash) : (await verifyPassword(password, await decoyHash()), false),
    )
    if (!row || !ok) {
      yield* query('login.fail', (db: Kysely<KitTables>) =>
        db
          .insertInto('vbe_login_attempts')
          .values([
            { key: userKey, at: now },
            { key: addressKey, at: now },
          ])
          .execute(),
      )
      return yield* new Unauthenticated({ detail: { sv: 'Fel användarnamn eller lösenord.', en: 'Wrong username or password.' } })
    }
    const user = toUser(row)
    const token = randomBytes(32).toString('base64url')
    const csrfToken = randomBytes(24).toString('base64url')
    const expiresAt = new Date(now.getTime() + policy.sessionMs)
    yield* transaction(
      Effect.gen(function* () {
        yield* query('login.session', async (db: Kysely<KitTables>) => {
          await db.deleteFrom('vbe_login_attempts').where('key', '=', userKey).execute()
          await db.deleteFrom('vbe_sessions').where('expires_at', '<', now).execute()
          await db
            .insertInto('vbe_sessions')
            .values({ id: tokenId(token), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt })
            .execute()
        })
        yield* appendAuditAs(user.username, { action: 'session.login', entityType: 'user', entityId: user.id, district: user.district })
      }),
    )
    return { user, token, csrfToken, expiresAt }
  })
}

export interface ActiveSession {
  readonly user: SessionUser
  readonly csrfToken: string
  readonly sessionId: string
}

/** The session for a cookie token, or null when it is unknown, expired or the user is disabled. */
export function sessionFor(token: string): Effect.Effect<ActiveSession | null, DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const row = yield* query('session.get', (db: Kysely<KitTables>) =>
      db
        .selectFrom('vbe_sessions as s')
        .innerJoin('vbe_users as u', 'u.id', 's.user_id')
        .select([
          's.id as sid',
          's.csrf_token',
          's.expires_at',
          'u.id',
          'u.username',
          'u.display_name',
          'u.roles',
          'u.district',
          'u.disabled',
        ])
        .where('s.id', '=', tokenId(token))
        .executeTakeFirst(),
    )
    if (!row || row.disabled || new Date(row.expires_at).getTime() <= now.getTime()) return null
    return { user: toUser(row), csrfToken: row.csrf_token, sessionId: row.sid }
  })
}

/** Ends a session. */
export function logout(session: ActiveSession): Effect.Effect<void, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      yield* query('session.delete', (db: Kysely<KitTables>) => db.deleteFrom('vbe_sessions').where('id', '=', session.sessionId).execute())
      yield* appendAuditAs(session.user.username, {
        action: 'session.logout',
        entityType: 'user',
        entityId: session.user.id,
        district: session.user.district,
      })
    }),
  )
}

/** Compares a CSRF token from a header with the session's, in constant time. */
export function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (!sent) return false
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
