import type { FuzzSession } from './fuzz.js'

/**
 * Logs in with a user name and password over the kit's `POST /api/session`: the session cookie and
 * its CSRF token, for the fuzz suite and the apps' test clients. `fetchWith` sends the request
 * (`checkedFetch` to check the answer against the app's OpenAPI document too); default `fetch`.
 */
export async function passwordLogin(
  url: string,
  username: string,
  password: string,
  fetchWith: (input: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<FuzzSession> {
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
