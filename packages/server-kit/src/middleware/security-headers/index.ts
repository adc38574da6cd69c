import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'

/** The content security policy of every staff app: its own origin only, no framing. */
const kitSecureHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
  crossOriginEmbedderPolicy: false,
  // the same as frame-ancestors 'none' for browsers that predate CSP level 2 (hono's default, SAMEORIGIN, says less)
  xFrameOptions: 'DENY',
})

/**
 * Security headers (a strict CSP, no framing, nosniff, …) and `X-Robots-Tag: noindex` on
 * every answer: staff apps are for no search engine (robots.txt too, see `serveUi`).
 */
export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await kitSecureHeaders(c, next)
    c.header('X-Robots-Tag', 'noindex')
  })
}
