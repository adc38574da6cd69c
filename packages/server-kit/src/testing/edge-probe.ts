import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginClient, operationsOf, type MatrixClient } from './authz-matrix.js'

/**
 * The attacker's walk of December 2026, the part both staff apps share, over real HTTP:
 *
 * - every answer carries the kit's security headers (CSP with `frame-ancestors 'none'`,
 *   nosniff, no referrer), whatever produced it: a route, a refusal, a 404, a 413 the body
 *   limit wrote, a 415, a UI page, robots.txt, the API docs, an app's HTML document; and
 *   every `/api` answer is `no-store`;
 * - every unsafe operation of the app's OpenAPI document, sent with a live session cookie
 *   but without its CSRF token, or with the token of another user's session, is a 403
 *   `csrf` and changes nothing (logging in and the provider's back-channel logout take no
 *   session and are left out).
 */
export interface EdgeProbeApp {
  readonly name: string
  /** Starts a server on loopback with its demo users. */
  start(): Promise<{ readonly url: string; stop(): Promise<void> }>
  /** Two users who may log in with `password` (the second's token is the wrong one). */
  readonly users: readonly [string, string]
  readonly password: string
  /** A district admin of the first user's district, and one of the second user's. */
  readonly admins: readonly [string, string]
  /**
   * A reference `GET /api/audit?reference=` resolves to an entity of the first user's district
   * (made by the first user where needed), and one nothing has.
   */
  reference(client: MatrixClient): Promise<{ readonly known: string; readonly unknown: string }>
  /** Paths of the app's own documents (HTML letters, exports) the first user may GET; the setup may use `client`. */
  documents(url: string, client: MatrixClient): Promise<readonly string[]>
}

/** The operations that take no session: their CSRF guard is something else (none needed to log in; the token's signature). */
const SESSIONLESS = ['POST /api/session', 'POST /api/oidc/backchannel-logout']

const header = (res: { readonly headers: Headers }, name: string) => res.headers.get(name) ?? ''

/** What every answer must carry: the failures, worded. */
function headerFailures(label: string, path: string, res: { readonly headers: Headers }): string[] {
  const failures: string[] = []
  const csp = header(res, 'content-security-policy')
  if (!csp.includes("frame-ancestors 'none'") || !csp.includes("default-src 'self'")) failures.push(`${label}: CSP ${JSON.stringify(csp)}`)
  if (header(res, 'x-content-type-options') !== 'nosniff') failures.push(`${label}: no nosniff`)
  if (header(res, 'referrer-policy') !== 'no-referrer') failures.push(`${label}: referrer-policy ${header(res, 'referrer-policy')}`)
  if (path.startsWith('/api') && header(res, 'cache-control') !== 'no-store')
    failures.push(`${label}: cache-control ${header(res, 'cache-control')}`)
  return failures
}

export function edgeProbe(app: EdgeProbeApp): void {
  describe(`attacker's walk: ${app.name}`, () => {
    let server: { url: string; stop(): Promise<void> }
    let first: MatrixClient
    let second: MatrixClient
    beforeAll(async () => {
      server = await app.start()
      first = await loginClient(server.url, app.users[0], app.password)
      second = await loginClient(server.url, app.users[1], app.password)
    }, 120_000)
    afterAll(() => server?.stop())

    it('sends the security headers on every kind of answer, and no-store on every API answer', async () => {
      const json = { 'content-type': 'application/json' }
      const anonymous: [string, string, RequestInit][] = [
        ['health', '/api/health', {}],
        ['unknown API path', '/api/nowhere', {}],
        ['no session', '/api/sessions', {}],
        ['wrong password', '/api/session', { method: 'POST', headers: json, body: '{"username":"x","password":"y"}' }],
        ['form-encoded login (415)', '/api/session', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a=b' }],
        ['body over the limit (413)', '/api/session', { method: 'POST', headers: json, body: 'x'.repeat(1024 * 1024 + 1) }],
        ['API docs', '/api/docs', {}],
        ['the UI page', '/', {}],
        ['a page the UI lacks', '/nowhere', {}],
        ['robots.txt', '/robots.txt', {}],
      ]
      const failures: string[] = []
      for (const [label, path, init] of anonymous) failures.push(...headerFailures(label, path, await fetch(`${server.url}${path}`, init)))
      const documents = await app.documents(server.url, first)
      expect(documents.length).toBeGreaterThan(0)
      for (const path of documents) {
        const res = await first.send('GET', path)
        if (res.status !== 200) failures.push(`${path}: ${res.status} ${res.text.slice(0, 160)}`)
        failures.push(...headerFailures(path, path, res))
      }
      expect(failures).toEqual([])
    })

    it("answers another district's reference in the audit log as one nothing has, so a district admin cannot probe which exist", async () => {
      const { known, unknown } = await app.reference(first)
      const [home, other] = await Promise.all(app.admins.map((u) => loginClient(server.url, u, app.password)))
      const audit = (admin: MatrixClient, reference: string) =>
        admin!.send('GET', `/api/audit?reference=${encodeURIComponent(reference)}`, undefined, { 'accept-language': 'en' })
      const own = await audit(home!, known)
      expect(own.status, own.text).toBe(200)
      expect(own.json<{ events: unknown[] }>().events.length).toBeGreaterThan(0)
      const [elsewhere, nothing] = [await audit(other!, known), await audit(other!, unknown)]
      expect([elsewhere.status, nothing.status], elsewhere.text).toEqual([400, 400])
      expect(elsewhere.text.replaceAll(known, '…')).toBe(nothing.text.replaceAll(unknown, '…'))
    })

    it('refuses every unsafe operation without the session’s CSRF token, or with another session’s, as 403 csrf', async () => {
      const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Parameters<typeof operationsOf>[0]
      const unsafe = operationsOf(document).filter((o) => !o.startsWith('GET ') && !SESSIONLESS.includes(o))
      expect(unsafe.length).toBeGreaterThan(5)
      const { csrfToken: othersToken } = (await second.send('GET', '/api/session')).json<{ csrfToken: string }>()
      const failures: string[] = []
      for (const operation of unsafe) {
        const [method, template] = operation.split(' ') as [string, string]
        const path = template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')
        for (const [how, token] of [
          ['without a token', ''],
          ['with another session’s token', othersToken],
        ] as const) {
          const res = await first.send(method, path, {}, { 'x-csrf-token': token })
          const code = res.status === 403 ? res.json<{ code?: string }>().code : undefined
          if (code !== 'csrf') failures.push(`${operation} ${how}: ${res.status} ${res.text.slice(0, 160)}`)
        }
      }
      expect(failures).toEqual([])
      // The session still works: a refused token ends nothing.
      expect((await first.send('GET', '/api/session')).status).toBe(200)
    })
  })
}
