import { createMiddleware } from 'hono/factory'

/**
 * `Cache-Control: no-store` on every answer it covers, errors included: API answers carry
 * sessions, cases, personal data, letters and plan exports, which no browser or proxy
 * may keep. It overrides whatever a route set.
 */
export function noStore() {
  return createMiddleware(async (c, next) => {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
  })
}
