import { Context, Effect, Option } from 'effect'
import type { Kysely } from 'kysely'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { Clock, Db, query } from '../services.js'

/** The kinds of security event the kit records. */
export const SECURITY_EVENT_KINDS = [
  'login.failed',
  'login.throttled',
  'forbidden',
  'person.search',
  'audit.read',
  'sessions.ended',
  // A logout token from the identity provider refused (src/oidc/back-channel.ts); `detail.problem` says why.
  'logout-token.refused',
  // Logout tokens from one address refused too often: the next must wait (`detail.waitSeconds`).
  'logout-token.throttled',
  // Accounts (src/accounts): a password change, a wrong current password at one, an admin disabling or enabling a user.
  'password.changed',
  'password.failed',
  'user.disabled',
  'user.enabled',
] as const
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number]

/** A security event. Never put a password, token or searched-for name in `detail`. */
export interface SecurityEvent {
  readonly kind: SecurityEventKind
  /** The logged-in user, or the username tried at a failed login. */
  readonly actor?: string | null
  /** The actor's district (null: city-wide or unknown); a district admin reads its own. */
  readonly district?: string | null
  readonly address?: string | null
  readonly method?: string | null
  readonly path?: string | null
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>
}

/**
 * Whether security events also go to stderr as JSON lines: `VBE_SECURITY_LOG_STDERR`,
 * read once at start into the kit's settings (`main()` → `KitSettings.securityLogStderr`
 * → `createApi`), which hands it to every event through this service. Without it (an
 * effect run outside the kit's request handling, such as a script or a test calling
 * `login` directly) the environment as it was when this module was loaded decides.
 */
export class SecurityLogOutput extends Context.Tag('vbe/SecurityLogOutput')<SecurityLogOutput, { readonly stderr: boolean }>() {}

/** `VBE_SECURITY_LOG_STDERR`: on unless 0, false, no or off (the test runs turn it off: the table still gets every event). */
export function securityLogStderrFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env['VBE_SECURITY_LOG_STDERR']?.trim().toLowerCase()
  return !(value !== undefined && ['0', 'false', 'no', 'off'].includes(value))
}

/** Read once, for events recorded without the kit's setting. */
const STDERR_WITHOUT_SETTING = securityLogStderrFromEnv(process.env)

/** Where the structured line goes; tests replace it (and then get every line, whatever the setting). */
let writeLine: (line: string, stderr: boolean) => void = (line, stderr) => {
  if (stderr) process.stderr.write(`${line}\n`)
}
export function setSecurityLogWriter(write: (line: string) => void): () => void {
  const before = writeLine
  writeLine = (line) => write(line)
  return () => {
    writeLine = before
  }
}

/**
 * Records a security event in `vbe_security_log` and writes it as one JSON line
 * (`{"log":"security",…}`) on stderr, for a log collector. A failure to store it is
 * logged and does not fail the request.
 */
export function recordSecurityEvent(event: SecurityEvent): Effect.Effect<void, never, Db | Clock> {
  return Effect.gen(function* () {
    const at = (yield* Clock).now()
    const output = yield* Effect.serviceOption(SecurityLogOutput)
    const row = {
      at,
      kind: event.kind,
      actor: event.actor ?? null,
      district: event.district ?? null,
      address: event.address ?? null,
      method: event.method ?? null,
      path: event.path ?? null,
      detail: event.detail ? JSON.stringify(event.detail) : null,
    }
    const stderr = Option.match(output, { onNone: () => STDERR_WITHOUT_SETTING, onSome: (o) => o.stderr })
    writeLine(JSON.stringify({ log: 'security', ...row, at: at.toISOString(), detail: event.detail ?? null }), stderr)
    yield* query('security-log.insert', (db: Kysely<KitTables>) => db.insertInto('vbe_security_log').values(row).execute()).pipe(
      Effect.catchAll((error) => Effect.sync(() => console.error('security log: could not store an event', error.cause))),
    )
  })
}

export interface SecurityLogEntry {
  readonly id: number
  readonly at: string
  readonly kind: string
  readonly actor: string | null
  readonly district: string | null
  readonly address: string | null
  readonly method: string | null
  readonly path: string | null
  readonly detail: unknown
}

/** Security events newest first; `districts` limits them to those districts (a district admin's scope). */
export function listSecurityEvents(options: {
  readonly limit?: number
  readonly before?: number
  readonly kind?: string
  readonly districts?: readonly string[]
}): Effect.Effect<SecurityLogEntry[], DatabaseError, Db> {
  return Effect.map(
    query('security-log.list', (db: Kysely<KitTables>) => {
      let q = db
        .selectFrom('vbe_security_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(options.limit ?? 100)
      if (options.before !== undefined) q = q.where('id', '<', options.before)
      if (options.kind !== undefined) q = q.where('kind', '=', options.kind)
      if (options.districts !== undefined) {
        const districts = options.districts
        if (districts.length === 0) return Promise.resolve([])
        q = q.where('district', 'in', districts)
      }
      return q.execute()
    }),
    (rows) =>
      rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        kind: r.kind,
        actor: r.actor,
        district: r.district,
        address: r.address,
        method: r.method,
        path: r.path,
        detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as unknown) : r.detail,
      })),
  )
}
