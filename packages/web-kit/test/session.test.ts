import { describe, expect, it } from 'vitest'
import { createApiClient } from '../src/api.js'
import { endSessionUrlOf } from '../src/session.js'

/* What the log-out button does after DELETE /api/session: go on to the identity provider's sign-out, or stay. */

describe('after logging out', () => {
  it('goes on to the provider’s sign-out when the server answers with one, and stays on a 204', async () => {
    const answers: Record<string, Response> = {
      oidc: new Response(JSON.stringify({ endSessionUrl: 'https://login.example.org/session/end?client_id=vbe' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
      password: new Response(null, { status: 204 }),
    }
    for (const [kind, expected] of [
      ['oidc', 'https://login.example.org/session/end?client_id=vbe'],
      ['password', null],
    ] as const) {
      const client = createApiClient({ fetch: async () => answers[kind]! })
      expect(endSessionUrlOf(await client.request<unknown>('/api/session', { method: 'DELETE' }))).toBe(expected)
    }
  })

  it('follows nothing but an http(s) URL', () => {
    expect(endSessionUrlOf({ endSessionUrl: 'javascript:alert(1)' })).toBeNull()
    expect(endSessionUrlOf({ endSessionUrl: 42 })).toBeNull()
    expect(endSessionUrlOf(undefined)).toBeNull()
    expect(endSessionUrlOf('https://login.example.org/')).toBeNull()
  })
})
