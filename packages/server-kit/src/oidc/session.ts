import { Effect } from 'effect'
import type { Context } from 'hono'
import type { AuthPolicy, LoginResult } from '../auth.js'
import type { DatabaseError } from '../errors.js'
import type { KitEnv } from '../http.js'
import { Clock, transaction, type Db, type SessionUser } from '../services.js'
import { clientInfo } from '../sessions/client.js'
import { heldSessionToken } from '../sessions/cookie.js'
import { createSession } from '../sessions/store.js'

/**
 * A session for a user the provider vouched for: the same kind a password login starts
 * (a new token, the session the browser held ended, the policy's absolute lifetime, the
 * `session.login` event, here with `{ method: 'oidc' }`). It records the provider's
 * issuer and session id (`sid`), which a back-channel logout names (see `logout.ts`).
 */
export function startSession(
  c: Context<KitEnv>,
  user: SessionUser,
  policy: AuthPolicy,
  provider: { readonly issuer: string; readonly sid: string | null },
): Effect.Effect<LoginResult, DatabaseError, Db | Clock> {
  const kit = c.get('kit')
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const created = yield* transaction(
      createSession({
        user,
        now,
        absoluteMs: policy.sessionMs,
        address: clientInfo(c, kit.trustedProxies).address,
        userAgent: c.req.header('user-agent') ?? null,
        previousToken: heldSessionToken(c),
        method: 'oidc',
        provider,
      }),
    )
    return { user, ...created }
  })
}
