import { Effect, Either } from 'effect'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import * as client from 'openid-client'
import type { KitEnv } from '../http.js'
import { requestLanguage } from '../middleware/problems/index.js'
import type { KitTables } from '../schema.js'
import { Db, query, type SessionUser } from '../services.js'
import { providerFor } from './provider.js'

/**
 * Where the browser goes after logging out, to end the user's session at the provider
 * too (RP-initiated logout): the provider's `end_session_endpoint` with the app's
 * `client_id`, `post_logout_redirect_uri` back to the app's start page (register it at
 * the provider) and the UI's language. Null when there is nothing to end there: sign-in
 * through the provider is off, the user is not linked to an identity at it, or the
 * provider has no such endpoint or cannot be reached (then the local logout stands alone).
 *
 * No ID token is kept for an `id_token_hint`: a stored token is one more credential to
 * guard, and `client_id` lets the provider check the redirect. Without the hint the
 * provider asks the user to confirm. No `logout_hint` either: its value means something
 * different at each provider.
 */
export async function providerSignOutUrl(c: Context<KitEnv>, user: SessionUser): Promise<string | null> {
  const kit = c.get('kit')
  const oidc = kit.signIn.oidc
  if (!oidc) return null
  let config: client.Configuration
  try {
    config = await providerFor(oidc)((kit.clock.now().getTime() - Date.now()) / 1000)
  } catch (error) {
    kit.logError(error, c)
    return null
  }
  const metadata = config.serverMetadata()
  if (!metadata.end_session_endpoint) return null
  // Not through runKit: the session routes (which http.ts registers) call this, and the local logout has happened already.
  const linked = await Effect.runPromise(
    Effect.either(
      query('identity.of-user', (db: Kysely<KitTables>) =>
        db
          .selectFrom('vbe_identities')
          .select('subject')
          .where('user_id', '=', user.id)
          .where('issuer', '=', metadata.issuer)
          .executeTakeFirst(),
      ).pipe(Effect.provideService(Db, { kysely: kit.database.kysely })),
    ),
  )
  if (Either.isLeft(linked)) {
    kit.logError(linked.left.cause, c)
    return null
  }
  if (!linked.right) return null
  return client.buildEndSessionUrl(config, {
    client_id: oidc.clientId,
    post_logout_redirect_uri: new URL('/', oidc.redirectBaseUrl).href,
    ui_locales: requestLanguage(c),
  }).href
}
