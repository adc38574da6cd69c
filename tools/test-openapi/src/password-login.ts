/** A signed-in session as a client holds it: the session cookie (`name=value`) and its CSRF token. */
export interface LoginSession {
  readonly cookie: string
  readonly csrfToken: string
}

/**
 * Logs in with a user name and password over the kit's `POST /api/session`: the session cookie and
 * its CSRF token, for the fuzz suite, the apps' test clients and the benchmarks (which import it
 * alone, as `@vbe/test-openapi/login`, without the contract checks' dependencies). `fetchWith` sends
 * the request: `checkedFetch` to check the answer against the app's OpenAPI document too, or an
 * app's own `request` to log in without a server; default `fetch`.
 */
export async function passwordLogin(
  url: string,
  username: string,
  password: string,
  fetchWith: (input: string, init: RequestInit) => Response | Promise<Response> = fetch,
): Promise<LoginSession> {
  const res = await fetchWith(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`login ${username}: no session cookie`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken }
}
