import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { csrfMatches, type ActiveSession } from '../../auth.js'
import { PROBLEM_TITLES, ProblemResponse } from '../../errors.js'

/** The session cookie: `__Host-` makes browsers insist on Secure, Path=/ and no Domain. */
export const SESSION_COOKIE = '__Host-vbe_session'
/** Its name when Secure is turned off for development over plain http (`VBE_INSECURE_COOKIES=1`). */
export const INSECURE_SESSION_COOKIE = 'vbe_session'
export const CSRF_HEADER = 'x-csrf-token'

/**
 * The session from its cookie (`c.get('session')`, null when there is none), and CSRF: an
 * unsafe request made with a session cookie must carry the session's token in
 * X-CSRF-Token (403 `csrf` otherwise). Logging in (`POST /api/session`) needs no token.
 * `load` looks the session up (`runKit(c, sessionFor(token))` in `createApi`). `cookies`
 * are the names read, first match wins (default: the `__Host-` one only).
 */
export function session(load: (c: Context, token: string) => Promise<ActiveSession | null>, cookies: readonly string[] = [SESSION_COOKIE]) {
  return createMiddleware<{ Variables: { session: ActiveSession | null } }>(async (c, next) => {
    const token = cookies.map((name) => getCookie(c, name)).find((t) => t !== undefined)
    const active = token ? await load(c, token) : null
    c.set('session', active)
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
    const isLogin = c.req.path === '/api/session' && c.req.method === 'POST'
    if (unsafe && !isLogin && active && !csrfMatches(c.req.header(CSRF_HEADER), active.csrfToken)) {
      throw new ProblemResponse({
        type: 'https://vbe.invalid/problems/csrf',
        title: PROBLEM_TITLES.forbidden,
        status: 403,
        detail: {
          sv: `Rubriken ${CSRF_HEADER} saknas eller är fel. Hämta token från GET /api/session.`,
          en: `Missing or wrong ${CSRF_HEADER} header. Get the token from GET /api/session.`,
        },
        code: 'csrf',
      })
    }
    await next()
  })
}
