import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type * as client from 'openid-client'
import { problems, runKit, type KitEnv } from '../http.js'
import { recordSecurityEvent } from '../security-log/index.js'
import { securityEvent } from '../security-log/request.js'
import { clientInfo } from '../sessions/client.js'
import { claimAttempt, refundAttempt } from '../sessions/throttle.js'
import { endProviderSessions, type EndedSessions } from './end-sessions.js'
import { LogoutTokenRefused, verifyLogoutToken, type LogoutClaims } from './logout-token.js'
import { logoutTokenRefused, logoutTokensThrottled, oidcOff, providerUnavailable } from './problems.js'
import { providerFor } from './provider.js'
import { addressThrottleRule } from './throttle.js'

/** Where the provider posts logout tokens: register `<base>` + this as the client's `backchannel_logout_uri`. */
export const OIDC_BACKCHANNEL_LOGOUT_PATH = '/api/oidc/backchannel-logout'

/**
 * Counts every post per client address with the password login's per-address rule (a few
 * free, then a doubling wait; `claimAttempt`, atomic in the database) and gives back the ones
 * answered 200, so that only refused tokens (and posts that fail before a token is checked)
 * slow an address down, as only failed passwords do at the login. While the address waits,
 * every post is answered 429 with Retry-After, unchecked, and recorded in the security log:
 * checking a token is the work the throttle spares the server, so a valid one waits too.
 * Only an address that has sent refused tokens waits; the provider's own posts are refunded.
 */
async function throttled(c: Context<KitEnv>, next: () => Promise<void>): Promise<void> {
  const kit = c.get('kit')
  const key = `oidc-backchannel-logout:${clientInfo(c, kit.trustedProxies).address}`
  const rule = addressThrottleRule(kit.authPolicy)
  const wait = await runKit(c, claimAttempt(key, rule, kit.clock.now()))
  if (wait) {
    const seconds = Math.max(1, Math.ceil(wait.waitMs / 1000))
    await securityEvent(c, 'logout-token.throttled', { waitSeconds: seconds })
    throw logoutTokensThrottled(seconds)
  }
  await next()
  if (c.res.status === 200) await runKit(c, refundAttempt(key, rule))
}

async function refuse(c: Context<KitEnv>, error: LogoutTokenRefused): Promise<never> {
  await securityEvent(c, 'logout-token.refused', { problem: error.problem })
  throw logoutTokenRefused(error.problem)
}

async function logEnded(c: Context<KitEnv>, ended: EndedSessions): Promise<void> {
  const kit = c.get('kit')
  await runKit(
    c,
    recordSecurityEvent({
      kind: 'sessions.ended',
      actor: ended.username,
      district: ended.district,
      address: clientInfo(c, kit.trustedProxies).address,
      method: c.req.method,
      path: c.req.path,
      detail: { ended: ended.sessions, by: 'identity-provider' },
    }),
  )
}

/**
 * OpenID Connect Back-Channel Logout 1.0: when a user signs out at the city's identity
 * provider (or in another app, which sends the browser to the provider's sign-out), the
 * provider posts a logout token here, server to server. A valid token ends the sessions it
 * names and is answered 200; a token that fails a check is answered 400 with a problem naming
 * the check, and ends nothing. Refused posts are throttled per client address (429 with
 * Retry-After). `registerSignIn` registers it; 404 when OIDC is not set up.
 */
export function registerBackChannelLogout(app: OpenAPIHono<KitEnv>): void {
  // Before the body's validation: without OIDC the route is not there, whatever is sent; with it,
  // every post counts towards the address's throttle, a malformed body too.
  app.use(OIDC_BACKCHANNEL_LOGOUT_PATH, async (c, next) => {
    if (!c.get('kit').signIn.oidc) throw oidcOff()
    if (c.req.method !== 'POST') return next()
    return throttled(c, next)
  })
  app.openapi(
    createRoute({
      method: 'post',
      path: OIDC_BACKCHANNEL_LOGOUT_PATH,
      tags: ['session'],
      operationId: 'oidcBackChannelLogout',
      summary: 'The identity provider ends sessions (back-channel logout)',
      description:
        'Called by the identity provider, not by a browser (OpenID Connect Back-Channel Logout 1.0). The logout token must be signed with one of the provider’s keys and name this app’s client id as audience, the provider as issuer, the back-channel logout event, a recent iat, a jti and a sid or sub, and no nonce. Ends the sessions started in the provider session `sid` (or, with only `sub`, every session of that user); each token is accepted once. Audited as session.logout and recorded in the security log. Throttled per client address like the password login: posts that end in a refusal count, and past a few each further post from that address must wait longer (429 with Retry-After, recorded in the security log as logout-token.throttled); accepted tokens do not count.',
      security: [],
      request: {
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: z.object({ logout_token: z.string().min(1).max(16_384).openapi({ description: 'The logout token (a signed JWT)' }) }),
            },
          },
        },
      },
      responses: {
        200: { description: 'The token was valid; the sessions it names have ended (there may have been none)' },
        ...problems(400, 404),
        429: {
          ...problems(429)[429],
          description: 'Too many refused logout tokens from this address: no more are checked before Retry-After seconds',
          headers: { ...problems(429)[429].headers, 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        },
        502: { ...problems(400)[400], description: 'The provider’s keys could not be fetched to check the token' },
      },
    }),
    async (c) => {
      const kit = c.get('kit')
      const oidc = kit.signIn.oidc
      if (!oidc) throw oidcOff()
      const { logout_token: token } = c.req.valid('form')
      const now = kit.clock.now()
      let config: client.Configuration
      try {
        config = await providerFor(oidc)((now.getTime() - Date.now()) / 1000)
      } catch (error) {
        kit.logError(error, c)
        throw providerUnavailable()
      }
      const metadata = config.serverMetadata()
      if (!metadata.jwks_uri) {
        kit.logError(new Error('The identity provider’s metadata has no jwks_uri: logout tokens cannot be checked'), c)
        throw providerUnavailable()
      }
      let claims: LogoutClaims
      try {
        claims = await verifyLogoutToken(token, oidc, { issuer: metadata.issuer, jwksUri: metadata.jwks_uri }, now)
      } catch (error) {
        if (error instanceof LogoutTokenRefused) return refuse(c, error)
        kit.logError(error, c)
        throw providerUnavailable()
      }
      const ended = await runKit(c, endProviderSessions(claims))
      if (ended === 'replayed') return refuse(c, new LogoutTokenRefused('replayed'))
      for (const user of ended) await logEnded(c, user)
      return c.body(null, 200)
    },
  )
}
