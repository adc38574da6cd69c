import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { changePassword, checkPassword } from '../auth.js'
import { Forbidden, invalid, type FieldProblemText } from '../errors.js'
import type { KitEnv } from '../http.js'
import { securityEvent } from '../security-log/request.js'
import { transaction } from '../services.js'
import { clientInfo } from '../sessions/client.js'
import { setSessionCookie } from '../sessions/cookie.js'
import type { KitRouteHelpers } from '../sessions/routes.js'
import { createSession } from '../sessions/store.js'
import { newPasswordProblems, PASSWORD_POLICY } from './policy.js'
import { accountInScope } from './store.js'

const passwordPolicySchema = z
  .object({
    allowed: z.boolean().openapi({
      description:
        'Whether you may change your password here (false: password sign-in is off, or you sign in with the city’s account only)',
    }),
    minLength: z.number().int().openapi({ description: 'The fewest characters a new password may have' }),
    maxLength: z.number().int().openapi({ description: 'The most characters a new password may have' }),
  })
  .openapi('PasswordPolicy')

const passwordChangedSchema = z
  .object({
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(['officer', 'approver', 'admin', 'auditor'])),
      district: z.string().nullable(),
    }),
    csrfToken: z.string().openapi({ description: 'The new session’s CSRF token' }),
    sessionsEnded: z.number().int().openapi({ description: 'How many of your other sessions ended' }),
  })
  .openapi('PasswordChanged')

/** Why this user may not change a password here, or null when they may. */
function refusal(passwordLogin: boolean, oidcOnly: boolean): Forbidden | null {
  if (!passwordLogin)
    return new Forbidden({
      code: 'password-login-off',
      detail: {
        sv: 'Inloggning med lösenord är avstängd här, så det finns inget lösenord att byta. Ditt lösenord hanteras i stadens konto.',
        en: 'Sign-in with a password is turned off here, so there is no password to change. Your password is managed in the city’s account.',
      },
    })
  if (oidcOnly)
    return new Forbidden({
      code: 'password-not-local',
      detail: {
        sv: 'Du loggar in med stadens konto och har inget eget lösenord här. Byt lösenordet i stadens konto.',
        en: 'You sign in with the city’s account and have no password of your own here. Change the password in the city’s account.',
      },
    })
  return null
}

/** `GET` and `PUT /api/session/password`: the policy, and changing one's own password. */
export function registerPasswordRoutes(app: OpenAPIHono<KitEnv>, helpers: KitRouteHelpers): void {
  const { problems, requireUser, runKit, SESSION, SESSION_AND_CSRF } = helpers
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session/password',
      tags: ['session'],
      operationId: 'getPasswordPolicy',
      summary: 'Whether I may change my password, and the rules for a new one',
      description:
        'Whether the logged-in user has a password of their own here to change (not when password sign-in is off, nor for a user who signs in with the city’s account only), and the length a new one must have.',
      security: SESSION,
      responses: {
        200: { description: 'The policy', content: { 'application/json': { schema: passwordPolicySchema } } },
        ...problems(401),
      },
    }),
    async (c) => {
      const user = requireUser(c)
      const account = await runKit(c, accountInScope(user.id, null))
      const allowed = refusal(c.get('kit').signIn.passwordLogin, account?.oidcOnly ?? true) === null
      return c.json({ allowed, ...PASSWORD_POLICY }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/session/password',
      tags: ['session'],
      operationId: 'changeMyPassword',
      summary: 'Change my password',
      description: `Changes the logged-in user’s password. The current password is checked through the login throttle (429 with Retry-After after a few wrong ones). A new password needs ${PASSWORD_POLICY.minLength} to ${PASSWORD_POLICY.maxLength} characters and may not be the username, a common password or the current one; each problem names \`newPassword\` (a wrong current password names \`currentPassword\`). Every session of the user ends, and this one is replaced by a new one: a new session cookie and CSRF token in the answer. 403 when password sign-in is off or the user signs in with the city’s account only.`,
      security: SESSION_AND_CSRF,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  currentPassword: z.string().min(1).max(1000),
                  newPassword: z.string().max(1000),
                })
                .strict(),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Changed; sets a new session cookie',
          content: { 'application/json': { schema: passwordChangedSchema } },
        },
        ...problems(400, 401, 403, 429),
      },
    }),
    async (c) => {
      const user = requireUser(c)
      const { currentPassword, newPassword } = c.req.valid('json')
      const kit = c.get('kit')
      const account = await runKit(c, accountInScope(user.id, null))
      const refused = refusal(kit.signIn.passwordLogin, account?.oidcOnly ?? true)
      if (refused) return await runKit(c, Effect.fail(refused))
      const address = clientInfo(c, kit.trustedProxies).address
      const policyProblems = newPasswordProblems(newPassword, user, currentPassword)
      const checked = await runKit(c, checkPassword(user.username, currentPassword, address, kit.authPolicy, 'password.failed'))
      const problems: FieldProblemText[] = [
        ...(checked
          ? []
          : [
              {
                path: 'currentPassword',
                message: { sv: 'Det nuvarande lösenordet stämmer inte.', en: 'The current password is not right.' },
              },
            ]),
        ...policyProblems,
      ]
      if (problems.length > 0)
        return await runKit(
          c,
          Effect.fail(
            invalid(
              {
                sv: 'Det nuvarande eller det nya lösenordet duger inte. Rätta det som står vid fälten.',
                en: 'The current or the new password will not do. Correct what the fields say.',
              },
              problems,
            ),
          ),
        )
      const result = await runKit(
        c,
        transaction(
          Effect.gen(function* () {
            const ended = yield* changePassword(user.id, newPassword, user.username)
            const created = yield* createSession({
              user,
              now: kit.clock.now(),
              absoluteMs: kit.authPolicy.sessionMs,
              address,
              userAgent: c.req.header('user-agent') ?? null,
              previousToken: null,
            })
            // The session this request came with is among those ended: the others are the rest.
            return { ...created, sessionsEnded: Math.max(0, ended - 1) }
          }),
        ),
      )
      setSessionCookie(c, result)
      await securityEvent(c, 'password.changed', { sessionsEnded: result.sessionsEnded })
      return c.json({ user: { ...user, roles: [...user.roles] }, csrfToken: result.csrfToken, sessionsEnded: result.sessionsEnded }, 200)
    },
  )
}
