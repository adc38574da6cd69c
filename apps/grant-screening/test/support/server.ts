import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { inject } from 'vitest'
import { createDatabase } from '@vbe/test-postgres'
import type { ComposedPlugins } from '@vbe/core/plugins'
import type { AuthPolicy, Database, DatabaseConfig } from '@vbe/server-kit'
import { checkedFetch, passwordLogin } from '@vbe/test-openapi'
import { createGrantApp, DEMO_PASSWORD, openGrantDatabase, seedDemoData, type Tables } from '../../src/index.js'

export type DatabaseKind = 'pglite' | 'postgres'

export async function databaseConfig(kind: DatabaseKind): Promise<DatabaseConfig> {
  return kind === 'pglite' ? { kind: 'pglite', dataDir: null } : { kind: 'postgres', url: await createDatabase(inject('postgresUrl')) }
}

export interface TestServer {
  readonly url: string
  readonly database: Database<Tables>
  /** Serves a new app over the same database (for example with changed rules), on a new port. */
  restart(opts: { plugins?: ComposedPlugins }): Promise<TestServer>
  stop(): Promise<void>
  /** Logs in a demo user and returns a small client with its cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>
}

export interface Client {
  readonly username: string
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  json<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>
  /** The same session (cookie and CSRF token) sent to another server. */
  at(url: string): Client
}

/** A real server on loopback (port 0) over a real database, with the demo users and cases. */
export async function startTestServer(
  opts: { database?: DatabaseKind; plugins?: ComposedPlugins; clock?: { now: () => Date }; authPolicy?: AuthPolicy } = {},
): Promise<TestServer> {
  const database = await openGrantDatabase(await databaseConfig(opts.database ?? 'pglite'))
  await seedDemoData(database, { ...(opts.plugins ? { plugins: opts.plugins } : {}), ...(opts.clock ? { clock: opts.clock } : {}) })
  return serveApp(database, opts, true)
}

async function serveApp(
  database: Database<Tables>,
  opts: { plugins?: ComposedPlugins; clock?: { now: () => Date }; authPolicy?: AuthPolicy },
  ownsDatabase: boolean,
): Promise<TestServer> {
  const app = createGrantApp({
    database,
    ...(opts.plugins ? { plugins: opts.plugins } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.authPolicy ? { authPolicy: opts.authPolicy } : {}),
    secureCookies: false,
  })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()))
      if (ownsDatabase) await database.close()
    },
    database,
    restart: (next) => serveApp(database, { ...opts, ...next }, false),
    login: (username, password = DEMO_PASSWORD) => login(url, username, password),
  }
}

export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const { cookie, csrfToken } = await passwordLogin(url, username, password, checkedFetch)
  return client(url, username, cookie, csrfToken)
}

function client(url: string, username: string, cookie: string, csrfToken: string): Client {
  // Every response is checked against the app's OpenAPI document (a violation fails the test).
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    checkedFetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
  return {
    username,
    request,
    async json(method, path, body, headers) {
      const res = await request(method, path, body, headers)
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
    },
    at: (other) => client(other, username, cookie, csrfToken),
  }
}
