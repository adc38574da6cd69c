import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BACKCHANNEL_LOGOUT_EVENT, OIDC_BACKCHANNEL_LOGOUT_PATH } from '../src/index.js'
import { DATABASES } from './databases.js'
import { startOneApp, THREE_THEN_A_MINUTE, type AppOptions, type OneApp } from './support/oidc-apps.js'
import { TestBrowser } from './support/oidc-provider.js'

/*
 * Over real HTTP, against the loopback provider: posts to the back-channel logout URI are
 * throttled per client address as the password login's are. Tokens that end in 200 are
 * free; refused ones count, and past a few the address gets 429 with Retry-After, in the
 * security log, and its posts are not checked until the wait is over.
 */

const accounts: Record<string, Record<string, unknown>> = {
  anna: { name: 'Anna Andersson', groups: ['vbe-handlaggare'], district: 'rinkeby-kista' },
}

const detailOf = (detail: unknown): Record<string, unknown> =>
  (typeof detail === 'string' ? JSON.parse(detail) : detail) as Record<string, unknown>

describe.each(DATABASES)('Back-channel logout throttle on %s', (_name, config) => {
  let fixture: OneApp

  const useApp = (options: AppOptions = {}) => fixture.app.renew({ authPolicy: THREE_THEN_A_MINUTE, ...options })
  const post = (body: string, headers: Record<string, string> = {}) => fixture.app.postLogout(body, headers)
  /** A logout token the provider could have sent: every claim right, a fresh jti, naming the user. */
  const validToken = () => {
    const { op } = fixture
    const now = Math.floor(Date.now() / 1000)
    return op.sign({
      iss: op.issuer,
      aud: op.clientId,
      iat: now,
      exp: now + 120,
      jti: randomUUID(),
      sub: 'anna',
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    })
  }
  const form = async (token: string) => new URLSearchParams({ logout_token: token }).toString()
  const securityLog = (kind: string) =>
    fixture.app.rows(
      sql<{
        detail: unknown
        path: string
        actor: string | null
      }>`select detail, path, actor from vbe_security_log where kind = ${kind} order by id`,
    )

  beforeAll(async () => {
    fixture = await startOneApp(accounts, config)
  })
  afterAll(async () => {
    await fixture?.close()
  })
  beforeEach(async () => {
    await fixture.app.rows(sql`delete from vbe_login_throttle`)
    await fixture.app.rows(sql`delete from vbe_security_log`)
    useApp()
  })

  it('accepted tokens are free; refused ones soon wait (429, Retry-After), unchecked, even a valid one', async () => {
    // More valid tokens in a row than the address may have refused: each is taken (200).
    const accepted: number[] = []
    for (let i = 0; i < 5; i++) accepted.push((await post(await form(await validToken()))).status)
    expect(accepted).toEqual([200, 200, 200, 200, 200])

    // Refused posts count, a malformed body and a post that is no form too: the fourth waits.
    const statuses = [
      (await post(await form('not-a-token'))).status,
      (await post('')).status,
      (await post(JSON.stringify({ logout_token: 'x' }), { 'content-type': 'application/json' })).status,
      (await post(await form('not-a-token'))).status,
    ]
    expect(statuses).toEqual([400, 400, 415, 429])
    // Only the three checked were refused as tokens (the throttled one was not checked).
    expect((await securityLog('logout-token.refused')).map((r) => detailOf(r.detail)['problem'])).toEqual(['malformed'])

    // While the address waits, a valid token is not taken either: the session stays.
    const anna = new TestBrowser()
    expect((await anna.signIn(fixture.app.login, 'anna', fixture.app.home)).response.status).toBe(303)
    const refused = await post(await form(await validToken()), { 'accept-language': 'en' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    // What is left of the first wait (60 s), in whole seconds: no timing is asserted beyond that.
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'logout-token-throttled',
      detail: `Too many logout tokens from here were refused. No more are taken from here for ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`,
    })
    expect(await fixture.app.signedIn(anna)).toBe(true)
    const sv = await post(await form('not-a-token'), { 'accept-language': 'sv' })
    expect(sv.status).toBe(429)
    expect(((await sv.json()) as { detail: string }).detail).toMatch(/^För många utloggningstoken härifrån har avvisats\./)

    // Each throttled post is in the security log, with its wait; nobody is signed in to name.
    const throttled = await securityLog('logout-token.throttled')
    expect(throttled).toHaveLength(3)
    for (const row of throttled) {
      expect(row).toMatchObject({ path: OIDC_BACKCHANNEL_LOGOUT_PATH, actor: null })
      expect(detailOf(row.detail)['waitSeconds']).toBeGreaterThanOrEqual(1)
      expect(detailOf(row.detail)['waitSeconds']).toBeLessThanOrEqual(60)
    }
  })

  it('counts per client address: the provider behind a trusted proxy is not slowed by another client', async () => {
    useApp({ trustedProxies: ['127.0.0.1'] })
    const from = (address: string) => ({ 'x-forwarded-for': address })
    const other: number[] = []
    for (let i = 0; i < 5; i++) other.push((await post(await form('not-a-token'), from('198.51.100.20'))).status)
    expect(other).toEqual([400, 400, 400, 429, 429])
    expect((await post(await form(await validToken()), from('192.0.2.10'))).status).toBe(200)
    expect((await post(await form('not-a-token'), from('192.0.2.10'))).status).toBe(400)
  })

  it('is not there, and counts nothing, where sign-in through the provider is not set up', async () => {
    useApp({ signIn: { passwordLogin: true, oidc: null } })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await post(await form('not-a-token'))).status)
    expect(statuses).toEqual([404, 404, 404, 404, 404])
    expect(await fixture.app.count('vbe_login_throttle')).toBe(0)
  })
})
