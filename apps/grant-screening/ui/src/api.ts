import type { Lang } from './types'

/**
 * The one way the UI talks to the API: same-origin fetches with the session cookie, the
 * CSRF token on every unsafe request, the UI's language in Accept-Language (so problems
 * come back in it), and problem+json errors thrown as ApiError.
 */

export interface FieldProblem {
  readonly path: string
  readonly message: string
}

export interface Problem {
  readonly type?: string
  readonly title?: string
  readonly status: number
  readonly detail: string
  readonly errors?: readonly FieldProblem[]
  readonly code?: string
  readonly current?: unknown
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly problem: Problem,
    readonly retryAfter: string | null = null,
  ) {
    super(problem.detail)
  }
  get status(): number {
    return this.problem.status
  }
  get code(): string | undefined {
    return this.problem.code
  }
}

let csrfToken: string | null = null
let onUnauthenticated: (() => void) | null = null
let language: Lang = 'sv'

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The UI's language: every request asks the server to answer in it. */
export function setApiLanguage(lang: Lang): void {
  language = lang
}

/** Called when any request answers 401 (the session expired or was ended elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface RequestOptions {
  readonly method?: string
  /** A JSON body, or a string sent as is with `contentType`. */
  readonly json?: unknown
  readonly text?: string
  readonly contentType?: string
  readonly query?: Readonly<Record<string, string | number | undefined | null>>
  /** Skip the global 401 handler (for the login form and the first session check). */
  readonly quiet401?: boolean
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.json !== undefined || options.text !== undefined ? 'POST' : 'GET')
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': language }
  let body: string | undefined
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.text !== undefined) {
    headers['content-type'] = options.contentType ?? 'text/plain'
    body = options.text
  }
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(apiUrl(path, options.query), { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body }) })
  } catch {
    throw new ApiError({ status: 0, title: 'Network error', detail: '', code: 'network' })
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('content-type') ?? ''
  const data: unknown = /json/i.test(type) ? await response.json().catch(() => null) : await response.text().catch(() => '')
  if (!response.ok) {
    const problem = toProblem(data, response.status)
    if (response.status === 401 && !options.quiet401) onUnauthenticated?.()
    throw new ApiError(problem, response.headers.get('retry-after'))
  }
  return data as T
}

function toProblem(data: unknown, status: number): Problem {
  if (data && typeof data === 'object' && 'detail' in data) {
    const d = data as Record<string, unknown>
    const errors = Array.isArray(d['errors'])
      ? (d['errors'] as unknown[]).flatMap((e) => (e && typeof e === 'object' ? [{ path: String((e as Record<string, unknown>)['path'] ?? ''), message: String((e as Record<string, unknown>)['message'] ?? '') }] : []))
      : undefined
    return {
      status,
      detail: String(d['detail'] ?? ''),
      ...(typeof d['title'] === 'string' ? { title: d['title'] } : {}),
      ...(typeof d['type'] === 'string' ? { type: d['type'] } : {}),
      ...(typeof d['code'] === 'string' ? { code: d['code'] } : {}),
      ...(errors ? { errors } : {}),
      ...('current' in d ? { current: d['current'] } : {}),
    }
  }
  return { status, detail: typeof data === 'string' ? data.slice(0, 500) : '' }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
