import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { ActiveSession } from '../../auth.js'
import { problemIn, ProblemResponse } from '../../errors.js'
import { CSRF_HEADER, SESSION_COOKIE, session } from './index.js'

const TOKEN = 'token-1'
const ACTIVE: ActiveSession = {
  sessionId: 's1',
  csrfToken: 'csrf-1',
  user: { id: 'u1', username: 'anna', displayName: 'Anna', roles: ['officer'], district: 'rinkeby-kista' },
}

/** The middleware alone, over a lookup that knows one token. */
const app = new Hono<{ Variables: { session: ActiveSession | null } }>()
  .use(
    '/api/*',
    session(async (_c, token) => (token === TOKEN ? ACTIVE : null)),
  )
  .get('/api/me', (c) => c.json({ user: c.get('session')?.user.username ?? null }))
  .post('/api/things', (c) => c.json({ user: c.get('session')?.user.username ?? null }, 201))
  .post('/api/session', (c) => c.json({ login: true }))
  .onError((error, c) =>
    error instanceof ProblemResponse ? c.json(problemIn(error.problem, 'en'), error.problem.status as 403) : c.text('unexpected', 500),
  )
const cookie = `${SESSION_COOKIE}=${TOKEN}`

describe('session', () => {
  it('puts the session from the cookie on the context, and null without one or with an unknown one', async () => {
    expect(await (await app.request('/api/me', { headers: { cookie } })).json()).toEqual({ user: 'anna' })
    expect(await (await app.request('/api/me')).json()).toEqual({ user: null })
    expect(await (await app.request('/api/me', { headers: { cookie: `${SESSION_COOKIE}=stale` } })).json()).toEqual({ user: null })
  })

  it('refuses an unsafe request with the cookie but without the right CSRF token (403 csrf)', async () => {
    for (const headers of [{ cookie }, { cookie, [CSRF_HEADER]: 'wrong' }]) {
      const res = await app.request('/api/things', { method: 'POST', headers })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({
        code: 'csrf',
        detail: 'Missing or wrong x-csrf-token header. Get the token from GET /api/session.',
      })
    }
    const ok = await app.request('/api/things', { method: 'POST', headers: { cookie, [CSRF_HEADER]: ACTIVE.csrfToken } })
    expect(ok.status).toBe(201)
  })

  it('needs no token to log in, and none without a session (nothing to forge)', async () => {
    expect((await app.request('/api/session', { method: 'POST', headers: { cookie } })).status).toBe(200)
    expect((await app.request('/api/things', { method: 'POST' })).status).toBe(201)
  })
})
