import type { FuzzSession } from './fuzz.js'

/** Logs in with a user name and password over the kit's `POST /api/session`, for the fuzz suite. */
export async function passwordLogin(url: string, username: string, password: string): Promise<FuzzSession> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? ''
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken }
}
