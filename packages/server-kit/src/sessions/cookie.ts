import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { KitEnv } from '../http.js'
import { INSECURE_SESSION_COOKIE, SESSION_COOKIE } from '../middleware/session/index.js'
import { clientInfo } from './client.js'

/** The cookie's name and Secure flag: `__Host-` and Secure unless turned off for plain-http development. */
export function sessionCookieFor(c: Context<KitEnv>): { name: string; secure: boolean } {
  const kit = c.get('kit')
  const secure = kit.secureCookies || clientInfo(c, kit.trustedProxies).https
  return { name: secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE, secure }
}

/** The session token the browser still holds, if any (ended at the next login). */
export function heldSessionToken(c: Context<KitEnv>): string | null {
  return getCookie(c, SESSION_COOKIE) ?? getCookie(c, INSECURE_SESSION_COOKIE) ?? null
}

/**
 * Sets the cookie of a started session, for every way of signing in. Max-Age, not
 * Expires: the lifetime counts from the browser's own clock, so a browser whose clock
 * differs from the server's does not drop it at once.
 */
export function setSessionCookie(c: Context<KitEnv>, session: { readonly token: string; readonly expiresAt: Date }): void {
  const cookie = sessionCookieFor(c)
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - c.get('kit').clock.now().getTime()) / 1000))
  setCookie(c, cookie.name, session.token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: cookie.secure, maxAge })
}

/** Clears the session cookie (log out). */
export function clearSessionCookie(c: Context<KitEnv>): void {
  const cookie = sessionCookieFor(c)
  deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
}
