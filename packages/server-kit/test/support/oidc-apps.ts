// Staff apps signing in at one loopback OpenID provider, each with its own database, server
// and client id. Two of them with back-channel logout URIs are what the grant-screening app
// and the plan editor are in production; one alone is the app the sign-out and throttle
// tests swap the options of. Every logout token the provider (or a test) posts is kept.
import { sql } from 'kysely'
import {
  createApi,
  DEFAULT_AUTH_POLICY,
  kitMigrations,
  listen,
  openDatabase,
  OIDC_BACKCHANNEL_LOGOUT_PATH,
  registerSignIn,
  type AuthPolicy,
  type Database,
  type DatabaseConfig,
  type KitOptions,
  type Listening,
} from '../../src/index.js'
import { startTestProvider, testAppSignIn, TestBrowser, type TestProvider } from './oidc-provider.js'

export interface PostedLogout {
  readonly token: string
  readonly status: number
  readonly cacheControl: string | null
}

export interface TestApp {
  readonly clientId: string
  readonly database: Database
  readonly server: Listening
  readonly url: string
  /** The logout tokens posted to the app's back-channel URI, with the app's answers, oldest first. */
  readonly posted: PostedLogout[]
  readonly login: string
  readonly home: (u: URL) => boolean
  /** Posts `body` to the back-channel URI: form fields as the provider would, or a string as it is (form-encoded unless `headers` say otherwise). */
  postLogout(body: Record<string, string> | string, headers?: Record<string, string>): Promise<Response>
  /** Whether `browser` has a live session here (`GET /api/session` answers 200). */
  signedIn(browser: TestBrowser): Promise<boolean>
  /** A query on the app's database. */
  rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]>
  /** How many rows `table` of the app's database holds. */
  count(table: string): Promise<number>
  /**
   * Answers from now on with a fresh app (no state kept in memory) made with `options`: the
   * kit's API signing in at the provider, its sign-in routes and a home page at `/`. A
   * `signIn` in `options` replaces the provider's.
   */
  renew(options?: AppOptions): void
}

/** The throttle the limits tests set: three refusals from an address, then a wait of a minute. */
export const THREE_THEN_A_MINUTE: AuthPolicy = { ...DEFAULT_AUTH_POLICY, maxFailuresPerAddress: 3, firstDelayMs: 60_000 }

/** The kit's options of a test app, beside its database (which is its own). */
export type AppOptions = Omit<KitOptions, 'database'>

export interface TwoApps {
  readonly op: TestProvider
  /** Its client asks for `sid` in logout tokens (backchannel_logout_session_required). */
  readonly grants: TestApp
  /** Its client does not: its logout tokens name only the user (`sub`). */
  readonly plans: TestApp
  close(): Promise<void>
}

const GRANTS_CLIENT = 'vbe-test'
const PLANS_CLIENT = 'vbe-plans'

async function startApp(
  clientId: string,
  hostname: string,
  config: DatabaseConfig,
  provider: () => TestProvider,
): Promise<TestApp & { close(): Promise<void> }> {
  const database = await openDatabase(config, [kitMigrations])
  const posted: PostedLogout[] = []
  let fetch: (request: Request, env?: object) => Response | Promise<Response> = () => new Response('not ready', { status: 503 })
  const server = await listen(
    async (request: Request, env?: object) => {
      const path = new URL(request.url).pathname
      if (request.method !== 'POST' || path !== OIDC_BACKCHANNEL_LOGOUT_PATH) return fetch(request, env)
      const token = new URLSearchParams(await request.clone().text()).get('logout_token') ?? ''
      const response = await fetch(request, env)
      posted.push({ token, status: response.status, cacheControl: response.headers.get('cache-control') })
      return response
    },
    { port: 0, hostname },
  )
  const url = server.url
  const renew = (options: AppOptions = {}) => {
    const app = createApi({ database, signIn: testAppSignIn(provider(), clientId, url), ...options })
    registerSignIn(app)
    app.get('/', (c) => c.html('<!doctype html><html lang="en"><title>App</title><h1>The app</h1></html>'))
    fetch = app.fetch
  }
  // The app needs the provider's address, and the provider the app's: the app is made at its first request.
  fetch = (request, env) => {
    renew()
    return fetch(request, env)
  }
  return {
    clientId,
    database,
    server,
    url,
    posted,
    login: `${url}/api/oidc/login`,
    home: (u) => u.pathname === '/' && u.origin === url,
    postLogout: (body, headers = {}) =>
      globalThis.fetch(`${url}${OIDC_BACKCHANNEL_LOGOUT_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
      }),
    signedIn: async (browser) => (await browser.request(`${url}/api/session`)).status === 200,
    rows: async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.kysely)).rows,
    count: async (table) =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.kysely)).rows[0]!.n),
    renew,
    close: async () => {
      await server.close()
      await database.close()
    },
  }
}

/** Holds the provider for the apps, which start before it (its client needs their addresses). */
function providerHolder() {
  const holder: { op?: TestProvider } = {}
  const provider = () => {
    if (!holder.op) throw new Error('The provider has not started')
    return holder.op
  }
  return { provider, started: (op: TestProvider) => (holder.op = op) }
}

export interface OneApp {
  readonly op: TestProvider
  /** The provider's own client (`op.clientId`), with a post-logout redirect to `/` and no back-channel URI. */
  readonly app: TestApp
  close(): Promise<void>
}

/** Starts one app on 127.0.0.1 and the provider, with a fresh database from `database`. */
export async function startOneApp(
  accounts: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  database: () => Promise<DatabaseConfig>,
): Promise<OneApp> {
  const { provider, started } = providerHolder()
  const app = await startApp(GRANTS_CLIENT, '127.0.0.1', await database(), provider)
  const op = started(
    await startTestProvider({ accounts, redirectUris: [`${app.url}/api/oidc/callback`], postLogoutRedirectUris: [`${app.url}/`] }),
  )
  return {
    op,
    app,
    close: async () => {
      await app.close()
      await op.close()
    },
  }
}

/**
 * Starts both apps and the provider. They listen on 127.0.0.1 and 127.0.0.2 (the provider
 * on 127.0.0.1): one browser's cookie jar then keeps the two apps' session cookies apart,
 * as two host names would in production.
 */
export async function startTwoApps(
  accounts: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  databases: () => Promise<DatabaseConfig>,
): Promise<TwoApps> {
  const { provider, started } = providerHolder()
  const grants = await startApp(GRANTS_CLIENT, '127.0.0.1', await databases(), provider)
  const plans = await startApp(PLANS_CLIENT, '127.0.0.2', await databases(), provider)
  const op = await startTestProvider({
    accounts,
    redirectUris: [`${grants.url}/api/oidc/callback`],
    postLogoutRedirectUris: [`${grants.url}/`],
    backchannelLogoutUri: `${grants.url}${OIDC_BACKCHANNEL_LOGOUT_PATH}`,
    moreClients: [
      {
        clientId: PLANS_CLIENT,
        redirectUris: [`${plans.url}/api/oidc/callback`],
        postLogoutRedirectUris: [`${plans.url}/`],
        backchannelLogoutUri: `${plans.url}${OIDC_BACKCHANNEL_LOGOUT_PATH}`,
        backchannelLogoutSessionRequired: false,
      },
    ],
  })
  started(op)
  return {
    op,
    grants,
    plans,
    close: async () => {
      await grants.close()
      await plans.close()
      await op.close()
    },
  }
}
