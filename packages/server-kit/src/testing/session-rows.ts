import type { Expected, LoggedIn, MatrixApi, MatrixRow, Persona } from './authz-matrix.js'

const NO_SESSION = '00000000-0000-4000-8000-000000000000'

/**
 * The matrix rows of the kit's session and security-log routes, the same in both apps:
 * everyone logged in lists and ends their own sessions; an admin ends `target`'s
 * sessions (`endUser` says who may: a district admin only in its own district); admins
 * and auditors read the security log. `target` must be no persona, since its sessions end.
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
    { method: 'GET', path: '/api/security-log', expect: [401, 403, 403, 200, 200, 200, 403, 403, 403, 200] },
  ]
}
