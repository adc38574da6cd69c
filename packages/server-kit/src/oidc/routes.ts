import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import * as client from 'openid-client'
import { problems, runKit, type KitEnv } from '../http.js'
import { requestLanguage } from '../middleware/problems/index.js'
import type { KitTables } from '../schema.js'
import { query } from '../services.js'
import { mapClaims } from './claims.js'
import { userForIdentity } from './identities.js'
import { noAccessPage, signInFailedPage, type SignInFailure } from './pages.js'
import { oidcOff } from './problems.js'
import { sessionCookieFor, setSessionCookie } from '../sessions/cookie.js'
import { registerBackChannelLogout } from './back-channel.js'
import { providerFor } from './provider.js'
import { startSession } from './session.js'
import { refundSignIn, throttleSignIn } from './throttle.js'

/** The browser's one-time cookie for a sign-in on its way through the provider. */
export const OIDC_LOGIN_COOKIE = 'vbe_oidc'
export const OIDC_CALLBACK_PATH = '/api/oidc/callback'
/** How long a user has at the provider before the sign-in must be started again. */
const PENDING_MS = 10 * 60_000

const hashOf = (value: string) => createHash('sha256').update(value).digest('hex')
const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const html = (c: Context, body: string, status: 200 | 400 | 403 | 502) =>
  c.body(body, status, { 'content-type': 'text/html; charset=utf-8', 'content-language': requestLanguage(c), vary: 'Accept-Language' })

function failureOf(error: unknown): SignInFailure {
  if (error instanceof client.AuthorizationResponseError) return 'provider'
  if (error instanceof client.ResponseBodyError) return 'token'
  if (error instanceof client.ClientError && String(error.code).startsWith('OAUTH_')) return 'token'
  return 'unavailable'
}

/**
 * How staff sign in, the same in every app (each app's server calls it once, after
 * `createApi`, whose `signIn` settings it follows): `GET /api/sign-in` says which ways are
 * on; with OpenID Connect configured, `GET /api/oidc/login` sends the browser to the
 * provider (authorization code flow with PKCE, state and nonce) and `GET /api/oidc/callback`
 * checks the answer, maps the claims to roles and district, and starts the same session a
 * password login does; `POST /api/oidc/backchannel-logout` takes the provider's logout
 * tokens (`back-channel.ts`). Without it, these answer 404.
 */
export function registerSignIn(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sign-in',
      tags: ['session'],
      operationId: 'getSignInMethods',
      summary: 'The ways to sign in',
      description: 'Whether a password login (POST /api/session) and sign-in with the city’s account (GET /api/oidc/login) are on.',
      security: [],
      responses: {
        200: {
          description: 'The ways to sign in',
          content: {
            'application/json': {
              schema: z
                .object({
                  password: z.boolean().openapi({ description: 'POST /api/session takes a username and password' }),
                  oidc: z.boolean().openapi({ description: 'GET /api/oidc/login signs in with the city’s account' }),
                })
                .openapi('SignInMethods'),
            },
          },
        },
      },
    }),
    (c) => {
      const { passwordLogin, oidc } = c.get('kit').signIn
      return c.json({ password: passwordLogin, oidc: oidc !== null }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oidc/login',
      tags: ['session'],
      operationId: 'startOidcSignIn',
      summary: 'Sign in with the city’s account',
      description:
        'Sends the browser to the city’s identity provider (OpenID Connect authorization code flow with PKCE, state and nonce) and sets a one-time HttpOnly cookie for the sign-in. Throttled per client address like the password login: sign-ins that are started and not finished count, and past a few each must wait longer (429 with Retry-After). 404 when it is not set up.',
      security: [],
      responses: {
        302: { description: 'To the identity provider', headers: z.object({ Location: z.string() }) },
        502: {
          description: 'The identity provider could not be reached (a page for the browser)',
          content: { 'text/html': { schema: z.string() } },
        },
        ...problems(404, 429),
      },
    }),
    async (c) => {
      const kit = c.get('kit')
      const oidc = kit.signIn.oidc
      if (!oidc) throw oidcOff()
      await throttleSignIn(c, 'login')
      const configuration = providerFor(oidc)
      const now = kit.clock.now()
      let config: client.Configuration
      try {
        config = await configuration((now.getTime() - Date.now()) / 1000)
      } catch (error) {
        kit.logError(error, c)
        return html(c, signInFailedPage(requestLanguage(c), 'unavailable'), 502)
      }
      const id = randomBytes(32).toString('base64url')
      const state = client.randomState()
      const nonce = client.randomNonce()
      const verifier = client.randomPKCECodeVerifier()
      await runKit(
        c,
        query('oidc.pending', async (db: Kysely<KitTables>) => {
          await db.deleteFrom('vbe_oidc_logins').where('expires_at', '<', now).execute()
          await db
            .insertInto('vbe_oidc_logins')
            .values({ id: hashOf(id), state, nonce, code_verifier: verifier, expires_at: new Date(now.getTime() + PENDING_MS) })
            .execute()
        }),
      )
      // Lax, not Strict: the browser comes back from the provider's site, and must send it then.
      setCookie(c, OIDC_LOGIN_COOKIE, id, {
        httpOnly: true,
        sameSite: 'Lax',
        path: OIDC_CALLBACK_PATH,
        secure: sessionCookieFor(c).secure,
        maxAge: PENDING_MS / 1000,
      })
      const target = client.buildAuthorizationUrl(config, {
        redirect_uri: new URL(OIDC_CALLBACK_PATH, oidc.redirectBaseUrl).href,
        scope: oidc.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      })
      return c.redirect(target.href, 302)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: OIDC_CALLBACK_PATH,
      tags: ['session'],
      operationId: 'finishOidcSignIn',
      summary: 'Where the identity provider sends the browser back',
      description:
        'Checks the one-time cookie, the state, the code (with the PKCE verifier) and the ID token (signature, issuer, audience, nonce, expiry); maps the groups to roles and district; and starts a session like POST /api/session. The answers are pages for the browser, in the language of Accept-Language: a user without a mapped role gets a "no access" page (403) and no session; so does a district claim naming a district no installed plugin serves. Throttled per client address with the login (429 with Retry-After).',
      security: [],
      request: {
        query: z.object({
          code: z.string().max(4096).optional(),
          state: z.string().max(1024).optional(),
          iss: z.string().max(2048).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(2000).optional(),
        }),
      },
      responses: {
        303: { description: 'Signed in: sets the session cookie and goes to the app', headers: z.object({ Location: z.string() }) },
        400: {
          description: 'The sign-in failed (expired, wrong state, a used or expired code or token)',
          content: { 'text/html': { schema: z.string() } },
        },
        403: {
          description: 'No access: no mapped role, or the user is disabled; no session',
          content: { 'text/html': { schema: z.string() } },
        },
        502: { description: 'The identity provider could not be reached', content: { 'text/html': { schema: z.string() } } },
        ...problems(404, 429),
      },
    }),
    async (c) => {
      const kit = c.get('kit')
      const oidc = kit.signIn.oidc
      if (!oidc) throw oidcOff()
      await throttleSignIn(c, 'callback')
      const configuration = providerFor(oidc)
      const lang = requestLanguage(c)
      const now = kit.clock.now()
      const cookie = getCookie(c, OIDC_LOGIN_COOKIE)
      deleteCookie(c, OIDC_LOGIN_COOKIE, { path: OIDC_CALLBACK_PATH, secure: sessionCookieFor(c).secure })
      // The pending sign-in is used once: taken out of the table whatever happens next.
      const pending = cookie
        ? await runKit(
            c,
            query('oidc.take', (db: Kysely<KitTables>) =>
              db.deleteFrom('vbe_oidc_logins').where('id', '=', hashOf(cookie)).returningAll().executeTakeFirst(),
            ),
          )
        : undefined
      if (!pending || new Date(pending.expires_at).getTime() <= now.getTime()) return html(c, signInFailedPage(lang, 'expired'), 400)
      const sent = c.req.valid('query')
      if (sent.error) return html(c, signInFailedPage(lang, 'provider'), 400)
      if (!sent.state || !sameText(sent.state, pending.state)) return html(c, signInFailedPage(lang, 'state'), 400)

      let claims: Record<string, unknown>
      // The provider's session id, from the ID token only: a back-channel logout names it.
      let sid: string | null = null
      try {
        const config = await configuration((now.getTime() - Date.now()) / 1000)
        const here = new URL(OIDC_CALLBACK_PATH, oidc.redirectBaseUrl)
        here.search = new URL(c.req.url).search
        const tokens = await client.authorizationCodeGrant(config, here, {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        })
        const idClaims = tokens.claims()
        if (!idClaims) return html(c, signInFailedPage(lang, 'token'), 400)
        claims = { ...idClaims }
        sid = typeof idClaims['sid'] === 'string' ? idClaims['sid'] : null
        // Groups are often only in the user info; the ID token's claims win where both have one.
        if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
          const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)
          claims = { ...info, ...idClaims }
        }
      } catch (error) {
        const failure = failureOf(error)
        // A used or expired code is the user's or an attacker's doing; anything else the provider
        // refuses (a wrong client secret, say) or an unreachable provider is for the operators.
        if (failure === 'unavailable' || (error instanceof client.ResponseBodyError && error.error !== 'invalid_grant'))
          kit.logError(error, c)
        return html(c, signInFailedPage(lang, failure), failure === 'unavailable' ? 502 : 400)
      }

      const mapped = mapClaims(claims, oidc)
      if (mapped.kind === 'no-access') return html(c, noAccessPage(lang, mapped.reason), 403)
      const user = await runKit(
        c,
        userForIdentity({
          issuer: String(claims['iss']),
          subject: String(claims['sub']),
          displayName: mapped.displayName,
          roles: mapped.roles,
          district: mapped.district,
        }),
      )
      if (!user) return html(c, signInFailedPage(lang, 'disabled'), 403)
      const session = await runKit(c, startSession(c, user, kit.authPolicy, { issuer: String(claims['iss']), sid }))
      setSessionCookie(c, session)
      await refundSignIn(c)
      return c.redirect('/', 303)
    },
  )

  registerBackChannelLogout(app)
}
