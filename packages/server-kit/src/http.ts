import { OpenAPIHono } from '@hono/zod-openapi'
import { Context as EffectContext, Effect, Either } from 'effect'
import type { Context } from 'hono'
import { fieldProblems, type LocalizedText } from '@vbe/core'
import { DEFAULT_AUTH_POLICY, sessionFor, type ActiveSession, type AuthPolicy } from './auth.js'
import type { AnyTables, Database } from './db.js'
import { ProblemResponse, toProblemTexts, Unauthenticated, type AppError } from './errors.js'
import { problemText } from './messages.js'
import { hasRole, roleRefusal } from './access/policy.js'
import {
  bodyLimit,
  INVALID_BODY,
  invalidProblem,
  jsonBody,
  noStore,
  problemErrorHandler,
  problemNotFound,
  safeParameters,
  securityHeaders,
  session,
  INSECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  type BodyLimits,
} from './middleware/index.js'
import { problems, SESSION, SESSION_AND_CSRF } from './openapi-schemas.js'
import { registerSessionRoutes } from './sessions/routes.js'
import { registerAccountRoutes } from './accounts/routes.js'
import { registerSecurityLogRoutes } from './security-log/routes.js'
import { logRefusals } from './security-log/request.js'
import { SecurityLogOutput, securityLogStderrFromEnv } from './security-log/index.js'
import { checkTrustedProxies } from './sessions/client.js'
import { signInSettingsFromEnv, type SignInSettings } from './oidc/config.js'
import { Clock, CurrentUser, Db, type Role, type SessionUser } from './services.js'

export { CSRF_HEADER, SESSION_COOKIE } from './middleware/session/index.js'

export interface KitOptions {
  readonly database: Database
  readonly clock?: { readonly now: () => Date }
  readonly authPolicy?: AuthPolicy
  /**
   * Mark the session cookie Secure and name it `__Host-vbe_session`. Default true; false
   * only for development over plain http (`VBE_INSECURE_COOKIES=1`), and even then a
   * request that came over https gets a Secure cookie.
   */
  readonly secureCookies?: boolean
  /**
   * Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses and CIDR
   * ranges, IPv4 and IPv6 (`10.0.0.5`, `10.0.0.0/8`, `fd00::/8`). Default none.
   */
  readonly trustedProxies?: readonly string[]
  /** Log unexpected errors. Default: console.error. */
  readonly logError?: (error: unknown, c: Context) => void
  /**
   * How staff sign in (password, OpenID Connect; the OIDC routes come with `registerSignIn`).
   * Default: from the environment (`signInSettingsFromEnv`, checked against `districts`);
   * `main()` reads them once at start and passes them here through `KitSettings`.
   */
  readonly signIn?: SignInSettings
  /** The district ids the app's installed plugins serve: the OIDC district mappings must name one of them. */
  readonly districts?: readonly string[]
  /** Security events also as JSON lines on stderr. Default: `VBE_SECURITY_LOG_STDERR` (on unless 0). */
  readonly securityLogStderr?: boolean
  /** Request body limits: 1 MB by default, more only on the paths named (imports). */
  readonly bodyLimits?: BodyLimits
}

/**
 * The kit's part of an app's options (`createGrantApp`, `createPlanApp`): the database, and the
 * settings `main()` reads from the environment once (`KitSettings`) or a test sets. An app's
 * options extend it with the app's own; `kitOptionsOf(options)` hands the kit's part to `createApi`.
 */
export interface AppKitOptions<DB = AnyTables> extends Omit<KitOptions, 'database' | 'districts' | 'bodyLimits'> {
  readonly database: Database<DB>
}

/** The kit's options out of an app's options, for `createApi` (the app adds `districts` and `bodyLimits`). */
export function kitOptionsOf(options: AppKitOptions): Omit<KitOptions, 'districts' | 'bodyLimits'> {
  return {
    database: options.database,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logError ? { logError: options.logError } : {}),
    ...(options.authPolicy ? { authPolicy: options.authPolicy } : {}),
    ...(options.secureCookies === undefined ? {} : { secureCookies: options.secureCookies }),
    ...(options.trustedProxies ? { trustedProxies: options.trustedProxies } : {}),
    ...(options.signIn ? { signIn: options.signIn } : {}),
    ...(options.securityLogStderr === undefined ? {} : { securityLogStderr: options.securityLogStderr }),
  }
}

export type KitEnv = {
  Variables: {
    session: ActiveSession | null
    kit: Required<Omit<KitOptions, 'bodyLimits' | 'districts'>>
  }
}

export { problemResponse, requestLanguage } from './middleware/problems/index.js'
export { REQUEST_INVALID } from './middleware/index.js'
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
    secureCookies: options.secureCookies ?? true,
    trustedProxies: options.trustedProxies ?? [],
    logError: options.logError ?? ((error: unknown) => console.error(error)),
    signIn: options.signIn ?? signInSettingsFromEnv(process.env, options.districts),
    securityLogStderr: options.securityLogStderr ?? securityLogStderrFromEnv(process.env),
  }
  // A wrong entry fails here, at start, not at the first request.
  checkTrustedProxies(kit.trustedProxies)
  const app = new OpenAPIHono<KitEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : `${result.target}.`
        const target = TARGETS[result.target] ?? { sv: result.target, en: result.target }
        throw new ProblemResponse(
          invalidProblem(
            result.target === 'json'
              ? INVALID_BODY
              : { sv: `Begäran innehåller fel i ${target.sv}.`, en: `The request ${target.en} is invalid.` },
            // Core's field problems: one per field, an unknown field at its own path ("evidence[0].colour":
            // "okänt fält"), so a message never names a key or a path; the path says which field it is.
            fieldProblems(result.error).map((p) => ({
              path: p.path === '(root)' ? (result.target === 'json' ? '(body)' : result.target) : where + p.path,
              message: problemText(p),
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
  app.use('/api/*', logRefusals())
  // Before anything reads the body or looks up a session: no-store on every API answer
  // (errors too), the body's size while it streams in, NUL or out-of-range parameters, the JSON's depth.
  app.use('/api/*', noStore())
  app.use('/api/*', bodyLimit(options.bodyLimits))
  app.use('/api/*', safeParameters())
  app.use('/api/*', jsonBody())
  app.use(
    '/api/*',
    session(
      (c, token) => runKit(c, sessionFor(token, kit.authPolicy.idleMs ?? DEFAULT_AUTH_POLICY.idleMs)),
      kit.secureCookies ? [SESSION_COOKIE] : [SESSION_COOKIE, INSECURE_SESSION_COOKIE],
    ),
  )

  app.onError(problemErrorHandler(kit.logError))
  app.notFound(problemNotFound)

  const helpers = { problems, requireUser, runKit, SESSION, SESSION_AND_CSRF }
  registerSessionRoutes(app, helpers)
  registerAccountRoutes(app, helpers)
  registerSecurityLogRoutes(app, helpers)
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
  const ctx = EffectContext.make(Db, { kysely: kit.database.kysely, bulkInsert: kit.database.bulkInsert, audit: kit.database.audit }).pipe(
    EffectContext.add(Clock, kit.clock),
    EffectContext.add(SecurityLogOutput, { stderr: kit.securityLogStderr }),
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
