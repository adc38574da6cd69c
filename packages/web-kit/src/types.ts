/**
 * The shapes both staff apps' APIs share, declared once: the signed-in user, the session
 * and RFC 9457 problem details (`application/problem+json`).
 */

export type Lang = 'sv' | 'en'
export const LANGS: readonly Lang[] = ['sv', 'en']
export const isLang = (v: unknown): v is Lang => v === 'sv' || v === 'en'

/** A text the API sends in both languages. */
export interface Localized {
  readonly sv: string
  readonly en: string
}

export const ROLES = ['officer', 'approver', 'admin', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export interface User {
  readonly id: string
  /** For sign-in only: the UI shows `displayName`, never the username. */
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  /** The user's district, or null for a city-wide user. */
  readonly district: string | null
}

export interface Session {
  readonly user: User
  readonly csrfToken: string
}

/** The ways to sign in the server offers (`GET /api/sign-in`). */
export interface SignInMethods {
  /** A username and password (`POST /api/session`). */
  readonly password: boolean
  /** The city's account through OpenID Connect (`GET /api/oidc/login`). */
  readonly oidc: boolean
}

/** Whether the user holds any of the roles. */
export const hasRole = (user: User, ...roles: readonly Role[]): boolean => roles.some((r) => user.roles.includes(r))

/** One field's problem: `path` names the field (`amount`, `persons[0].email`), `message` is localised by Accept-Language. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
  /** A stable code for the problem (for example `too_small`), when the server sends one. */
  readonly code?: string
  readonly params?: Readonly<Record<string, unknown>>
}

/**
 * The `code` of a 400 the server kit writes itself when a request does not match its schema
 * (`@vbe/server-kit`'s `invalidProblem`): its detail is about the request ("Uppgifterna i
 * begäran innehåller fel."), for API clients; a form's error summary leaves it out and
 * names the fields instead. The server kit holds the same value; its test checks they agree.
 */
export const REQUEST_INVALID = 'request-invalid'

export interface Problem {
  readonly type?: string
  readonly title?: string
  readonly status: number
  /** What went wrong, in the UI's language; always set (a network failure says so). */
  readonly detail: string
  readonly errors?: readonly FieldProblem[]
  readonly code?: string
  /** For a 409: the current state of what the request tried to change. */
  readonly current?: unknown
}
