import { randomUUID, timingSafeEqual } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely, Selectable } from 'kysely'
import { RateLimited, Unauthenticated, type DatabaseError } from './errors.js'
import { decoyHash, hashPassword, verifyPassword } from './password.js'
import type { KitTables } from './schema.js'
import { appendAuditAs } from './audit/index.js'
import { recordSecurityEvent } from './security-log/index.js'
import { Clock, Db, query, transaction, type Role, type SessionUser } from './services.js'
import { createSession, endAllSessionsOf, toUser, type NewSession } from './sessions/store.js'
import { claimAttempt, clearAttempts, refundAttempt, type ThrottleRule } from './sessions/throttle.js'

export type { ActiveSession } from './sessions/store.js'
export { sessionFor } from './sessions/store.js'

export interface AuthPolicy {
  /** Absolute session lifetime, from login. Default 8 hours (`VBE_SESSION_MAX_HOURS`). */
  readonly sessionMs: number
  /** Idle timeout: a session unused this long ends. Default 30 minutes (`VBE_SESSION_IDLE_MINUTES`). */
  readonly idleMs?: number
  /** Attempts for one username from one address checked without delay. Default 5. */
  readonly maxFailuresPerUser: number
  /** Attempts from one address (any username) checked without delay. Default 30. */
  readonly maxFailuresPerAddress: number
  /** A counter quiet this long starts again. Default 15 minutes. */
  readonly windowMs: number
  /** The wait after the free attempts; it doubles with each further failure. Default 30 seconds. */
  readonly firstDelayMs?: number
  /** The longest wait. Default 15 minutes. */
  readonly maxDelayMs?: number
}
export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  sessionMs: 8 * 3600_000,
  idleMs: 30 * 60_000,
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 30,
  windowMs: 15 * 60_000,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
}

export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly password: string
  readonly roles: readonly Role[]
  readonly district: string | null
  /** Made by a demo seed (a production start refuses to run while one exists). */
  readonly demo?: boolean
}

/** The row of a new user, its password already hashed. */
const newUserRow = (user: NewUser, hash: string) => ({
  id: randomUUID(),
  username: user.username,
  display_name: user.displayName,
  password_hash: hash,
  roles: user.roles.join(','),
  district: user.district,
  demo: user.demo ?? false,
})

/**
 * Creates a user, or updates the one with the same username, password included: its
 * sessions end, as at every password change.
 */
export function upsertUser(user: NewUser): Effect.Effect<SessionUser, DatabaseError, Db> {
  return Effect.flatMap(
    Effect.promise(() => hashPassword(user.password)),
    (hash) =>
      query('users.upsert', async (db: Kysely<KitTables>) => {
        const row = await db
          .insertInto('vbe_users')
          .values(newUserRow(user, hash))
          .onConflict((oc) =>
            oc
              .column('username')
              .doUpdateSet({ display_name: user.displayName, password_hash: hash, roles: user.roles.join(','), district: user.district }),
          )
          .returning(['id', 'username', 'display_name', 'roles', 'district'])
          .executeTakeFirstOrThrow()
        await db.deleteFrom('vbe_sessions').where('user_id', '=', row.id).execute()
        return toUser(row)
      }),
  )
}

/**
 * Creates a user unless one with that username exists; an existing user is left exactly
 * as it is (a changed password stays changed). True when it created one.
 */
export function createUserIfMissing(user: NewUser): Effect.Effect<boolean, DatabaseError, Db> {
  return Effect.flatMap(
    query('users.exists', (db: Kysely<KitTables>) =>
      db.selectFrom('vbe_users').select('id').where('username', '=', user.username).executeTakeFirst(),
    ),
    (existing) =>
      existing
        ? Effect.succeed(false)
        : Effect.flatMap(
            Effect.promise(() => hashPassword(user.password)),
            (hash) =>
              query('users.create', async (db: Kysely<KitTables>) => {
                const inserted = await db
                  .insertInto('vbe_users')
                  .values(newUserRow(user, hash))
                  .onConflict((oc) => oc.column('username').doNothing())
                  .returning('id')
                  .executeTakeFirst()
                return inserted !== undefined
              }),
          ),
  )
}

export interface LoginResult {
  readonly user: SessionUser
  /** Goes in the session cookie. Only its hash is stored. */
  readonly token: string
  readonly csrfToken: string
  readonly expiresAt: Date
}

/** Where a login comes from: the client's address (after trusted proxies) and browser. */
export interface LoginOrigin {
  readonly address: string
  readonly userAgent?: string | null
  /** The session the browser still held, ended so that a login always starts a new one. */
  readonly previousToken?: string | null
}

const rules = (policy: AuthPolicy): { pair: ThrottleRule; address: ThrottleRule } => {
  const delays = {
    firstDelayMs: policy.firstDelayMs ?? DEFAULT_AUTH_POLICY.firstDelayMs!,
    maxDelayMs: policy.maxDelayMs ?? DEFAULT_AUTH_POLICY.maxDelayMs!,
    resetAfterMs: policy.windowMs,
  }
  return { pair: { free: policy.maxFailuresPerUser, ...delays }, address: { free: policy.maxFailuresPerAddress, ...delays } }
}

/**
 * Checks a username and password, and starts a new session. Attempts are throttled in
 * the database (so across server processes) per (username, address) and per address:
 * a few go through at once, then each must wait longer, up to a cap (RateLimited, with
 * the seconds to wait). Nothing locks an account for everyone: the same user from
 * another address is not slowed by someone guessing their password. Every attempt is
 * claimed before the password is checked, in one statement, so parallel guesses cannot
 * slip past the count. Unknown users cost the same time as known ones.
 */
export function login(
  username: string,
  password: string,
  origin: LoginOrigin | string,
  policy: AuthPolicy = DEFAULT_AUTH_POLICY,
): Effect.Effect<LoginResult, Unauthenticated | RateLimited | DatabaseError, Db | Clock> {
  const from: LoginOrigin = typeof origin === 'string' ? { address: origin } : origin
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const checked = yield* checkPassword(username, password, from.address, policy, 'login.failed')
    if (!checked)
      return yield* new Unauthenticated({ detail: { sv: 'Fel användarnamn eller lösenord.', en: 'Wrong username or password.' } })
    const user = toUser(checked)
    const session: NewSession = {
      user,
      now,
      absoluteMs: policy.sessionMs,
      address: from.address,
      userAgent: from.userAgent ?? null,
      previousToken: from.previousToken ?? null,
    }
    const created = yield* transaction(createSession(session))
    return { user, ...created }
  })
}

/**
 * Checks a username's password through the login throttle: every attempt is claimed
 * before the password is checked (per (username, address) and per address), a failure
 * is security-logged as `failureKind`, and a success clears the pair's counter. The
 * user's row when the password is right (and the user not disabled), else null;
 * RateLimited while the throttle holds the attempt back. Login and a password change
 * (which asks for the current one) go through it alike.
 */
export function checkPassword(
  username: string,
  password: string,
  address: string,
  policy: AuthPolicy,
  failureKind: 'login.failed' | 'password.failed',
): Effect.Effect<Selectable<KitTables['vbe_users']> | null, RateLimited | DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const name = username.trim()
    const pairKey = `pair:${name.toLowerCase()}|${address}`
    const addressKey = `addr:${address}`
    const { pair, address: perAddress } = rules(policy)
    const throttled = (waitMs: number) =>
      Effect.zipRight(
        recordSecurityEvent({ kind: 'login.throttled', actor: name, address, detail: { waitSeconds: Math.ceil(waitMs / 1000) } }),
        Effect.fail(new RateLimited({ retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) })),
      )
    const pairWait = yield* claimAttempt(pairKey, pair, now)
    if (pairWait) return yield* throttled(pairWait.waitMs)
    const addressWait = yield* claimAttempt(addressKey, perAddress, now)
    if (addressWait) {
      yield* refundAttempt(pairKey, pair)
      return yield* throttled(addressWait.waitMs)
    }
    const row = yield* query('login.user', (db: Kysely<KitTables>) =>
      db.selectFrom('vbe_users').selectAll().where('username', '=', name).where('disabled', '=', false).executeTakeFirst(),
    )
    const ok = yield* Effect.promise(async () =>
      row ? verifyPassword(password, row.password_hash) : (await verifyPassword(password, await decoyHash()), false),
    )
    if (!row || !ok) {
      yield* recordSecurityEvent({ kind: failureKind, actor: name, district: row?.district ?? null, address })
      return null
    }
    yield* clearAttempts(pairKey)
    yield* refundAttempt(addressKey, perAddress)
    return row
  })
}

/** Ends a session. */
export { logout } from './sessions/store.js'

/**
 * Sets a user's password and ends all their sessions (ASVS V7: a password change
 * revokes every session), and says how many ended. Audited as `user.password-changed` by `actor` (default: the
 * system, for a seed or an operator's script). The new password is not checked against
 * the policy here: `PUT /api/session/password` does that (see `accounts/policy.ts`).
 */
export function changePassword(userId: string, password: string, actor = 'system'): Effect.Effect<number, DatabaseError, Db | Clock> {
  return Effect.flatMap(
    Effect.promise(() => hashPassword(password)),
    (hash) =>
      transaction(
        Effect.gen(function* () {
          const row = yield* query('users.password', (db: Kysely<KitTables>) =>
            db.updateTable('vbe_users').set({ password_hash: hash }).where('id', '=', userId).returning('district').executeTakeFirst(),
          )
          const ended = yield* endAllSessionsOf(userId, 'password-changed', actor)
          if (row)
            yield* appendAuditAs(actor, { action: 'user.password-changed', entityType: 'user', entityId: userId, district: row.district })
          return ended
        }),
      ),
  )
}

/**
 * Disables (or enables) a user; disabling ends all their sessions. Audited as
 * `user.disabled` / `user.enabled` by `actor` when it changed anything.
 */
export function setUserDisabled(userId: string, disabled: boolean, actor = 'system'): Effect.Effect<void, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const changed = yield* query('users.disable', (db: Kysely<KitTables>) =>
        db
          .updateTable('vbe_users')
          .set({ disabled })
          .where('id', '=', userId)
          .where('disabled', '=', !disabled)
          .returning('district')
          .executeTakeFirst(),
      )
      if (disabled) yield* endAllSessionsOf(userId, 'user-disabled', actor)
      if (changed)
        yield* appendAuditAs(actor, {
          action: disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: userId,
          district: changed.district,
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
