import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Db, upsertUser } from '../src/index.js'
import { DATABASES } from './databases.js'
import { startOneApp, THREE_THEN_A_MINUTE, type OneApp } from './support/oidc-apps.js'
import { TestBrowser } from './support/oidc-provider.js'

/*
 * Against a real provider (oidc-provider) on loopback: logging out ends the session at
 * the provider too (RP-initiated logout), a district claim the installed plugins do not
 * serve gives no access, and starting sign-ins is throttled per client address.
 */

const accounts: Record<string, Record<string, unknown>> = {
  anna: { name: 'Anna Andersson', groups: ['vbe-handlaggare'], district: 'rinkeby-kista' },
  kim: { name: 'Kim Kvist', groups: ['vbe-handlaggare'], district: 'hogwarts' },
  rut: { name: 'Rut Revisor', groups: ['vbe-admin'], district: 'atlantis' },
}

describe.each(DATABASES)('OpenID Connect sign-out and limits on %s', (_name, config) => {
  let fixture: OneApp
  // The app's address, the provider, and the app's database, once the fixture has started.
  const url = () => fixture.app.url
  const op = () => fixture.op
  const kysely = () => fixture.app.database.kysely

  const login = () => fixture.app.login
  const home = (u: URL) => fixture.app.home(u)
  const csrfOf = async (browser: TestBrowser) =>
    ((await (await browser.request(`${url()}/api/session`)).json()) as { csrfToken: string }).csrfToken

  beforeAll(async () => {
    fixture = await startOneApp(accounts, config)
  })
  afterAll(async () => {
    await fixture?.close()
  })
  beforeEach(async () => {
    await sql`delete from vbe_login_throttle`.execute(kysely())
    fixture.app.renew()
  })

  it('logs out here and hands the browser the provider’s sign-out, which ends the session there too', async () => {
    const browser = new TestBrowser()
    expect((await browser.signIn(login(), 'anna', home)).response.status).toBe(303)
    // The provider remembers the browser: a second sign-in comes straight back without the login form.
    expect(await browser.asksForCredentials(login())).toBe(false)
    expect((await browser.request(`${url()}/api/session`)).status).toBe(200)

    const out = await browser.request(`${url()}/api/session`, { method: 'DELETE', headers: { 'x-csrf-token': await csrfOf(browser) } })
    expect(out.status).toBe(200)
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string }
    const target = new URL(endSessionUrl)
    expect(`${target.origin}${target.pathname}`).toBe(`${op().issuer}/session/end`)
    expect(target.searchParams.get('client_id')).toBe(op().clientId)
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${url()}/`)
    expect(target.searchParams.get('ui_locales')).toBe('en')
    // No token is kept for a hint: the answer carries none.
    expect(target.searchParams.has('id_token_hint')).toBe(false)
    // The session here is over at once, before the browser goes to the provider.
    expect((await browser.request(`${url()}/api/session`)).status).toBe(401)

    // The person confirms at the provider, which sends the browser back to the app…
    expect(await browser.signOutAt(endSessionUrl)).toBe(`${url()}/`)
    // …and the provider's session is gone: the next sign-in asks for credentials again.
    expect(await browser.asksForCredentials(login())).toBe(true)
  })

  it('answers a password user’s logout with 204 and no provider sign-out', async () => {
    await Effect.runPromise(
      upsertUser({
        username: 'lokal',
        displayName: 'Lokal Användare',
        password: 'pw-lokal-1234',
        roles: ['officer'],
        district: 'norrmalm',
      }).pipe(Effect.provideService(Db, { kysely: kysely() })),
    )
    const browser = new TestBrowser()
    const started = await browser.request(`${url()}/api/session`, {
      method: 'POST',
      body: JSON.stringify({ username: 'lokal', password: 'pw-lokal-1234' }),
      headers: { 'content-type': 'application/json' },
    })
    expect(started.status).toBe(200)
    const { csrfToken } = (await started.json()) as { csrfToken: string }
    const out = await browser.request(`${url()}/api/session`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } })
    expect(out.status).toBe(204)
    expect(await out.text()).toBe('')
  })

  it('shows the no-access page for a district claim that no installed plugin serves, and starts no session', async () => {
    const identities = () => fixture.app.count('vbe_identities')
    const before = await identities()
    for (const account of ['kim', 'rut']) {
      const browser = new TestBrowser()
      const { response } = await browser.signIn(login(), account)
      expect(response.status).toBe(403)
      const page = await response.text()
      expect(page).toContain('<h1>You have no access to this system</h1>')
      expect(page).toContain('Your account is placed in a district that this system does not serve.')
      // The district's id is not shown.
      expect(page).not.toMatch(/hogwarts|atlantis/)
      expect((await browser.request(`${url()}/api/session`)).status).toBe(401)
    }
    expect(await identities()).toBe(before)
    const sv = await new TestBrowser('sv').signIn(login(), 'kim')
    expect(await sv.response.text()).toContain('Ditt konto är kopplat till ett stadsområde som det här systemet inte hanterar.')
    // A claim naming an installed district signs in, in that district.
    const anna = new TestBrowser()
    await anna.signIn(login(), 'anna', home)
    const session = (await (await anna.request(`${url()}/api/session`)).json()) as { user: { district: string } }
    expect(session.user.district).toBe('rinkeby-kista')
  })

  it('throttles starting sign-ins per address: finished ones are free, unfinished ones soon wait (429, Retry-After)', async () => {
    fixture.app.renew({ authPolicy: THREE_THEN_A_MINUTE })
    // Finished sign-ins give their attempts back: more than three in a row go through.
    for (let i = 0; i < 5; i++) expect((await new TestBrowser().signIn(login(), 'anna', home)).response.status).toBe(303)

    const pending = () => fixture.app.count('vbe_oidc_logins')
    const before = await pending()
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await fetch(login(), { redirect: 'manual' })).status)
    expect(statuses).toEqual([302, 302, 302, 429, 429])
    // Only the sign-ins let through added a pending row.
    expect(await pending()).toBe(before + 3)

    const refused = await fetch(login(), { redirect: 'manual', headers: { 'accept-language': 'en' } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'sign-in-throttled',
      detail: expect.stringContaining('Too many sign-ins were started from here without being finished'),
    })
    const logged = await sql<{
      detail: unknown
    }>`select detail from vbe_security_log where kind = 'login.throttled' order by id desc limit 1`.execute(kysely())
    const detail = logged.rows[0]!.detail
    expect(typeof detail === 'string' ? JSON.parse(detail) : detail).toMatchObject({ method: 'oidc', step: 'login' })

    // Another client behind a trusted proxy is not slowed by this one.
    fixture.app.renew({ authPolicy: THREE_THEN_A_MINUTE, trustedProxies: ['127.0.0.1'] })
    expect((await fetch(login(), { redirect: 'manual', headers: { 'x-forwarded-for': '198.51.100.20' } })).status).toBe(302)
    expect((await fetch(login(), { redirect: 'manual', headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(429)
  })

  it('throttles the callback per address as well', async () => {
    fixture.app.renew({ authPolicy: THREE_THEN_A_MINUTE })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${url()}/api/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status)
    expect(statuses).toEqual([400, 400, 400, 429, 429])
  })
})
