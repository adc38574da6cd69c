import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createApi,
  kitMigrations,
  listen,
  openDatabase,
  registerAuditRoutes,
  registerSignIn,
  signInSettingsFromEnv,
  type Database,
  type Listening,
} from '../src/index.js'
import { DATABASES } from './databases.js'
import { DISTRICT_MAP, DISTRICTS, ROLE_MAP } from './support/oidc-maps.js'
import { startTestProvider, TestBrowser, type TestProvider } from './support/oidc-provider.js'
import { SESSION_COOKIE } from '../src/middleware/session/index.js'

/*
 * Staff sign-in through OpenID Connect against a real provider (oidc-provider) on
 * loopback: the app's login sends the browser there, the test signs in through the
 * provider's login form, and the provider sends the browser back to the app's callback.
 */

const accounts: Record<string, Record<string, unknown>> = {
  anna: { name: 'Anna Andersson', email: 'anna@example.org', groups: ['alla-anstallda', 'vbe-handlaggare', 'sdf-rinkeby-kista'] },
  greta: { given_name: 'Greta', family_name: 'Granskare', groups: ['vbe-revisor'] },
  nils: { name: 'Nils Nilsson', groups: ['alla-anstallda', 'ekonomi'] },
  olle: { name: 'Olle Olsson', groups: ['vbe-handlaggare'] },
}

describe.each(DATABASES)('OpenID Connect sign-in on %s', (_name, config) => {
  let database: Database
  let op: TestProvider
  let server: Listening
  let handler: (request: Request) => Response | Promise<Response> = () => new Response('not ready', { status: 503 })
  /** The app's clock runs this far ahead of the real one (the provider's). */
  let ahead = 0
  const clock = { now: () => new Date(Date.now() + ahead) }

  const settingsFor = (extra: Record<string, string> = {}) =>
    signInSettingsFromEnv(
      {
        VBE_OIDC_ISSUER: op.issuer,
        VBE_OIDC_CLIENT_ID: op.clientId,
        VBE_OIDC_CLIENT_SECRET: op.clientSecret,
        VBE_OIDC_REDIRECT_BASE_URL: server.url,
        VBE_OIDC_SCOPES: 'openid profile email groups',
        VBE_OIDC_ROLE_MAP: ROLE_MAP,
        VBE_OIDC_DISTRICT_MAP: DISTRICT_MAP,
        ...extra,
      },
      DISTRICTS,
    )
  /** A fresh app (its own provider metadata and clock skew) behind the one listening server. */
  const useApp = (extra: Record<string, string> = {}) => {
    const app = createApi({ database, clock, signIn: settingsFor(extra) })
    registerSignIn(app)
    registerAuditRoutes(app)
    handler = app.fetch
    return app
  }
  const login = () => `${server.url}/api/oidc/login`
  const atCallback = (url: URL) => url.pathname === '/api/oidc/callback'
  const sessionOf = async (browser: TestBrowser) => browser.request(`${server.url}/api/session`)

  beforeAll(async () => {
    database = await openDatabase(await config(), [kitMigrations])
    server = await listen((request) => handler(request), { port: 0, hostname: '127.0.0.1' })
    op = await startTestProvider({ accounts, redirectUris: [`${server.url}/api/oidc/callback`] })
    useApp()
  })
  afterAll(async () => {
    await server?.close()
    await op?.close()
    await database?.close()
  })

  it('signs a mapped user in: roles and district from the groups, a session that can call the API', async () => {
    ahead = 0
    useApp()
    const browser = new TestBrowser()
    const start = await browser.request(login())
    expect(start.status).toBe(302)
    const authorize = new URL(start.headers.get('location')!)
    expect(authorize.origin).toBe(op.issuer)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(authorize.searchParams.get('nonce')).toBeTruthy()
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.url}/api/oidc/callback`)

    const { url, response } = await browser.signIn(login(), 'anna', (u) => u.pathname === '/' && u.origin === server.url)
    expect(response.status).toBe(303)
    expect(new URL(url).pathname).toBe('/')
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Strict/i)
    expect(setCookie).toMatch(/; Secure/i)

    const session = await sessionOf(browser)
    expect(session.status).toBe(200)
    const body = (await session.json()) as {
      user: { displayName: string; roles: string[]; district: string | null; id: string }
      csrfToken: string
    }
    expect(body.user).toMatchObject({ displayName: 'Anna Andersson', roles: ['officer'], district: 'rinkeby-kista' })
    // An officer may not read the audit log; the session's role is what the policy sees.
    expect((await browser.request(`${server.url}/api/audit`)).status).toBe(403)

    // The next sign-in updates the same user from the claims: now an approver in another district.
    accounts['anna'] = { ...accounts['anna'], groups: ['vbe-beslutsfattare', 'sdf-spanga-tensta'] }
    try {
      const again = new TestBrowser()
      await again.signIn(login(), 'anna', (u) => u.pathname === '/' && u.origin === server.url)
      const second = (await (await sessionOf(again)).json()) as typeof body
      expect(second.user).toMatchObject({ id: body.user.id, roles: ['approver'], district: 'spanga-tensta' })
    } finally {
      accounts['anna'] = { ...accounts['anna'], groups: ['alla-anstallda', 'vbe-handlaggare', 'sdf-rinkeby-kista'] }
    }

    // An unsafe request with the session's CSRF token works: logging out (200: with where to end the provider's session).
    const out = await browser.request(`${server.url}/api/session`, { method: 'DELETE', headers: { 'x-csrf-token': body.csrfToken } })
    expect(out.status).toBe(200)
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('gives a city-wide auditor the audit log, where the sign-in is recorded', async () => {
    useApp()
    const browser = new TestBrowser()
    await browser.signIn(login(), 'greta', (u) => u.pathname === '/' && u.origin === server.url)
    const session = (await (await sessionOf(browser)).json()) as {
      user: { id: string; displayName: string; roles: string[]; district: null }
    }
    expect(session.user).toMatchObject({ displayName: 'Greta Granskare', roles: ['auditor'], district: null })
    const audit = await browser.request(`${server.url}/api/audit?entityId=${session.user.id}`)
    expect(audit.status).toBe(200)
    const { events } = (await audit.json()) as { events: { action: string; after: unknown }[] }
    expect(events.map((e) => e.action)).toEqual(['session.login', 'user.created-from-provider'])
    expect(events[0]!.after).toEqual({ method: 'oidc' })

    // Such a user has no password: none logs them in.
    const row = await database.kysely
      .selectFrom('vbe_users')
      .select(['username', 'password_hash'])
      .where('id', '=', session.user.id)
      .executeTakeFirstOrThrow()
    for (const password of [row.password_hash, 'demo-password-2026']) {
      const attempt = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: row.username, password }),
      })
      expect(attempt.status).toBe(401)
    }

    // A user disabled here stays out, whatever the provider says.
    await database.kysely.updateTable('vbe_users').set({ disabled: true }).where('id', '=', session.user.id).execute()
    try {
      const refused = await new TestBrowser().signIn(login(), 'greta')
      expect(refused.response.status).toBe(403)
      expect(await refused.response.text()).toContain('<h1>Your account is disabled</h1>')
    } finally {
      await database.kysely.updateTable('vbe_users').set({ disabled: false }).where('id', '=', session.user.id).execute()
    }
  })

  it('refuses an answer whose state is not the one this browser sent, and starts no session', async () => {
    useApp()
    const browser = new TestBrowser()
    const { url } = await browser.signIn(login(), 'anna', atCallback)
    const forged = new URL(url)
    forged.searchParams.set('state', 'a-state-from-someone-else')
    const refused = await browser.request(forged.href)
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await refused.text()
    expect(page).toContain('<h1>The sign-in was stopped</h1>')
    expect(page).toContain('did not belong to the sign-in started here')
    expect(browser.cookie(server.url, SESSION_COOKIE)).toBeUndefined()
    // The pending sign-in was used up: the right answer afterwards does not sign in either.
    const late = await browser.request(url)
    expect(late.status).toBe(400)
    expect(await late.text()).toContain('The sign-in could not be completed')
    expect((await sessionOf(browser)).status).toBe(401)
  })

  it('refuses a replayed code', async () => {
    useApp()
    const browser = new TestBrowser()
    const { url } = await browser.signIn(login(), 'anna', atCallback)
    expect((await browser.request(url)).status).toBe(303)
    // The same answer again, in the same browser: its one-time sign-in is gone.
    expect((await browser.request(url)).status).toBe(400)

    // An attacker with the code starts their own sign-in and feeds the code to it: the provider refuses it.
    const attacker = new TestBrowser()
    const start = await attacker.request(login())
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!
    const replay = new URL(url)
    replay.searchParams.set('state', state)
    const refused = await attacker.request(replay.href)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('was used already, too old, or not meant for this system')
    expect(attacker.cookie(server.url, SESSION_COOKIE)).toBeUndefined()
  })

  it('refuses an expired ID token, and accepts one within its lifetime', async () => {
    // The provider's ID tokens live an hour. Ten minutes on, one is still good…
    ahead = 10 * 60_000
    useApp()
    const fresh = await new TestBrowser().signIn(login(), 'anna', (u) => u.pathname === '/' && u.origin === server.url)
    expect(fresh.response.status).toBe(303)
    // …but to an app whose clock is two hours on, it has expired.
    ahead = 2 * 3600_000
    useApp()
    const browser = new TestBrowser('sv')
    const { response } = await browser.signIn(login(), 'anna', (u) => u.pathname === '/' && u.origin === server.url)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-language')).toBe('sv')
    expect(await response.text()).toContain('Inloggningen gick inte att kontrollera')
    expect(browser.cookie(server.url, SESSION_COOKIE)).toBeUndefined()
    ahead = 0
  })

  it('shows a user without a mapped role the no-access page, and starts no session', async () => {
    useApp()
    const before = await database.kysely
      .selectFrom('vbe_identities')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    for (const [account, text] of [
      ['nils', 'the account is in no group that gives a role in this system'],
      ['olle', 'Your role works in one district, but no district is set for your account'],
    ] as const) {
      const browser = new TestBrowser()
      const { response } = await browser.signIn(login(), account)
      expect(response.status).toBe(403)
      const page = await response.text()
      expect(page).toContain('<html lang="en">')
      expect(page).toContain('<h1>You have no access to this system</h1>')
      expect(page).toContain(text)
      expect(page).toContain('<a href="/">To the sign-in page</a>')
      expect(browser.cookie(server.url, SESSION_COOKIE)).toBeUndefined()
      expect((await sessionOf(browser)).status).toBe(401)
    }
    const sv = new TestBrowser('sv')
    const { response } = await sv.signIn(login(), 'nils')
    expect(await response.text()).toContain('<h1>Du har inte behörighet till systemet</h1>')
    const after = await database.kysely
      .selectFrom('vbe_identities')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('says which ways to sign in are on, and refuses a password with VBE_PASSWORD_LOGIN=0', async () => {
    useApp()
    expect(await (await fetch(`${server.url}/api/sign-in`)).json()).toEqual({ password: true, oidc: true })
    useApp({ VBE_PASSWORD_LOGIN: '0' })
    expect(await (await fetch(`${server.url}/api/sign-in`)).json()).toEqual({ password: false, oidc: true })
    const refused = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ username: 'anna', password: 'whatever' }),
    })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      code: 'password-login-off',
      detail: expect.stringContaining('Sign in with the city’s account'),
    })
  })
})

describe('without OpenID Connect', () => {
  let database: Database
  let server: Listening
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
    const app = createApi({ database, signIn: signInSettingsFromEnv({}) })
    registerSignIn(app)
    server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
  })
  afterAll(async () => {
    await server?.close()
    await database?.close()
  })

  it('offers the password only, and answers the sign-in routes with 404 problems', async () => {
    expect(await (await fetch(`${server.url}/api/sign-in`)).json()).toEqual({ password: true, oidc: false })
    for (const path of ['/api/oidc/login', '/api/oidc/callback?code=x&state=y']) {
      const response = await fetch(`${server.url}${path}`, { headers: { 'accept-language': 'en' }, redirect: 'manual' })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(((await response.json()) as { detail: string }).detail).toBe('Sign-in with the city’s account is not set up here.')
    }
  })
})
