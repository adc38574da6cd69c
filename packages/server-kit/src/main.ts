// The one process entry both server apps share: env parsed at the edge, the database,
// demo data, the port, the banner, and a graceful stop on SIGINT/SIGTERM.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Effect } from 'effect'
import { z } from 'zod'
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth.js'
import { databaseConfigFromEnv, type Database, type DatabaseConfig, type OpenOptions } from './db.js'
import { AuditKeyError, auditSealFromEnv, type AuditSeal } from './audit/index.js'
import { Db } from './services.js'
import { EnvError } from './env-error.js'
import { signInSettingsFromEnv, type SignInSettings } from './oidc/config.js'
import { parseTrustedProxies } from './sessions/client.js'
import { findDemoUsers, type DemoUserFound } from './sessions/demo-users.js'

/** What `main()` reads from the environment, parsed and checked. */
export interface ServerEnv {
  readonly port: number
  readonly host: string
  /** `NODE_ENV=production`: demo mode off by default, and no start while demo users exist. */
  readonly production: boolean
  /** Seed and show the demo users (`VBE_DEMO`; on by default, off by default in production, where it cannot be turned on). */
  readonly demo: boolean
  /** What `createApp` passes to server-kit's `createApi`: cookies, trusted proxies, session timeouts. */
  readonly kit: KitSettings
  /** `DATABASE_URL` (PostgreSQL), else PGlite in `VBE_DATA_DIR` or `./data/<app>`. */
  readonly database: DatabaseConfig
}

export { EnvError }

/**
 * The environment's say on sessions, cookies, sign-in and the security log, read once
 * at start, for `createApi` (via the app's options).
 */
export interface KitSettings {
  /** False only with `VBE_INSECURE_COOKIES=1` (development over plain http). */
  readonly secureCookies: boolean
  /**
   * `VBE_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges (IPv4 and IPv6) whose
   * X-Forwarded-For/-Proto are believed.
   */
  readonly trustedProxies: readonly string[]
  /** `VBE_SESSION_IDLE_MINUTES` (default 30) and `VBE_SESSION_MAX_HOURS` (default 8). */
  readonly authPolicy: AuthPolicy
  /** `VBE_PASSWORD_LOGIN` and `VBE_OIDC_*`, the district mappings checked against the installed plugins. */
  readonly signIn: SignInSettings
  /** `VBE_SECURITY_LOG_STDERR` (default on): security events also as JSON lines on stderr. */
  readonly securityLogStderr: boolean
}

const FLAG_OFF = new Set(['0', 'false', 'no', 'off'])
const FLAG_ON = new Set(['1', 'true', 'yes', 'on'])
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))

const flag = optionalText.refine(
  (v) => v === undefined || FLAG_OFF.has(v.toLowerCase()) || FLAG_ON.has(v.toLowerCase()),
  'must be 1 or 0 (or true/false, yes/no, on/off)',
)
const isOn = (v: string | undefined) => v !== undefined && FLAG_ON.has(v.toLowerCase())
const isOff = (v: string | undefined) => v !== undefined && FLAG_OFF.has(v.toLowerCase())
const wholeNumber = (min: number, max: number, what: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/, `must be a whole number of ${what} from ${min} to ${max}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be a whole number of ${what} from ${min} to ${max}`)
      .optional(),
  )

function envSchema(app: string, defaultPort: number) {
  return z
    .object({
      NODE_ENV: optionalText,
      VBE_INSECURE_COOKIES: flag,
      VBE_TRUSTED_PROXIES: optionalText.superRefine((v, ctx) => {
        if (v === undefined) return
        for (const entry of parseTrustedProxies(v.split(',')).bad)
          ctx.addIssue({
            code: 'custom',
            message: `has "${entry}", which is not an IP address or CIDR range (give addresses and ranges separated by commas, like 10.0.0.5,10.0.0.0/8,fd00::/8; a range starts at its network address)`,
          })
      }),
      VBE_SECURITY_LOG_STDERR: flag,
      VBE_SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60, 'minutes'),
      VBE_SESSION_MAX_HOURS: wholeNumber(1, 7 * 24, 'hours'),
      PORT: optionalText.pipe(
        z
          .string()
          .regex(/^\d{1,5}$/, 'must be a port number from 0 to 65535 (0 picks a free one)')
          .transform(Number)
          .refine((n) => n <= 65535, 'must be a port number from 0 to 65535 (0 picks a free one)')
          .optional(),
      ),
      HOST: optionalText,
      VBE_DEMO: flag,
      DATABASE_URL: optionalText.refine(
        (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
        'must be a postgres:// or postgresql:// URL',
      ),
      VBE_DATA_DIR: optionalText,
      INIT_CWD: optionalText,
    })
    .superRefine((env, ctx) => {
      if (env.NODE_ENV !== 'production') return
      if (isOn(env.VBE_DEMO))
        ctx.addIssue({
          code: 'custom',
          path: ['VBE_DEMO'],
          message: 'cannot be on when NODE_ENV=production (demo users have a public password)',
        })
      if (isOn(env.VBE_INSECURE_COOKIES))
        ctx.addIssue({
          code: 'custom',
          path: ['VBE_INSECURE_COOKIES'],
          message: 'cannot be on when NODE_ENV=production (serve over https)',
        })
    })
    .transform((env): ServerEnv => {
      const production = env.NODE_ENV === 'production'
      const idleMs = (env.VBE_SESSION_IDLE_MINUTES ?? 30) * 60_000
      const sessionMs = (env.VBE_SESSION_MAX_HOURS ?? 8) * 3600_000
      return {
        port: env.PORT ?? defaultPort,
        host: env.HOST ?? '127.0.0.1',
        production,
        demo: production ? false : !isOff(env.VBE_DEMO),
        kit: {
          secureCookies: !isOn(env.VBE_INSECURE_COOKIES),
          trustedProxies: (env.VBE_TRUSTED_PROXIES ?? '')
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
          authPolicy: { ...DEFAULT_AUTH_POLICY, sessionMs, idleMs: Math.min(idleMs, sessionMs) },
          // Filled in by parseServerEnv, which reads the sign-in variables with the installed districts.
          signIn: { passwordLogin: true, oidc: null },
          securityLogStderr: !isOff(env.VBE_SECURITY_LOG_STDERR),
        },
        database: databaseConfigFromEnv(app, { DATABASE_URL: env.DATABASE_URL, VBE_DATA_DIR: env.VBE_DATA_DIR, INIT_CWD: env.INIT_CWD }),
      }
    })
}

/**
 * Reads `PORT` (default `defaultPort`), `HOST` (default 127.0.0.1), `NODE_ENV`, `VBE_DEMO`,
 * `VBE_INSECURE_COOKIES`, `VBE_TRUSTED_PROXIES`, `VBE_SESSION_IDLE_MINUTES`,
 * `VBE_SESSION_MAX_HOURS`, `VBE_SECURITY_LOG_STDERR`, `DATABASE_URL` / `VBE_DATA_DIR` for
 * the app `app`, and the sign-in settings (`VBE_PASSWORD_LOGIN`, `VBE_OIDC_*`, whose
 * district mappings must name one of `districts`, the ids the app's plugins serve).
 * Throws an `EnvError` naming every variable that is wrong.
 */
export function parseServerEnv(env: NodeJS.ProcessEnv, app: string, defaultPort: number, districts: readonly string[] = []): ServerEnv {
  const result = envSchema(app, defaultPort).safeParse(env)
  const lines = result.success
    ? []
    : result.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment')
        const value = name === 'DATABASE_URL' ? '' : ` (got ${JSON.stringify(env[name] ?? '')})`
        return `${name} ${i.message}${value}`
      })
  let signIn: SignInSettings | null = null
  try {
    signIn = signInSettingsFromEnv(env, districts)
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    lines.push(...error.message.split('\n'))
  }
  if (!result.success || signIn === null) throw new EnvError(lines.join('\n'))
  return { ...result.data, kit: { ...result.data.kit, signIn } }
}

/** A listening HTTP server and how to stop it. */
export interface Listening {
  readonly server: Server
  /** `http://host:port`, without a trailing slash; a wildcard host shows as 127.0.0.1. */
  readonly url: string
  readonly port: number
  /** Stops taking connections and waits for open requests; after `graceMs` cuts what is left. */
  close(graceMs?: number): Promise<void>
}

type FetchHandler = (request: Request) => Response | Promise<Response>

/** Serves `fetch` on `port` (0 picks a free one) and resolves once it is listening. */
export function listen(fetch: FetchHandler, options: { readonly port: number; readonly hostname: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.hostname }) as Server
    server.once('error', reject)
    server.once('listening', () => {
      server.off('error', reject)
      const port = (server.address() as AddressInfo).port
      resolve({
        server,
        port,
        url: `http://${displayHost(options.hostname)}:${port}`,
        close: (graceMs = 10_000) => closeServer(server, graceMs),
      })
    })
  })
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve()
    const cut = setTimeout(() => server.closeAllConnections(), graceMs)
    cut.unref()
    server.close((error) => {
      clearTimeout(cut)
      if (error) reject(error)
      else resolve()
    })
    server.closeIdleConnections()
  })
}

/** A demo user as the banner lists it. */
export interface DemoLogin {
  readonly username: string
  readonly roles: readonly string[]
  readonly district?: string | null
  /** What to try with this user. */
  readonly what?: string
}

export interface AppMain<DB> {
  /** The app's short name: the data directory is `./data/<name>`. */
  readonly name: string
  /** The app's name in the banner, e.g. `Grant screening`. */
  readonly title: string
  readonly defaultPort: number
  /** The district ids the app's installed plugins serve: the sign-in's district mappings must name one of them. */
  readonly districts: readonly string[]
  /** Opens (and migrates) the database, with the audit seal `main` read from the environment. */
  readonly openDatabase: (config: DatabaseConfig, options: OpenOptions) => Promise<Database<DB>>
  /** The app, with the environment's cookie, proxy, session, sign-in and security-log settings for `createApi`. */
  readonly createApp: (database: Database<DB>, kit: KitSettings) => { readonly fetch: FetchHandler }
  /**
   * Demo data, seeded unless `VBE_DEMO=0` (or in production). `seed` may return a line for
   * the banner; it creates the demo users once and never resets them. `present` names
   * the demo data (besides users) still in the database: a production start refuses it.
   */
  readonly demo?: {
    readonly password: string
    readonly users: readonly DemoLogin[]
    readonly seed: (database: Database<DB>) => Promise<string | void>
    readonly present?: (database: Database<DB>) => Promise<readonly string[]>
  }
  /** Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv
  /** Default `console.log`. */
  readonly log?: (line: string) => void
}

export interface RunningApp<DB> extends Listening {
  readonly database: Database<DB>
  readonly env: ServerEnv
  /** Closes the server (waiting for open requests) and then the database. */
  stop(): Promise<void>
}

/**
 * The process entry of a server app: parses the env, opens the database, seeds the demo
 * data, listens, prints the banner and stops gracefully on SIGINT/SIGTERM (a second
 * signal stops at once). A bad environment prints what is wrong and exits with 1.
 */
export async function main<DB>(app: AppMain<DB>): Promise<RunningApp<DB>> {
  const log = app.log ?? ((line: string) => console.log(line))
  let env: ServerEnv
  try {
    // Read once, here at the edge: createApp hands `env.kit` (sign-in settings included) to createApi.
    env = parseServerEnv(app.env ?? process.env, app.name, app.defaultPort, app.districts)
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    console.error(`${app.title} cannot start:\n${error.message}`)
    process.exit(1)
  }
  // The audit key lives outside the database; a production start without one refuses to run.
  let audit: AuditSeal
  try {
    const production = (app.env ?? process.env)['NODE_ENV']?.trim() === 'production'
    audit = auditSealFromEnv(app.env ?? process.env, { app: app.name, database: env.database, production })
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error
    console.error(`${app.title} cannot start:\n${error.message}`)
    process.exit(1)
  }
  const database = await app.openDatabase(env.database, { audit })
  let seeded: string | void = undefined
  let listening: Listening
  let demoUsers: DemoUserFound[] = []
  try {
    if (env.production) {
      const refusals = await productionRefusals(app, database)
      if (refusals.length > 0) {
        console.error(
          `${app.title} refuses to start with NODE_ENV=production while demo data is in the database:\n` +
            refusals.map((r) => `  - ${r}`).join('\n') +
            '\nDelete or disable the demo users (and the demo data), or use a database without them.',
        )
        await database.close()
        process.exit(1)
      }
    }
    if (env.demo && app.demo) seeded = await app.demo.seed(database)
    if (!env.production && app.demo) demoUsers = await demoUsersIn(app, database)
    listening = await listen(app.createApp(database, env.kit).fetch, { port: env.port, hostname: env.host })
  } catch (error) {
    await database.close()
    throw error
  }
  let stopping: Promise<void> | null = null
  const stop = () => (stopping ??= listening.close().finally(() => database.close()))
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: stopping at once.`)
      process.exit(1)
    }
    log(`${signal}: finishing open requests, then closing the database…`)
    stop().then(
      () => {
        log(`${app.title} stopped.`)
        process.exit(0)
      },
      (error: unknown) => {
        console.error(`${app.title} did not stop cleanly:`, error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  log(`${app.title}: ${listening.url}/  (API docs ${listening.url}/api/docs)`)
  log(`Database: ${database.describe}${seeded ? ` — ${seeded}` : ''}`)
  log(`Audit key: ${database.audit.describe}; checkpoints: ${database.audit.checkpoints.describe}`)
  if (env.demo && app.demo) {
    log(`Demo logins (password for all: ${app.demo.password}; VBE_DEMO=0 turns them off):`)
    for (const u of app.demo.users)
      log(`  ${u.username.padEnd(12)} ${u.roles.join(', ').padEnd(17)} ${(u.district ?? 'city-wide').padEnd(14)} ${u.what ?? ''}`.trimEnd())
  }
  if (demoUsers.length > 0) {
    const open = demoUsers.filter((u) => u.publicPassword).map((u) => u.username)
    console.error(
      `WARNING: ${demoUsers.length} demo user(s) exist in this database` +
        (open.length > 0 ? `, ${open.length} still with the public demo password (${open.join(', ')})` : '') +
        '. Never expose this server to others; NODE_ENV=production refuses to start with them.',
    )
  }
  if (!env.kit.secureCookies) log('Session cookies are not Secure (VBE_INSECURE_COOKIES=1): for development over plain http only.')

  return { ...listening, database, env, stop }
}

function demoUsersIn<DB>(app: AppMain<DB>, database: Database<DB>): Promise<DemoUserFound[]> {
  if (!app.demo) return Promise.resolve([])
  const usernames = app.demo.users.map((u) => u.username)
  return Effect.runPromise(
    findDemoUsers(usernames, app.demo.password).pipe(Effect.provideService(Db, { kysely: database.kysely }), Effect.orDie),
  )
}

/** What a production start refuses: demo users, and the app's demo data. */
async function productionRefusals<DB>(app: AppMain<DB>, database: Database<DB>): Promise<string[]> {
  const users = await demoUsersIn(app, database)
  const data = (await app.demo?.present?.(database)) ?? []
  return [...users.map((u) => `demo user ${u.username}${u.publicPassword ? ' (with the public demo password)' : ''}`), ...data]
}
