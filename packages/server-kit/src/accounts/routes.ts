import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Effect } from 'effect'
import { scopeOf } from '../access/policy.js'
import { DEFAULT_AUTH_POLICY, setUserDisabled } from '../auth.js'
import { Conflict, NotFound } from '../errors.js'
import type { KitEnv } from '../http.js'
import { securityEvent } from '../security-log/request.js'
import type { SessionUser } from '../services.js'
import { sessionInfoSchema, type KitRouteHelpers } from '../sessions/routes.js'
import { endAllSessionsOf, endSession, listSessions } from '../sessions/store.js'
import { registerPasswordRoutes } from './password-routes.js'
import { accountInScope, listAccounts, type AccountRow } from './store.js'

const accountSchema = z
  .object({
    id: z.string().openapi({ description: 'The user’s id, for the other account operations (not for display)' }),
    displayName: z.string(),
    roles: z.array(z.enum(['officer', 'approver', 'admin', 'auditor'])),
    district: z.string().nullable().openapi({ description: 'The district id; null for a city-wide user' }),
    disabled: z.boolean(),
    signIn: z.enum(['password', 'oidc']).openapi({ description: 'A local password, or the city’s account (OpenID Connect) only' }),
    liveSessions: z.number().int(),
    lastSeenAt: z.string().nullable().openapi({ format: 'date-time', description: 'The last use of a live session; null when none' }),
    self: z.boolean().openapi({ description: 'The admin asking is this user' }),
  })
  .openapi('Account')

const userIdParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/)
  .openapi({ description: 'A user id from GET /api/users' })
const sessionIdParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .openapi({ description: 'A session id from GET /api/users/{userId}/sessions' })

const ADMIN_SCOPE = 'Admins; a district admin only for users of its own district (anyone else is 404, as an unknown id).'

/**
 * The account routes: one's own password (`/api/session/password`), and for admins the
 * users in their scope, a user's sessions, ending them, and disabling or enabling a user.
 */
export function registerAccountRoutes(app: OpenAPIHono<KitEnv>, helpers: KitRouteHelpers): void {
  registerPasswordRoutes(app, helpers)
  const { problems, requireUser, runKit, SESSION, SESSION_AND_CSRF } = helpers

  /** The user in the admin's scope, or a 404 (outside it a user is as unknown as a made-up id). */
  const target = async (c: Context<KitEnv>, admin: SessionUser, userId: string): Promise<AccountRow> => {
    const found = await runKit(c, accountInScope(userId, scopeOf(admin)))
    if (!found) return await runKit(c, Effect.fail(new NotFound({ entity: { sv: 'användaren', en: 'user' }, id: userId })))
    return found
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags: ['users'],
      operationId: 'listUsers',
      summary: 'The users in my scope',
      description: `Every user an admin may manage, by display name: roles, district, whether disabled, how they sign in, how many live sessions they have and when one was last used. Never a password hash. ${ADMIN_SCOPE}`,
      security: SESSION,
      responses: {
        200: { description: 'Users', content: { 'application/json': { schema: z.object({ users: z.array(accountSchema) }) } } },
        ...problems(401, 403),
      },
    }),
    async (c) => {
      const admin = requireUser(c, ['admin'])
      const idleMs = c.get('kit').authPolicy.idleMs ?? DEFAULT_AUTH_POLICY.idleMs!
      const users = await runKit(c, listAccounts(scopeOf(admin), admin.id, idleMs))
      return c.json({ users: users.map((u) => ({ ...u, roles: [...u.roles] })) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/{userId}/sessions',
      tags: ['users'],
      operationId: 'listUserSessions',
      summary: 'A user’s sessions',
      description: `A user’s live sessions, newest first: when each started and was last used, and from where. ${ADMIN_SCOPE}`,
      security: SESSION,
      request: { params: z.object({ userId: userIdParam }) },
      responses: {
        200: { description: 'Sessions', content: { 'application/json': { schema: z.object({ sessions: z.array(sessionInfoSchema) }) } } },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const admin = requireUser(c, ['admin'])
      const user = await target(c, admin, c.req.valid('param').userId)
      const idleMs = c.get('kit').authPolicy.idleMs ?? DEFAULT_AUTH_POLICY.idleMs!
      return c.json({ sessions: await runKit(c, listSessions(user.id, c.get('session')!.sessionId, idleMs)) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/users/{userId}/sessions/{sessionId}',
      tags: ['users'],
      operationId: 'endUserSession',
      summary: 'End one of a user’s sessions',
      description: `Ends one session of a user, for example one on a computer that was lost; their other sessions go on. ${ADMIN_SCOPE}`,
      security: SESSION_AND_CSRF,
      request: { params: z.object({ userId: userIdParam, sessionId: sessionIdParam }) },
      responses: { 204: { description: 'Ended' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const admin = requireUser(c, ['admin'])
      const { userId, sessionId } = c.req.valid('param')
      const user = await target(c, admin, userId)
      const ended = await runKit(c, endSession(user.id, sessionId, admin.username))
      if (!ended) return await runKit(c, Effect.fail(new NotFound({ entity: { sv: 'sessionen', en: 'session' }, id: sessionId })))
      await securityEvent(c, 'sessions.ended', { ended: 1, user: user.username })
      return c.body(null, 204)
    },
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/users/{userId}/sessions',
      tags: ['users'],
      operationId: 'endUserSessions',
      summary: 'End all of a user’s sessions',
      description: `Logs a user out everywhere, for example when a computer is lost. ${ADMIN_SCOPE}`,
      security: SESSION_AND_CSRF,
      request: { params: z.object({ userId: userIdParam }) },
      responses: {
        200: {
          description: 'How many sessions were ended',
          content: { 'application/json': { schema: z.object({ ended: z.number().int() }) } },
        },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const admin = requireUser(c, ['admin'])
      const user = await target(c, admin, c.req.valid('param').userId)
      const ended = await runKit(c, endAllSessionsOf(user.id, 'ended-by-admin', admin.username))
      await securityEvent(c, 'sessions.ended', { ended, user: user.username })
      return c.json({ ended }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/users/{userId}/disabled',
      tags: ['users'],
      operationId: 'setUserDisabled',
      summary: 'Disable or re-enable a user',
      description: `Disables a user (they can no longer sign in, and all their sessions end at once) or enables them again. An admin cannot disable themself (409). ${ADMIN_SCOPE}`,
      security: SESSION_AND_CSRF,
      request: {
        params: z.object({ userId: userIdParam }),
        body: { required: true, content: { 'application/json': { schema: z.object({ disabled: z.boolean() }).strict() } } },
      },
      responses: {
        200: {
          description: 'Done: whether the user is disabled now, and how many sessions ended',
          content: { 'application/json': { schema: z.object({ disabled: z.boolean(), sessionsEnded: z.number().int() }) } },
        },
        ...problems(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const admin = requireUser(c, ['admin'])
      const { disabled } = c.req.valid('json')
      const user = await target(c, admin, c.req.valid('param').userId)
      if (disabled && user.id === admin.id)
        return await runKit(
          c,
          Effect.fail(
            new Conflict({
              detail: {
                sv: 'Du kan inte stänga av ditt eget konto. Be en annan administratör om det behövs.',
                en: 'You cannot disable your own account. Ask another administrator if it is needed.',
              },
            }),
          ),
        )
      const idleMs = c.get('kit').authPolicy.idleMs ?? DEFAULT_AUTH_POLICY.idleMs!
      const live = disabled ? (await runKit(c, listSessions(user.id, null, idleMs))).length : 0
      await runKit(c, setUserDisabled(user.id, disabled, admin.username))
      if (disabled !== user.disabled)
        await securityEvent(c, disabled ? 'user.disabled' : 'user.enabled', { sessionsEnded: live, user: user.username })
      return c.json({ disabled, sessionsEnded: live }, 200)
    },
  )
}
