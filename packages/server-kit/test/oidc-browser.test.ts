import type { Browser } from 'playwright-core'
import { launchChromium } from '@vbe/test-browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createApi,
  kitMigrations,
  listen,
  openDatabase,
  registerSignIn,
  signInSettingsFromEnv,
  type Database,
  type Listening,
} from '../src/index.js'
import { startTestProvider, type TestProvider } from './support/oidc-provider.js'
import { SESSION_COOKIE } from '../src/middleware/session/index.js'

/*
 * The whole sign-in in Chromium, with the app and the provider on different sites
 * (`localhost` and `127.0.0.1`), as they are in production: the one-time cookie must come
 * back from the provider's site, and the session cookie must reach the app's API after it.
 */

describe('signing in with the city’s account in a browser', () => {
  let browser: Browser
  let database: Database
  let op: TestProvider
  let server: Listening
  let appUrl: string

  beforeAll(async () => {
    browser = await launchChromium('the OpenID Connect sign-in test')
    database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
    let handler: (request: Request) => Response | Promise<Response> = () => new Response('not ready', { status: 503 })
    server = await listen((request) => handler(request), { port: 0, hostname: '127.0.0.1' })
    appUrl = `http://localhost:${server.port}`
    op = await startTestProvider({
      accounts: { amina: { name: 'Amina Handläggare', groups: ['vbe-handlaggare', 'sdf-rinkeby-kista'] } },
      redirectUris: [`${appUrl}/api/oidc/callback`],
    })
    const app = createApi({
      database,
      signIn: signInSettingsFromEnv(
        {
          VBE_OIDC_ISSUER: op.issuer,
          VBE_OIDC_CLIENT_ID: op.clientId,
          VBE_OIDC_CLIENT_SECRET: op.clientSecret,
          VBE_OIDC_REDIRECT_BASE_URL: appUrl,
          VBE_OIDC_SCOPES: 'openid profile groups',
          VBE_OIDC_ROLE_MAP: '{"vbe-handlaggare":"officer"}',
          VBE_OIDC_DISTRICT_MAP: '{"sdf-rinkeby-kista":"rinkeby-kista"}',
        },
        ['rinkeby-kista'],
      ),
    })
    registerSignIn(app)
    app.get('/', (c) => c.html('<!doctype html><html lang="en"><title>App</title><h1>The app</h1></html>'))
    handler = app.fetch
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await op?.close()
    await database?.close()
  })

  it('goes to the provider, signs in there, and comes back signed in', async () => {
    const page = await browser.newPage()
    await page.goto(`${appUrl}/api/oidc/login`)
    expect(new URL(page.url()).origin).toBe(op.issuer)
    await page.fill('input[name="login"]', 'amina')
    await page.click('button')
    await page.waitForURL(`${appUrl}/`)
    expect(await page.locator('h1').textContent()).toBe('The app')
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/session')
      return { status: response.status, body: (await response.json()) as unknown }
    })
    expect(session.status).toBe(200)
    expect(session.body).toMatchObject({ user: { displayName: 'Amina Handläggare', roles: ['officer'], district: 'rinkeby-kista' } })
    const cookies = await page.context().cookies(appUrl)
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    expect(cookies.find((c) => c.name === 'vbe_oidc')).toBeUndefined()
    await page.close()
  })
})
