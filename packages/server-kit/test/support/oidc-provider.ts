// A real OpenID provider on loopback for tests (oidc-provider), with one confidential
// client and a login interaction a test drives over HTTP, and a small browser (a cookie
// jar that follows redirects by hand) to drive it.
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT, type JWTPayload } from 'jose'
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider'
import { signInSettingsFromEnv } from '../../src/index.js'

export interface TestProviderOptions {
  /** Account id → the claims the provider says about it (`sub` is the account id). */
  readonly accounts: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** The client's redirect URIs. */
  readonly redirectUris: readonly string[]
  /** Where the provider may send the browser after ending its session (RP-initiated logout). */
  readonly postLogoutRedirectUris?: readonly string[]
  /** ID token lifetime in seconds (default one hour). */
  readonly idTokenTtlSeconds?: number
  /** Where the provider posts logout tokens when the user signs out (back-channel logout); none by default. */
  readonly backchannelLogoutUri?: string
  /** Whether the client's logout tokens (and ID tokens) carry the provider's session id `sid` (default true with a URI). */
  readonly backchannelLogoutSessionRequired?: boolean
  /** More clients (another app), with the same secret. */
  readonly moreClients?: readonly TestClient[]
}

export interface TestClient {
  readonly clientId: string
  readonly redirectUris: readonly string[]
  readonly postLogoutRedirectUris?: readonly string[]
  readonly backchannelLogoutUri?: string
  readonly backchannelLogoutSessionRequired?: boolean
}

export interface TestProvider {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** Signs a JWT with the provider's own key (kid `test`), for tokens the provider would never issue. */
  sign(payload: JWTPayload, header?: { readonly typ?: string }): Promise<string>
  /** The back-channel logout posts that failed (the app did not answer 200), as the provider reported them. */
  readonly backchannelErrors: string[]
  close(): Promise<void>
}

const CLAIMS: Configuration['claims'] = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name'],
  email: ['email'],
  groups: ['groups', 'district'],
}

/** Starts the provider on 127.0.0.1 on a free port. */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  // Listening first: the issuer URL holds the port. Requests are answered once the provider exists.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = 'vbe-test'
  const clientSecret = 'a-test-secret-that-is-long-enough-for-hs256'
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }

  const clientOf = (c: TestClient): ClientMetadata => ({
    client_id: c.clientId,
    client_secret: clientSecret,
    redirect_uris: [...c.redirectUris],
    post_logout_redirect_uris: [...(c.postLogoutRedirectUris ?? [])],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...(c.backchannelLogoutUri
      ? { backchannel_logout_uri: c.backchannelLogoutUri, backchannel_logout_session_required: c.backchannelLogoutSessionRequired ?? true }
      : {}),
  })
  const main: TestClient = {
    clientId,
    redirectUris: options.redirectUris,
    ...(options.postLogoutRedirectUris ? { postLogoutRedirectUris: options.postLogoutRedirectUris } : {}),
    ...(options.backchannelLogoutUri ? { backchannelLogoutUri: options.backchannelLogoutUri } : {}),
    ...(options.backchannelLogoutSessionRequired !== undefined
      ? { backchannelLogoutSessionRequired: options.backchannelLogoutSessionRequired }
      : {}),
  }

  const provider = new Provider(issuer, {
    clients: [main, ...(options.moreClients ?? [])].map(clientOf),
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-one'] },
    claims: CLAIMS,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, backchannelLogout: { enabled: true } },
    // The provider refuses to post to special-use addresses such as loopback (SSRF protection);
    // the apps under test listen on loopback, so its outgoing requests go without that check here.
    fetch: (url, init) => {
      const { dispatcher: _checked, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: unknown }
      return globalThis.fetch(url, rest)
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      IdToken: options.idTokenTtlSeconds ?? 3600,
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    findAccount: (_ctx, sub) => {
      const claims = options.accounts[sub]
      return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined
    },
  })
  const callback = provider.callback()
  const backchannelErrors: string[] = []
  provider.on('backchannel.error', (_ctx: unknown, error: Error) => backchannelErrors.push(error.message))

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname)
    if (!match) return void callback(req, res)
    interaction(provider, req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })

  return {
    issuer,
    clientId,
    clientSecret,
    sign: (payload, header) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'test', ...(header?.typ ? { typ: header.typ } : {}) }).sign(privateKey),
    backchannelErrors,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}

/**
 * The login prompt: GET shows the form, POST `login=<account>` signs that account in. The
 * consent prompt that follows is granted at once (the apps are the city's own clients).
 */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res)
  if (details.prompt.name === 'login' && req.method !== 'POST') {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(
      '<!doctype html><html lang="en"><title>Test provider</title><form method="post"><label>Account <input name="login"></label><button>Sign in</button></form></html>',
    )
    return
  }
  if (details.prompt.name === 'login') {
    const login = new URLSearchParams(await text(req)).get('login') ?? ''
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false })
    return
  }
  const accountId = details.session?.accountId ?? ''
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId: String(details.params['client_id']) }))
    : new provider.Grant({ accountId, clientId: String(details.params['client_id']) })
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] }
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
  const grantId = await grant.save()
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

interface StoredCookie {
  readonly name: string
  readonly value: string
  readonly path: string
}

/**
 * A browser's part in a sign-in: a cookie jar per host (ports share cookies, as in a
 * browser), requests that do not follow redirects, and `signIn` that walks the whole
 * flow from the app's login URL to the provider, through its login form, and back.
 */
export class TestBrowser {
  private readonly jar = new Map<string, StoredCookie[]>()

  /** `language` goes in every request's Accept-Language. */
  constructor(readonly language: 'sv' | 'en' = 'en') {}

  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url)
    const cookies = (this.jar.get(target.hostname) ?? []).filter((c) => target.pathname.startsWith(c.path))
    const headers: Record<string, string> = { 'accept-language': this.language, ...init.headers }
    if (cookies.length) headers['cookie'] = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(init.body ? { body: init.body } : {}),
    })
    for (const line of response.headers.getSetCookie()) this.store(target, line)
    return response
  }

  /** The cookie `name` this browser holds for `url`'s host, if any. */
  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.find((c) => c.name === name)?.value
  }

  private store(target: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1)
    const path = attr('path') ?? '/'
    const expired = attr('max-age') === '0' || (attr('expires') !== undefined && new Date(attr('expires')!).getTime() < Date.now())
    const list = (this.jar.get(target.hostname) ?? []).filter((c) => !(c.name === name && c.path === path))
    if (!expired && value !== '') list.push({ name, value, path })
    this.jar.set(target.hostname, list)
  }

  /**
   * From `startUrl` (the app's `/api/oidc/login`) through the provider's login as `account`,
   * following every redirect until the answer is no redirect or `stopAt` says stop. Returns
   * the last response and the URL it answered.
   */
  async signIn(
    startUrl: string,
    account: string,
    stopAt: (url: URL) => boolean = () => false,
  ): Promise<{ url: string; response: Response }> {
    let url = startUrl
    let response = await this.request(url)
    for (let hops = 0; hops < 20; hops++) {
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url).href
        if (stopAt(new URL(url))) return { url, response }
        response = await this.request(url)
      } else if (new URL(url).pathname.startsWith('/interaction/') && response.status === 200) {
        await response.text()
        response = await this.request(url, {
          method: 'POST',
          body: new URLSearchParams({ login: account }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      } else return { url, response }
    }
    throw new Error(`The sign-in did not end after 20 steps; it was at ${url}`)
  }

  /**
   * Whether a sign-in from `startUrl` stops at the provider's login form (it has no session
   * for this browser), rather than coming straight back to the app (it has one).
   */
  async asksForCredentials(startUrl: string): Promise<boolean> {
    let url = startUrl
    let response = await this.request(url)
    for (let hops = 0; hops < 20; hops++) {
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url).href
        response = await this.request(url)
      } else {
        const page = await response.text()
        return new URL(url).pathname.startsWith('/interaction/') && response.status === 200 && page.includes('name="login"')
      }
    }
    throw new Error(`The sign-in did not end after 20 steps; it was at ${url}`)
  }

  /**
   * Follows the provider's end-session URL as a person would: the provider asks "do you
   * want to sign out?", and the person says yes. Returns where the provider sends the
   * browser afterwards.
   */
  async signOutAt(endSessionUrl: string): Promise<string> {
    const ask = await this.request(endSessionUrl)
    if (ask.status !== 200) throw new Error(`The provider's sign-out answered ${ask.status}`)
    const page = await ask.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1]
    if (!action || !xsrf) throw new Error(`No sign-out form on the provider's page: ${page.slice(0, 300)}`)
    const done = await this.request(new URL(action, endSessionUrl).href, {
      method: 'POST',
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    if (done.status < 300 || done.status >= 400) throw new Error(`The provider's sign-out confirmation answered ${done.status}`)
    return new URL(done.headers.get('location') ?? '', endSessionUrl).href
  }
}

/**
 * The sign-in settings of a test app that signs in at `op` as `clientId` from `url`: the
 * provider's groups and district claims mapped as the tests' accounts use them.
 */
export const testAppSignIn = (op: TestProvider, clientId: string, url: string) =>
  signInSettingsFromEnv(
    {
      VBE_OIDC_ISSUER: op.issuer,
      VBE_OIDC_CLIENT_ID: clientId,
      VBE_OIDC_CLIENT_SECRET: op.clientSecret,
      VBE_OIDC_REDIRECT_BASE_URL: url,
      VBE_OIDC_SCOPES: 'openid profile groups',
      VBE_OIDC_ROLE_MAP: '{"vbe-handlaggare":"officer","vbe-admin":"admin"}',
      VBE_OIDC_DISTRICT_CLAIM: 'district',
    },
    ['rinkeby-kista', 'norrmalm'],
  )
