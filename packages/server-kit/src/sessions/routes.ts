import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { DEFAULT_AUTH_POLICY, login, logout } from '../auth.js'
import { NotFound } from '../errors.js'
import type { KitEnv } from '../http.js'
import { passwordLoginOff } from '../oidc/problems.js'
import { providerSignOutUrl } from '../oidc/sign-out.js'
import { clientInfo } from './client.js'
import { clearSessionCookie, heldSessionToken, setSessionCookie } from './cookie.js'
import { endSession, listSessions } from './store.js'

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(['officer', 'approver', 'admin', 'auditor'])),
    district: z.string().nullable(),
  })
  .openapi('User')
const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() }).openapi('Session')
export const sessionInfoSchema = z
  .object({
    id: z.string().openapi({ description: 'The session’s public id (never its token)' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastSeenAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().openapi({ format: 'date-time', description: 'The absolute end; the idle timeout may end it sooner' }),
    address: z.string().nullable().openapi({ description: 'The address the login came from' }),
    userAgent: z.string().nullable().openapi({ description: 'The browser the login came from' }),
    current: z.boolean().openapi({ description: 'The session this request was made with' }),
  })
  .openapi('SessionInfo')

/**
 * What the kit's route modules take from `http.ts`, handed in by `createApi` (which
 * registers them), so that no module imports the other back.
 */
export type KitRouteHelpers = Pick<typeof import('../http.js'), 'problems' | 'requireUser' | 'runKit' | 'SESSION' | 'SESSION_AND_CSRF'>

/** The session routes: log in and out, the current session, and one's own sessions (an admin's are in `accounts/routes.ts`). */
export function registerSessionRoutes(app: OpenAPIHono<KitEnv>, helpers: KitRouteHelpers): void {
  const { problems, requireUser, runKit, SESSION, SESSION_AND_CSRF } = helpers
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags: ['session'],
      operationId: 'logIn',
      summary: 'Log in',
      description:
        'Checks the user name and password and starts a new session (a new token every time): sets the HttpOnly session cookie and answers with the user and the CSRF token that every later unsafe request must send in X-CSRF-Token. Attempts are throttled per user name and address and per address: after a few failures each further attempt must wait longer (429 with Retry-After); the same user from another address is not slowed. 403 when password login is turned off (VBE_PASSWORD_LOGIN=0).',
      security: [],
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict(),
            },
          },
        },
      },
      responses: {
        200: { description: 'Logged in; sets the session cookie', content: { 'application/json': { schema: sessionSchema } } },
        ...problems(400, 401, 403, 429),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json')
      const kit = c.get('kit')
      if (!kit.signIn.passwordLogin) throw passwordLoginOff()
      const origin = {
        address: clientInfo(c, kit.trustedProxies).address,
        userAgent: c.req.header('user-agent') ?? null,
        previousToken: heldSessionToken(c),
      }
      const result = await runKit(c, login(username, password, origin, kit.authPolicy))
      setSessionCookie(c, result)
      return c.json({ user: { ...result.user, roles: [...result.user.roles] }, csrfToken: result.csrfToken }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags: ['session'],
      operationId: 'getSession',
      summary: 'The current session and its CSRF token',
      description: 'The logged-in user (roles and district) and the session’s CSRF token, for a page that was reloaded.',
      security: SESSION,
      responses: { 200: { description: 'Logged in', content: { 'application/json': { schema: sessionSchema } } }, ...problems(401) },
    }),
    (c) => {
      const user = requireUser(c)
      return c.json({ user: { ...user, roles: [...user.roles] }, csrfToken: c.get('session')!.csrfToken }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags: ['session'],
      operationId: 'logOut',
      summary: 'Log out',
      description:
        'Ends the session on the server and clears the cookie. A user who signed in with the city’s account gets 200 with `endSessionUrl`: the browser goes there to end the session at the identity provider too, which sends it back to the app.',
      security: SESSION_AND_CSRF,
      responses: {
        200: {
          description: 'Logged out here; end the session at the identity provider too',
          content: { 'application/json': { schema: z.object({ endSessionUrl: z.string().url() }).openapi('ProviderSignOut') } },
        },
        204: { description: 'Logged out' },
        ...problems(401, 403),
      },
    }),
    async (c) => {
      const user = requireUser(c)
      await runKit(c, logout(c.get('session')!))
      clearSessionCookie(c)
      const endSessionUrl = await providerSignOutUrl(c, user)
      return endSessionUrl ? c.json({ endSessionUrl }, 200) : c.body(null, 204)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sessions',
      tags: ['session'],
      operationId: 'listMySessions',
      summary: 'My sessions',
      description: 'The logged-in user’s live sessions, newest first: when each started and was last used, and from where.',
      security: SESSION,
      responses: {
        200: { description: 'Sessions', content: { 'application/json': { schema: z.object({ sessions: z.array(sessionInfoSchema) }) } } },
        ...problems(401),
      },
    }),
    async (c) => {
      const user = requireUser(c)
      return c.json(
        {
          sessions: await runKit(
            c,
            listSessions(user.id, c.get('session')!.sessionId, c.get('kit').authPolicy.idleMs ?? DEFAULT_AUTH_POLICY.idleMs),
          ),
        },
        200,
      )
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/sessions/{id}',
      tags: ['session'],
      operationId: 'endMySession',
      summary: 'End one of my sessions',
      description: 'Ends one of the logged-in user’s sessions, for example on a computer left logged in. Ending the current one logs out.',
      security: SESSION_AND_CSRF,
      request: {
        params: z.object({
          id: z
            .string()
            .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
            .openapi({ description: 'A session id from GET /api/sessions' }),
        }),
      },
      responses: { 204: { description: 'Ended' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const user = requireUser(c)
      const id = c.req.valid('param').id
      const ended = await runKit(c, endSession(user.id, id, user.username))
      if (!ended) await runKit(c, Effect.fail(new NotFound({ entity: { sv: 'Sessionen', en: 'Session' }, id })))
      return c.body(null, 204)
    },
  )
}
