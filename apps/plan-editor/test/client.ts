import { checkedFetch, passwordLogin } from '@vbe/test-openapi'
import { DEMO_PASSWORD } from '../src/demo.js'

export interface Reply<T = any> {
  status: number
  headers: Headers
  body: T
}

/** A logged-in HTTP client against a real server: cookie and CSRF token. Every response is checked against the app's OpenAPI document. */
export interface Client {
  readonly username: string
  get<T = any>(path: string): Promise<Reply<T>>
  send<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>
}

async function reply(res: Response): Promise<Reply> {
  const type = res.headers.get('content-type') ?? ''
  const body = type.includes('json') ? await res.json() : type.includes('pdf') ? Buffer.from(await res.arrayBuffer()) : await res.text()
  return { status: res.status, headers: res.headers, body }
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const { cookie, csrfToken } = await passwordLogin(base, username, password, checkedFetch)
  return {
    username,
    get: async (path) => reply(await checkedFetch(`${base}${path}`, { headers: { cookie } })),
    send: async (method, path, body, headers = {}) =>
      reply(
        await checkedFetch(`${base}${path}`, {
          method,
          headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      ),
  }
}
