import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { csrfMatches, type ActiveSession } from '../../auth.js'
import { PROBLEM_TITLES, ProblemResponse } from '../../errors.js'

export const SESSION_COOKIE = 'vbe_session'
export const CSRF_HEADER = 'x-csrf-token'

/**
 * The session from its cookie (`c.get('session')`, null when there is none), and CSRF: an
 * unsafe request made with a session cookie must carry the session's token in
 * X-CSRF-Token (403 `csrf` otherwise). Logging in (`POST /api/session`) needs no token.
 * `load` looks the session up (`runKit(c, sessionFor(token))` in `createApi`).
 */
export function session(load: (c: Context, token: string) => Promise<ActiveSession | null>) {
  return createMiddleware<{ Variables: { session: ActiveSession | null } }>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
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
