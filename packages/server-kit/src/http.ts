import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getConnInfo } from '@hono/node-server/conninfo'
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { Context as EffectContext, Effect, Either } from 'effect'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { formatPath, type LocalizedText } from '@vbe/core'
import { DEFAULT_AUTH_POLICY, login, logout, sessionFor, type ActiveSession, type AuthPolicy } from './auth.js'
import { verificationIn, type AuditProblemCode, type AuditVerification } from './audit.js'
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
  SESSION_COOKIE,
} from './middleware/index.js'
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
  /** Mark cookies Secure. Default: true unless the request came over plain http on localhost. */
  readonly secureCookies?: boolean
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
    kit: Required<Omit<KitOptions, 'secureCookies'>> & { secureCookies: boolean | undefined }
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
    secureCookies: options.secureCookies,
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

/** The answer of `GET /api/audit/verify`, as both apps declare it. */
export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().openapi({ description: 'Events checked' }),
    head: z
      .object({ seq: z.number().int(), hash: z.string() })
      .nullable()
      .openapi({ description: 'The newest event: keep it elsewhere to detect removal of the newest events' }),
    problems: z
      .array(
        z.object({
          seq: z.number().int(),
          code: z.enum([
            'missing',
            'out_of_order',
            'prev_hash',
            'payload_altered',
            'not_tombstone',
            'event_altered',
            'orphan_tombstone',
          ] satisfies AuditProblemCode[]),
          from: z.number().int().optional(),
          to: z.number().int().optional(),
          by: z.number().int().optional(),
          problem: z.string().openapi({ description: 'The problem in words, in the language of Content-Language' }),
        }),
      )
      .readonly(),
  })
  .openapi('AuditVerification')

/** An audit event as `GET /api/audit` answers with it, in both apps. */
export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    district: z.string().nullable(),
    ruleset: z.string().nullable(),
    before: z.unknown().openapi({ description: 'The state before, as the action recorded it (a tombstone once erased)' }),
    after: z.unknown().openapi({ description: 'The state after, as the action recorded it (a tombstone once erased)' }),
    payloadHash: z.string(),
    prevHash: z.string(),
    hash: z.string(),
    erasedBy: z.number().int().nullable().openapi({ description: 'The erasure event that replaced the payload with a tombstone' }),
  })
  .openapi('AuditEvent')

/**
 * A verification in the request's language, for `c.json(…, 200)`: sets `Content-Language`
 * and `Vary`, and words each problem in that language.
 */
export function verificationBody(c: Context, verification: AuditVerification): AuditVerification {
  const lang = requestLanguage(c)
  c.header('Content-Language', lang)
  c.header('Vary', 'Accept-Language')
  return verificationIn(verification, lang)
}

function registerSessionRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags: ['session'],
      operationId: 'logIn',
      summary: 'Log in',
      description:
        'Checks the user name and password and starts a session: sets the HttpOnly session cookie and answers with the user and the CSRF token that every later unsafe request must send in X-CSRF-Token. Repeated failures from one address or for one user are refused with 429 and Retry-After; 403 when password login is turned off (VBE_PASSWORD_LOGIN=0).',
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
    description: 'The session cookie that POST /api/session sets (HttpOnly, SameSite=Strict).',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The session’s CSRF token (from POST or GET /api/session), required on every unsafe request made with the session cookie.',
  })
  const tags = [{ name: 'session', description: 'Logging in and out, and the current session with its CSRF token' }, ...info.tags]
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
