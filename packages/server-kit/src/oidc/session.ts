import { createHash, randomBytes } from 'node:crypto'
import { Effect } from 'effect'
import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { appendAuditAs } from '../audit.js'
import type { AuthPolicy, LoginResult } from '../auth.js'
import type { DatabaseError } from '../errors.js'
import type { KitEnv } from '../http.js'
import { SESSION_COOKIE } from '../middleware/session/index.js'
import type { KitTables } from '../schema.js'
import { Clock, query, transaction, type Db, type SessionUser } from '../services.js'

/*
 * The one seam between OpenID Connect sign-in and sessions: a session for a user the
 * provider vouched for, the same kind `POST /api/session` creates after a password (a
 * new random token whose hash is stored, a CSRF token, the policy's lifetime, the
 * `session.login` audit event), and its cookie set as the password login sets it.
 * MERGE NOTE: sessions are being reworked (idle timeout, `__Host-` cookie); when that
 * lands, both functions here should call its session-creation and cookie functions.
 */

/** Starts a session for `user`, signed in through the provider. */
export function startSession(user: SessionUser, policy: AuthPolicy): Effect.Effect<LoginResult, DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const token = randomBytes(32).toString('base64url')
    const csrfToken = randomBytes(24).toString('base64url')
    const expiresAt = new Date(now.getTime() + policy.sessionMs)
    yield* transaction(
      Effect.gen(function* () {
        yield* query('login.session', async (db: Kysely<KitTables>) => {
          await db.deleteFrom('vbe_sessions').where('expires_at', '<', now).execute()
          await db
            .insertInto('vbe_sessions')
            .values({
              id: createHash('sha256').update(token).digest('hex'),
              user_id: user.id,
              csrf_token: csrfToken,
              created_at: now,
              expires_at: expiresAt,
            })
            .execute()
        })
        yield* appendAuditAs(user.username, {
          action: 'session.login',
          entityType: 'user',
          entityId: user.id,
          district: user.district,
          after: { method: 'oidc' },
        })
      }),
    )
    return { user, token, csrfToken, expiresAt }
  })
}

/** Whether cookies get `Secure`: the kit's setting, else all but plain http on localhost. */
export function secureCookies(c: Context<KitEnv>): boolean {
  const url = new URL(c.req.url)
  return c.get('kit').secureCookies ?? !(url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))
}

/** Sets the session cookie for a started session. */
export function setSessionCookie(c: Context<KitEnv>, session: LoginResult): void {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - c.get('kit').clock.now().getTime()) / 1000))
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: secureCookies(c), maxAge })
}
