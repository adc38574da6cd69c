import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { OpenAPIHono, z } from '@hono/zod-openapi'
import { Context as EffectContext, Effect, Either } from 'effect'
import type { Context } from 'hono'
import { formatPath, type LocalizedText } from '@vbe/core'
import { DEFAULT_AUTH_POLICY, sessionFor, type ActiveSession, type AuthPolicy } from './auth.js'
import type { Database } from './db.js'
import { PROBLEM_TITLES, ProblemResponse, toProblemTexts, Unauthenticated, type AppError } from './errors.js'
import { issueText } from './messages.js'
import { hasRole, roleRefusal } from './access/policy.js'
import {
  invalidProblem,
  jsonBody,
  PROBLEM_TYPE,
  problemErrorHandler,
  problemNotFound,
  problemResponse,
  requestLanguage,
  securityHeaders,
  session,
  INSECURE_SESSION_COOKIE,
  SESSION_COOKIE,
} from './middleware/index.js'
import { registerSessionRoutes } from './sessions/routes.js'
import { registerSecurityLogRoutes } from './security-log/routes.js'
import { logRefusals } from './security-log/request.js'
import { Clock, CurrentUser, Db, type Role, type SessionUser } from './services.js'
import { signInSettingsFromEnv, type SignInSettings } from './oidc/config.js'
import { passwordLoginOff } from './oidc/problems.js'

export { CSRF_HEADER, SESSION_COOKIE } from './middleware/session/index.js'

/** An operation's OpenAPI `security`: the session cookie (reads). */
export const SESSION = [{ session: [] }]
/** An operation's OpenAPI `security`: the session cookie and its CSRF token (unsafe requests). */
export const SESSION_AND_CSRF = [{ session: [], csrf: [] }]
/** An operation's OpenAPI `security`: open to anyone. */
export const PUBLIC: [] = []

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
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (exact addresses). Default none. */
  readonly trustedProxies?: readonly string[]
  /** Log unexpected errors. Default: console.error. */
  readonly logError?: (error: unknown, c: Context) => void
  /**
   * How staff sign in (password, OpenID Connect; the OIDC routes come with `registerSignIn`).
   * Default: from the environment (`signInSettingsFromEnv`).
   */
  readonly signIn?: SignInSettings
}

export type KitEnv = {
  Variables: {
    session: ActiveSession | null
    kit: Required<KitOptions>
  }
}

export { problemResponse, requestLanguage } from './middleware/problems/index.js'

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
    signIn: options.signIn ?? signInSettingsFromEnv(),
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
  app.use('/api/*', logRefusals())
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

export const problemSchema = z
  .object({
    type: z.string().openapi({ description: 'A URI naming the kind of problem' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'What went wrong and what to do, in the language of Content-Language' }),
    errors: z
      .array(z.object({ path: z.string().openapi({ description: 'The field, like `application.board.electedOn`' }), message: z.string() }))
      .optional(),
    code: z.string().optional().openapi({ description: 'A stable code for a kind of refusal, like `csrf` or `role`' }),
    current: z.unknown().optional().openapi({ description: 'On a 409: the state the request conflicts with' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem: every error the API gives' })

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input: `errors` names each field and its problem',
  401: 'Not logged in',
  403: 'Not allowed for your role, district or declaration, or the X-CSRF-Token header is missing or wrong',
  404: 'Not found in your scope',
  409: 'Conflict with the current state',
  428: 'A precondition is missing',
  429: 'Too many attempts',
} as const
export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS

const problemHeaders = {
  'Content-Language': {
    description: 'The language of `title`, `detail` and `errors[].message`: `sv` or `en`, from Accept-Language (Swedish by default)',
    schema: { type: 'string' as const, enum: ['sv', 'en'] },
  },
}
interface ProblemDeclaration {
  readonly description: string
  readonly headers: typeof problemHeaders
  readonly content: { readonly 'application/problem+json': { readonly schema: typeof problemSchema } }
}

/** Problem responses for a route's OpenAPI declaration, typed by status. */
export function problems<const S extends readonly ProblemStatus[]>(...statuses: S): { [K in S[number]]: ProblemDeclaration } {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEM_DESCRIPTIONS[s], headers: problemHeaders, content: { [PROBLEM_TYPE]: { schema: problemSchema } } },
    ]),
  ) as { [K in S[number]]: ProblemDeclaration }
}


const require_ = createRequire(import.meta.url)
const SWAGGER_DIR = dirname(require_.resolve('swagger-ui-dist/package.json'))

export interface ApiDocsInfo {
  readonly title: string
  readonly version: string
  readonly description: string
  /** The app's tags, each with what its operations are about (the kit adds `session`). */
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description: string }>
}

/**
 * Serves the OpenAPI 3.1 document at `/api/openapi.json` and interactive docs at
 * `/api/docs` (Swagger UI from swagger-ui-dist, served locally: no CDN). The document
 * declares the session cookie and the CSRF header as security schemes, the licence, the
 * tags, and the server it was fetched from.
 */
export function registerDocs(app: OpenAPIHono<KitEnv>, info: ApiDocsInfo): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session cookie that POST /api/session sets (HttpOnly, SameSite=Strict, Secure; named vbe_session without the __Host- prefix only in plain-http development).',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The session’s CSRF token (from POST or GET /api/session), required on every unsafe request made with the session cookie.',
  })
  const tags = [
    { name: 'session', description: 'Logging in and out, the current session with its CSRF token, and ending sessions' },
    { name: 'security', description: 'The security log: failed logins, refusals, person searches and audit reads' },
    ...info.tags,
  ]
  app.doc31('/api/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: info.description,
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: 'VBE toolkit maintainers, City of Stockholm' },
    },
    servers: [{ url: new URL(c.req.url).origin, description: 'The server this document was fetched from' }],
    tags: tags.map((t) => ({ name: t.name, description: t.description })),
  }))
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css',
    'swagger-ui-bundle.js': 'text/javascript',
    'docs-init.js': 'text/javascript',
  }
  app.get('/api/docs/:asset', async (c) => {
    const asset = c.req.param('asset')
    const type = assets[asset]
    if (!type)
      return problemResponse(
        {
          type: 'about:blank',
          title: PROBLEM_TITLES.notFound,
          status: 404,
          detail: { sv: `Dokumentationen har ingen fil ${asset}.`, en: `No docs asset ${asset}.` },
        },
        requestLanguage(c),
      )
    const body =
      asset === 'docs-init.js'
        ? "window.addEventListener('load',function(){window.ui=SwaggerUIBundle({url:'/api/openapi.json',dom_id:'#docs'})})"
        : await readFile(join(SWAGGER_DIR, asset))
    return c.body(body as string, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' })
  })
  app.get('/api/docs', (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${info.title} — API docs</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><main id="docs"><h1>${info.title} API</h1><p>Loading the interactive docs… The OpenAPI document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/docs-init.js"></script></body></html>`,
    ),
  )
}
