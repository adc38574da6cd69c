import type { Expected, LoggedIn, MatrixApi, MatrixRow, Persona } from './authz-matrix.js'

const NO_SESSION = '00000000-0000-4000-8000-000000000000'

/** `endUser` with each success as `ok` (204 for a DELETE without a body). */
const withSuccess = (e: Expected, ok: number): Expected => {
  const f = (s: number) => (s >= 200 && s < 300 ? ok : s)
  return [f(e[0]), f(e[1]), f(e[2]), f(e[3]), f(e[4]), f(e[5]), f(e[6]), f(e[7]), f(e[8]), f(e[9])]
}

/**
 * The matrix rows of the kit's session, account and security-log routes, the same in
 * both apps: everyone logged in lists and ends their own sessions and may try to change
 * their password (here with a wrong current password, so that no persona's password or
 * sessions change: 400); admins list the users in their scope, and act on `target`'s
 * account (`endUser` says who may: a district admin only in its own district; the
 * disable row enables, which changes nothing); admins and auditors read the security
 * log. `target` must be no persona, since its sessions end.
 */
export function sessionMatrixRows(users: Readonly<Record<LoggedIn, string>>, target: string, endUser: Expected): MatrixRow[] {
  const userId = async (api: MatrixApi, username: string) =>
    (await (await api.login(username)).send('GET', '/api/session')).json<{ user: { id: string } }>().user.id
  return [
    { method: 'GET', path: '/api/sessions', expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
    {
      method: 'DELETE',
      path: '/api/sessions/{id}',
      expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204],
      note: 'each persona ends another session of its own',
      setup: async (api: MatrixApi, persona: Persona) => {
        if (persona === 'anonymous') return { ids: { id: NO_SESSION }, secrets: [] }
        const other = await api.login(users[persona])
        const listed = (await other.send('GET', '/api/sessions')).json<{ sessions: { id: string; current: boolean }[] }>()
        return { ids: { id: listed.sessions.find((s) => s.current)!.id }, secrets: [] }
      },
    },
    {
      method: 'DELETE',
      path: '/api/users/{userId}/sessions',
      expect: endUser,
      note: `admins end ${target}’s sessions; a district admin only in its own district`,
      setup: async (api: MatrixApi) => ({ ids: { userId: await userId(api, target) }, secrets: [] }),
    },
    { method: 'GET', path: '/api/session/password', expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
    {
      method: 'PUT',
      path: '/api/session/password',
      expect: [401, 400, 400, 400, 400, 400, 400, 400, 400, 400],
      note: 'each persona with a wrong current password',
      request: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'a new and long enough password' } }),
    },
    {
      method: 'GET',
      path: '/api/users',
      expect: [401, 403, 403, 200, 200, 403, 403, 403, 403, 200],
      check: (reply) => (/scrypt|"username"/.test(reply.text) ? 'the user list shows a password hash or a username' : undefined),
    },
    {
      method: 'GET',
      path: '/api/users/{userId}/sessions',
      expect: endUser,
      setup: async (api: MatrixApi) => ({ ids: { userId: await userId(api, target) }, secrets: [] }),
    },
    {
      method: 'DELETE',
      path: '/api/users/{userId}/sessions/{sessionId}',
      expect: withSuccess(endUser, 204),
      note: `admins end one of ${target}’s sessions`,
      setup: async (api: MatrixApi) => {
        const session = await api.login(target)
        const mine = (await session.send('GET', '/api/sessions')).json<{ sessions: { id: string; current: boolean }[] }>()
        const user = (await session.send('GET', '/api/session')).json<{ user: { id: string } }>().user.id
        return { ids: { userId: user, sessionId: mine.sessions.find((s) => s.current)!.id }, secrets: [] }
      },
    },
    {
      method: 'PUT',
      path: '/api/users/{userId}/disabled',
      expect: endUser,
      note: `admins enable ${target} (already enabled: nothing changes)`,
      setup: async (api: MatrixApi) => ({ ids: { userId: await userId(api, target) }, secrets: [] }),
      request: () => ({ body: { disabled: false } }),
    },
    { method: 'GET', path: '/api/security-log', expect: [401, 403, 403, 200, 200, 200, 403, 403, 403, 200] },
  ]
}
