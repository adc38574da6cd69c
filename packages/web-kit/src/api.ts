import { standalone } from './field-errors.js'
import { kitMessages } from './messages.js'
import type { FieldProblem, Lang, Problem } from './types.js'

/**
 * The one way a staff UI talks to its API: same-origin fetches with the session cookie,
 * the CSRF token on every unsafe request, the UI's language in Accept-Language (so
 * problems come back in it), If-Match for optimistic concurrency, and problem+json
 * errors thrown as `ApiError`.
 */

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

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

/** Any thrown value as a problem to show: an ApiError's problem, or the error's message. */
export const toProblemOf = (e: unknown): Problem =>
  isApiError(e) ? e.problem : { status: 0, detail: e instanceof Error ? e.message : String(e) }

export type Query = Readonly<Record<string, string | number | undefined | null>>

export interface RequestOptions {
  /** GET unless a body is given (then POST). */
  readonly method?: string
  /** A JSON body. */
  readonly json?: unknown
  /** A text body, sent as is with `contentType`. */
  readonly text?: string
  readonly contentType?: string
  readonly query?: Query
  /** The version the change is based on: a number is sent as the ETag `"<n>"`, a string as is. */
  readonly ifMatch?: number | string
  /** Skip the 401 handler (for the login form and the first session check). */
  readonly quiet401?: boolean
}

export interface ApiResponse<T> {
  readonly data: T
  readonly etag: string | null
}

export interface ApiClient {
  /** The response body (undefined for 204); throws ApiError on failure. */
  request<T>(path: string, options?: RequestOptions): Promise<T>
  /** The response body with its ETag. */
  requestWithEtag<T>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>
  setCsrfToken(token: string | null): void
  /** The UI's language: every request asks the server to answer in it. */
  setLanguage(lang: Lang): void
  readonly language: Lang
  /** Called when a request answers 401 (the session expired or was ended elsewhere). */
  setUnauthenticatedHandler(handler: (() => void) | null): void
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `path?k=v` with empty values left out. */
export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

/** A client; `baseUrl` is for use outside a page (tests), the UIs use same-origin paths. */
export function createApiClient(options: { baseUrl?: string; fetch?: typeof fetch } = {}): ApiClient {
  let csrfToken: string | null = null
  let language: Lang = 'sv'
  let onUnauthenticated: (() => void) | null = null
  const doFetch: typeof fetch = options.fetch ?? ((...args) => fetch(...args))

  async function requestWithEtag<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const method = (opts.method ?? (opts.json !== undefined || opts.text !== undefined ? 'POST' : 'GET')).toUpperCase()
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': language }
    let body: string | undefined
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(opts.json)
    } else if (opts.text !== undefined) {
      headers['content-type'] = opts.contentType ?? 'text/plain'
      body = opts.text
    }
    if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken
    if (opts.ifMatch !== undefined) headers['if-match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch
    let response: Response
    try {
      response = await doFetch(`${options.baseUrl ?? ''}${withQuery(path, opts.query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body }),
      })
    } catch {
      throw new ApiError({ status: 0, code: 'network', detail: kitMessages[language].networkError })
    }
    const etag = response.headers.get('etag')
    if (response.status === 204) return { data: undefined as T, etag }
    const type = response.headers.get('content-type') ?? ''
    const data: unknown = /json/i.test(type) ? await response.json().catch(() => null) : await response.text().catch(() => '')
    if (!response.ok) {
      if (response.status === 401 && !opts.quiet401) onUnauthenticated?.()
      throw new ApiError(toProblem(data, response.status, language), response.headers.get('retry-after'))
    }
    return { data: data as T, etag }
  }

  return {
    requestWithEtag,
    request: async <T>(path: string, opts?: RequestOptions) => (await requestWithEtag<T>(path, opts)).data,
    setCsrfToken: (token) => void (csrfToken = token),
    setLanguage: (lang) => void (language = lang),
    get language() {
      return language
    },
    setUnauthenticatedHandler: (handler) => void (onUnauthenticated = handler),
  }
}

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

/** A response body as a Problem: problem+json as sent, anything else with a generic detail. */
export function toProblem(data: unknown, status: number, lang: Lang = 'sv'): Problem {
  const d = record(data)
  const generic = kitMessages[lang].unexpectedError.replace('{status}', String(status))
  if (!d || !('detail' in d || 'title' in d))
    return { status, detail: typeof data === 'string' && data.trim() ? data.slice(0, 500) : generic }
  const errors = Array.isArray(d['errors'])
    ? d['errors'].flatMap((e): FieldProblem[] => {
        const r = record(e)
        if (!r) return []
        const params = record(r['params'])
        return [
          {
            path: String(r['path'] ?? ''),
            message: String(r['message'] ?? ''),
            ...(typeof r['code'] === 'string' ? { code: r['code'] } : {}),
            ...(params ? { params } : {}),
          },
        ]
      })
    : undefined
  const detail =
    typeof d['detail'] === 'string' && d['detail'] ? d['detail'] : typeof d['title'] === 'string' && d['title'] ? d['title'] : generic
  return {
    status,
    detail,
    ...(typeof d['title'] === 'string' ? { title: d['title'] } : {}),
    ...(typeof d['type'] === 'string' ? { type: d['type'] } : {}),
    ...(typeof d['code'] === 'string' ? { code: d['code'] } : {}),
    ...(errors ? { errors } : {}),
    ...('current' in d ? { current: d['current'] } : {}),
  }
}

/** The client both UIs use (one per page). */
export const apiClient: ApiClient = createApiClient()

/** `apiClient.request`. */
export const api = <T>(path: string, options?: RequestOptions): Promise<T> => apiClient.request<T>(path, options)

/**
 * A problem as one line, for status lines with no room for a list: its detail, then each
 * field problem's message as it stands alone (never its path, which means nothing to a person).
 */
export function problemText(problem: Problem): string {
  const errors = (problem.errors ?? []).filter((e) => e.message !== problem.detail)
  return errors.length ? `${problem.detail} ${errors.map((e) => standalone(e.message)).join(' ')}` : problem.detail
}
