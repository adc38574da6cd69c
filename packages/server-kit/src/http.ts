import { getConnInfo } from '@hono/node-server/conninfo'
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { Context as EffectContext, Effect, Either } from 'effect'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { formatPath, type LocalizedText } from '@vbe/core'
import { DEFAULT_AUTH_POLICY, login, logout, sessionFor, type ActiveSession, type AuthPolicy } from './auth.js'
import type { Database } from './db.js'
import { ProblemResponse, toProblemTexts, Unauthenticated, type AppError } from './errors.js'
import { issueText } from './messages.js'
import { hasRole, roleRefusal } from './access/policy.js'
import {
  bodyLimit,
  invalidProblem,
  jsonBody,
  noStore,
  problemErrorHandler,
  problemNotFound,
  safeParameters,
  securityHeaders,
  session,
  SESSION_COOKIE,
  type BodyLimits,
} from './middleware/index.js'
import { problems, SESSION, SESSION_AND_CSRF } from './openapi-schemas.js'
import { Clock, CurrentUser, Db, type Role, type SessionUser } from './services.js'

export { CSRF_HEADER, SESSION_COOKIE } from './middleware/session/index.js'

export interface KitOptions {
  readonly database: Database
  readonly clock?: { readonly now: () => Date }
  readonly authPolicy?: AuthPolicy
  /** Mark cookies Secure. Default: true unless the request came over plain http on localhost. */
  readonly secureCookies?: boolean
  /** Log unexpected errors. Default: console.error. */
  readonly logError?: (error: unknown, c: Context) => void
  /** Request body limits: 1 MB by default, more only on the paths named (imports). */
  readonly bodyLimits?: BodyLimits
}

export type KitEnv = {
  Variables: {
    session: ActiveSession | null
    kit: Required<Omit<KitOptions, 'secureCookies' | 'bodyLimits'>> & { secureCookies: boolean | undefined }
  }
}

export { problemResponse, requestLanguage } from './middleware/problems/index.js'
export * from './openapi-schemas.js'
export * from './docs.js'

/** Where a failed validation looked, for the problem's detail. */
const TARGETS: Readonly<Record<string, LocalizedText>> = {
  query: { sv: 'frågeparametrarna (query)', en: 'query' },
  param: { sv: 'sökvägen (param)', en: 'param' },
  header: { sv: 'rubrikerna (header)', en: 'header' },
  cookie: { sv: 'kakorna (cookie)', en: 'cookie' },
  form: { sv: 'formuläret (form)', en: 'form' },
}

/**
 * An OpenAPIHono app with what every VBE API needs: problem+json for every error
 * (validation failures name each field), security headers, the session from its
 * cookie, CSRF checks on unsafe requests, and session routes.
 */
export function createApi(options: KitOptions): OpenAPIHono<KitEnv> {
  const kit = {
    database: options.database,
    clock: options.clock ?? { now: () => new Date() },
    authPolicy: options.authPolicy ?? DEFAULT_AUTH_POLICY,
    secureCookies: options.secureCookies,
    logError: options.logError ?? ((error: unknown) => console.error(error)),
  }
  const app = new OpenAPIHono<KitEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : `${result.target}.`
        const target = TARGETS[result.target] ?? { sv: result.target, en: result.target }
        throw new ProblemResponse(
          invalidProblem(
            result.target === 'json'
              ? { sv: 'Uppgifterna i begäran innehåller fel.', en: 'The request body is invalid.' }
              : { sv: `Begäran innehåller fel i ${target.sv}.`, en: `The request ${target.en} is invalid.` },
            result.error.issues.map((i) => ({
              path: i.path.length === 0 ? (result.target === 'json' ? '(body)' : result.target) : where + formatPath(i.path),
              message: issueText(i),
            })),
          ),
        )
      }
      return undefined
    },
  })

  app.use('*', async (c, next) => {
    c.set('kit', kit)
    await next()
  })
  app.use('*', securityHeaders())
  // Before anything reads the body or looks up a session: no-store on every API answer
  // (errors too), the body's size while it streams in, NUL or out-of-range parameters, the JSON's depth.
  app.use('/api/*', noStore())
  app.use('/api/*', bodyLimit(options.bodyLimits))
  app.use('/api/*', safeParameters())
  app.use('/api/*', jsonBody())
  app.use(
    '/api/*',
    session((c, token) => runKit(c, sessionFor(token))),
  )

  app.onError(problemErrorHandler(kit.logError))
  app.notFound(problemNotFound)

  registerSessionRoutes(app)
  return app
}

function failure(error: AppError, c: Context): ProblemResponse {
  if (error._tag === 'DatabaseError') c.get('kit').logError(error.cause, c)
  const { problem, headers } = toProblemTexts(error)
  return new ProblemResponse(problem, headers)
}

/** Runs an effect that needs only the database and clock. Typed failures become problem responses. */
export async function runKit<A>(c: Context<KitEnv>, effect: Effect.Effect<A, AppError, Db | Clock>): Promise<A> {
  const kit = c.get('kit')
  const ctx = EffectContext.make(Db, { kysely: kit.database.kysely, bulkInsert: kit.database.bulkInsert }).pipe(
    EffectContext.add(Clock, kit.clock),
  )
  const result = await Effect.runPromise(Effect.either(Effect.provide(effect, ctx)))
  if (Either.isLeft(result)) throw failure(result.left, c)
  return result.right
}

/** The logged-in user, or a 401. With `roles`, a 403 unless the user has one of them. */
export function requireUser(c: Context<KitEnv>, roles?: readonly Role[]): SessionUser {
  const session = c.get('session')
  if (!session) throw failure(new Unauthenticated({}), c)
  if (roles && !hasRole(session.user, roles)) throw failure(roleRefusal(session.user, roles), c)
  return session.user
}

/** Runs an effect as the logged-in user (401 when nobody is). */
export async function run<A>(
  c: Context<KitEnv>,
  effect: Effect.Effect<A, AppError, Db | Clock | CurrentUser>,
  roles?: readonly Role[],
): Promise<A> {
  const user = requireUser(c, roles)
  return runKit(c, Effect.provideService(effect, CurrentUser, user))
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

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

function registerSessionRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags: ['session'],
      operationId: 'logIn',
      summary: 'Log in',
      description:
        'Checks the user name and password and starts a session: sets the HttpOnly session cookie and answers with the user and the CSRF token that every later unsafe request must send in X-CSRF-Token. Repeated failures from one address or for one user are refused with 429 and Retry-After.',
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
        ...problems(400, 401, 429),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json')
      const kit = c.get('kit')
      const result = await runKit(c, login(username, password, clientAddress(c), kit.authPolicy))
      const secure =
        kit.secureCookies ??
        !(new URL(c.req.url).protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(new URL(c.req.url).hostname))
      // Max-Age, not Expires: the session's lifetime counts from the browser's own clock,
      // so a browser whose clock differs from the server's does not drop it at once.
      const maxAge = Math.max(0, Math.floor((result.expiresAt.getTime() - kit.clock.now().getTime()) / 1000))
      setCookie(c, SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge })
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
      description: 'Ends the session on the server and clears the cookie.',
      security: SESSION_AND_CSRF,
      responses: { 204: { description: 'Logged out' }, ...problems(401, 403) },
    }),
    async (c) => {
      requireUser(c)
      await runKit(c, logout(c.get('session')!))
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    },
  )
}
