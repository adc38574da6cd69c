import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { appendAuditAs } from '../audit/index.js'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { Clock, Db, query, ROLES, transaction, type Role, type SessionUser } from '../services.js'

/** The session row's id: the SHA-256 of the cookie token, which itself is never stored. */
export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex')

export interface ActiveSession {
  readonly user: SessionUser
  readonly csrfToken: string
  /** The row id (the token's hash): internal, never shown. */
  readonly sessionId: string
  /** The id shown to the user to list and end sessions. */
  readonly publicId?: string
}

export interface NewSession {
  readonly user: SessionUser
  readonly now: Date
  readonly absoluteMs: number
  readonly address: string | null
  readonly userAgent: string | null
  /** A session the browser still held: ended, so that every login starts a new token. */
  readonly previousToken: string | null
  /** How the user signed in, recorded in the `session.login` event. Default: password. */
  readonly method?: 'password' | 'oidc'
  /** For a sign-in through the OpenID provider: its issuer and session id (`sid`), which a back-channel logout names. */
  readonly provider?: { readonly issuer: string; readonly sid: string | null }
}

const USER_AGENT_MAX = 200

/** Starts a session with a fresh random token and CSRF token; audited as `session.login`. */
export function createSession(
  s: NewSession,
): Effect.Effect<{ token: string; csrfToken: string; expiresAt: Date }, DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const token = randomBytes(32).toString('base64url')
    const csrfToken = randomBytes(24).toString('base64url')
    const expiresAt = new Date(s.now.getTime() + s.absoluteMs)
    yield* query('login.session', async (db: Kysely<KitTables>) => {
      if (s.previousToken) await db.deleteFrom('vbe_sessions').where('id', '=', tokenId(s.previousToken)).execute()
      await db.deleteFrom('vbe_sessions').where('expires_at', '<', s.now).execute()
      await db
        .insertInto('vbe_sessions')
        .values({
          id: tokenId(token),
          public_id: randomUUID(),
          user_id: s.user.id,
          csrf_token: csrfToken,
          created_at: s.now,
          last_seen_at: s.now,
          expires_at: expiresAt,
          address: s.address,
          user_agent: s.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
          ...(s.provider ? { oidc_issuer: s.provider.issuer, oidc_sid: s.provider.sid } : {}),
        })
        .execute()
    })
    yield* appendAuditAs(s.user.username, {
      action: 'session.login',
      entityType: 'user',
      entityId: s.user.id,
      district: s.user.district,
      ...(s.method === 'oidc' ? { after: { method: 'oidc' } } : {}),
    })
    return { token, csrfToken, expiresAt }
  })
}

/** A user row as the session's user. */
export const toUser = (r: { id: string; username: string; display_name: string; roles: string; district: string | null }): SessionUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles.split(',').filter((x): x is Role => (ROLES as readonly string[]).includes(x)),
  district: r.district,
})

/** How often the last use is written (at most), so that reads do not all write. */
const TOUCH_EVERY_MS = 30_000

/**
 * The session for a cookie token, or null when it is unknown, past its absolute end,
 * idle for longer than `idleMs`, or its user is disabled. An ended session is deleted.
 * A live one's last use is moved to now.
 */
export function sessionFor(token: string, idleMs: number = 30 * 60_000): Effect.Effect<ActiveSession | null, DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const id = tokenId(token)
    const row = yield* query('session.get', (db: Kysely<KitTables>) =>
      db
        .selectFrom('vbe_sessions as s')
        .innerJoin('vbe_users as u', 'u.id', 's.user_id')
        .select([
          's.id as sid',
          's.public_id',
          's.csrf_token',
          's.expires_at',
          's.last_seen_at',
          'u.id',
          'u.username',
          'u.display_name',
          'u.roles',
          'u.district',
          'u.disabled',
        ])
        .where('s.id', '=', id)
        .executeTakeFirst(),
    )
    if (!row) return null
    const lastSeen = new Date(row.last_seen_at).getTime()
    const ended = row.disabled || new Date(row.expires_at).getTime() <= now.getTime() || lastSeen + idleMs <= now.getTime()
    if (ended) {
      yield* query('session.expire', (db: Kysely<KitTables>) => db.deleteFrom('vbe_sessions').where('id', '=', id).execute())
      return null
    }
    if (now.getTime() - lastSeen >= Math.min(TOUCH_EVERY_MS, idleMs / 10))
      yield* query('session.touch', (db: Kysely<KitTables>) =>
        db.updateTable('vbe_sessions').set({ last_seen_at: now }).where('id', '=', id).execute(),
      )
    return { user: toUser(row), csrfToken: row.csrf_token, sessionId: row.sid, publicId: row.public_id }
  })
}

/** Ends a session (logging out). */
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

/** A session as its owner (or an admin) sees it: never its token. */
export interface SessionInfo {
  readonly id: string
  readonly createdAt: string
  readonly lastSeenAt: string
  readonly expiresAt: string
  readonly address: string | null
  readonly userAgent: string | null
  /** The session this request was made with. */
  readonly current: boolean
}

/** A user's live sessions, newest first; with `idleMs`, those idle that long are left out (they end at their next use). */
export function listSessions(
  userId: string,
  currentSessionId: string | null,
  idleMs?: number,
): Effect.Effect<SessionInfo[], DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const rows = yield* query('sessions.list', (db: Kysely<KitTables>) => {
      let q = db.selectFrom('vbe_sessions').selectAll().where('user_id', '=', userId).where('expires_at', '>', now)
      if (idleMs !== undefined) q = q.where('last_seen_at', '>', new Date(now.getTime() - idleMs))
      return q.orderBy('created_at', 'desc').execute()
    })
    return rows.map((r) => ({
      id: r.public_id,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      address: r.address,
      userAgent: r.user_agent,
      current: r.id === currentSessionId,
    }))
  })
}

/**
 * Ends one of `userId`'s sessions by its public id; false when the user has no such
 * session (another user's session id is as unknown as a made-up one).
 */
export function endSession(userId: string, publicId: string, actor: string): Effect.Effect<boolean, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const deleted = yield* query('sessions.end', (db: Kysely<KitTables>) =>
        db.deleteFrom('vbe_sessions').where('user_id', '=', userId).where('public_id', '=', publicId).returning('id').execute(),
      )
      if (deleted.length === 0) return false
      yield* appendAuditAs(actor, { action: 'session.end', entityType: 'user', entityId: userId, after: { sessions: 1 } })
      return true
    }),
  )
}

/** Ends every session of a user (password change, disabled user, an admin's decision); audited. */
export function endAllSessionsOf(userId: string, reason: string, actor = 'system'): Effect.Effect<number, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const deleted = yield* query('sessions.end-all', (db: Kysely<KitTables>) =>
        db.deleteFrom('vbe_sessions').where('user_id', '=', userId).returning('id').execute(),
      )
      yield* appendAuditAs(actor, {
        action: 'session.end-all',
        entityType: 'user',
        entityId: userId,
        after: { reason, sessions: deleted.length },
      })
      return deleted.length
    }),
  )
}
