import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The authorisation matrix both staff apps run over real HTTP: every endpoint of the
 * app's OpenAPI document × the same personas, each with the status it must get. An app
 * lists its endpoints in a matrix file (one row per operation); the run fails when the
 * document has an operation without a row, or a row names no operation, so a new
 * endpoint cannot be forgotten. Responses to the other district's personas must not
 * carry any name or id of the home district's fixture.
 */

/**
 * The personas, in the order of a row's expected statuses. The first seven are of the
 * home district (or city-wide); the last three belong to the other district.
 */
export const PERSONAS = [
  'anonymous',
  'officer',
  'approver',
  'admin-district',
  'admin-city',
  'auditor',
  'officer-approver',
  'officer-other',
  'approver-other',
  'admin-other',
] as const
export type Persona = (typeof PERSONAS)[number]
export type LoggedIn = Exclude<Persona, 'anonymous'>
const OTHER: readonly Persona[] = ['officer-other', 'approver-other', 'admin-other']

/** The status each persona must get, in the order of `PERSONAS`. */
export type Expected = readonly [number, number, number, number, number, number, number, number, number, number]

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** The body parsed as JSON (throws when it is not). */
  json<T = unknown>(): T
}

/** A logged-in session (cookie and CSRF token), or none for `anonymous`. */
export interface MatrixClient {
  readonly username: string | null
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>
}

export interface MatrixApi {
  readonly url: string
  as(persona: Persona): MatrixClient
  /** A new session for a user (for calls that end the session). */
  login(username: string): Promise<MatrixClient>
}

/** What a row's setup made: the ids to put into the path, and the texts no other district may see. */
export interface Fixture {
  readonly ids: Readonly<Record<string, string>>
  /** Names and ids of the home district's fixture: no response to another district's persona may contain them. */
  readonly secrets: readonly string[]
  /** Anything else the request needs (a document to send back, for example). */
  readonly data?: Readonly<Record<string, unknown>>
}

export interface MatrixRow {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** The path as the OpenAPI document writes it: `/api/plans/{id}`. */
  readonly path: string
  readonly expect: Expected
  /** Makes a fresh fixture in the home district, for each persona in turn. */
  readonly setup?: (api: MatrixApi, persona: Persona) => Promise<Fixture>
  /** The request: its body, headers, or another path (query strings). */
  readonly request?: (
    fixture: Fixture,
    persona: Persona,
  ) => { readonly path?: string; readonly body?: unknown; readonly headers?: Record<string, string> }
  /** A further check of a successful reply (what a 200 may contain, for example): a failure's description, or undefined. */
  readonly check?: (reply: Reply, persona: Persona, fixture: Fixture) => string | undefined
  /** Send it on a fresh session of the persona (a logout would end the shared one). */
  readonly freshSession?: boolean
  /** Why the statuses are what they are, where it is not obvious. */
  readonly note?: string
}

export interface MatrixApp {
  readonly name: string
  /** Starts a server on loopback with its demo users. */
  start(): Promise<{ readonly url: string; stop(): Promise<void> }>
  /** The username of each persona. */
  readonly users: Readonly<Record<LoggedIn, string>>
  readonly password: string
  readonly rows: readonly MatrixRow[]
  /** Further cases (self-approval, cross-district) on the same server and sessions. */
  readonly more?: (api: () => MatrixApi) => void
}

const NO_FIXTURE: Fixture = { ids: {}, secrets: [] }

async function reply(res: Response): Promise<Reply> {
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) }
}

/** Logs a user in over HTTP; the client sends the session cookie and the CSRF token. */
export async function loginClient(url: string, username: string, password: string): Promise<MatrixClient> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return client(url, username, { cookie, 'x-csrf-token': csrfToken })
}

function client(url: string, username: string | null, session: Record<string, string>): MatrixClient {
  return {
    username,
    send: async (method, path, body, headers = {}) =>
      reply(
        await fetch(`${url}${path}`, {
          method,
          headers: {
            ...session,
            ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      ),
  }
}

/** `/api/plans/{id}` with `{ id: 'p1' }` → `/api/plans/p1`. A placeholder without an id fails the row. */
export function fillPath(path: string, ids: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const id = ids[name]
    if (id === undefined) throw new Error(`No id for {${name}} in ${path}: the row's setup must give one`)
    return encodeURIComponent(id)
  })
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Every operation of an OpenAPI document, as `METHOD /path`. */
export function operationsOf(document: { paths?: Record<string, Partial<Record<string, unknown>>> }): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`),
  )
}

/** Registers the matrix for one app: its coverage of the OpenAPI document, then one test per row. */
export function authorisationMatrix(app: MatrixApp): void {
  describe(`authorisation matrix: ${app.name}`, () => {
    let server: { url: string; stop(): Promise<void> }
    const sessions = new Map<Persona, MatrixClient>()
    let api: MatrixApi

    beforeAll(async () => {
      server = await app.start()
      sessions.set('anonymous', client(server.url, null, {}))
      for (const persona of PERSONAS)
        if (persona !== 'anonymous') sessions.set(persona, await loginClient(server.url, app.users[persona], app.password))
      api = {
        url: server.url,
        as: (persona) => sessions.get(persona)!,
        login: (username) => loginClient(server.url, username, app.password),
      }
    }, 120_000)
    afterAll(() => server?.stop())

    it('has one row for every operation in the OpenAPI document, and none for an operation it lacks', async () => {
      const document = (await api.as('anonymous').send('GET', '/api/openapi.json')).json<{
        paths: Record<string, Record<string, unknown>>
      }>()
      const documented = operationsOf(document).sort()
      const rows = app.rows.map((r) => `${r.method} ${r.path}`)
      expect(
        rows.filter((r, i) => rows.indexOf(r) !== i),
        'rows listed twice',
      ).toEqual([])
      expect(
        documented.filter((o) => !rows.includes(o)),
        'operations without a row in the matrix',
      ).toEqual([])
      expect(
        rows.filter((r) => !documented.includes(r)),
        'rows for operations the document does not have',
      ).toEqual([])
    })

    for (const row of app.rows) {
      it(`${row.method} ${row.path}${row.note ? ` (${row.note})` : ''}`, async () => {
        const failures: string[] = []
        for (const [i, persona] of PERSONAS.entries()) {
          const fixture = row.setup ? await row.setup(api, persona) : NO_FIXTURE
          const request = row.request?.(fixture, persona) ?? {}
          const path = request.path ?? fillPath(row.path, fixture.ids)
          const session = row.freshSession && persona !== 'anonymous' ? await api.login(app.users[persona]) : api.as(persona)
          const res = await session.send(row.method, path, request.body, request.headers)
          const want = row.expect[i]
          const label = `${persona} ${row.method} ${path}: got ${res.status}, want ${want}: ${res.text.slice(0, 240)}`
          if (res.status !== want) failures.push(label)
          const extra = res.status === want && res.status < 300 ? row.check?.(res, persona, fixture) : undefined
          if (extra !== undefined) failures.push(`${persona} ${row.method} ${path}: ${extra}`)
          if (res.status >= 400 && res.headers.get('content-type') !== 'application/problem+json')
            failures.push(`${label}: not problem+json`)
          if (OTHER.includes(persona)) {
            for (const secret of fixture.secrets)
              if (res.text.includes(secret))
                failures.push(`${persona} ${row.method} ${path}: the response carries the other district's ${JSON.stringify(secret)}`)
          }
        }
        expect(failures).toEqual([])
      }, 120_000)
    }

    app.more?.(() => api)
  })
}

// ---------------------------------------------------------------------------
// What both apps' matrices start with: the demo users as personas, and the rows of
// the kit's own endpoints (health and session), which every app serves alike.
// ---------------------------------------------------------------------------

/** Every logged-in persona may; anonymous gets 401. */
export const ALL_LOGGED_IN: Expected = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200]

/**
 * The demo users behind the personas, named `<role>.<district code>` as both apps' demo
 * data names them: `home` is the home district's code (`rk`), `other` the other's (`nm`).
 */
export function demoPersonaUsers(home: string, other: string): Readonly<Record<LoggedIn, string>> {
  return {
    officer: `officer.${home}`,
    approver: `approver.${home}`,
    'admin-district': `admin.${home}`,
    'admin-city': 'admin',
    auditor: 'auditor',
    'officer-approver': `officer-approver.${home}`,
    'officer-other': `officer.${other}`,
    'approver-other': `approver.${other}`,
    'admin-other': `admin.${other}`,
  }
}

/**
 * The rows of the kit's own endpoints: health, logging in (each persona as itself,
 * anonymous with a wrong password, on a fresh session since a login ends the session the
 * browser held), the session, logging out, and the sign-in routes (OpenID Connect is not
 * configured in the matrices: its routes answer 404 to everyone; server-kit's oidc tests
 * cover it on).
 */
export function kitRows(users: Readonly<Record<LoggedIn, string>>, password: string): MatrixRow[] {
  return [
    { method: 'GET', path: '/api/health', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
    {
      method: 'POST',
      path: '/api/session',
      expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      note: 'each persona logs in as itself; anonymous with a wrong password',
      freshSession: true,
      request: (_f, persona) => ({
        body: {
          username: users[persona === 'anonymous' ? 'officer' : persona],
          password: persona === 'anonymous' ? 'wrong-password' : password,
        },
      }),
    },
    { method: 'GET', path: '/api/session', expect: ALL_LOGGED_IN },
    { method: 'DELETE', path: '/api/session', expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204], freshSession: true },
    { method: 'GET', path: '/api/sign-in', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
    { method: 'GET', path: '/api/oidc/login', expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
    { method: 'GET', path: '/api/oidc/callback', expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
    { method: 'POST', path: '/api/oidc/backchannel-logout', expect: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
  ]
}
