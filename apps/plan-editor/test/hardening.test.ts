import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client } from './client.js'

/*
 * Issue 16, findings 5, 6, 9 and 13 in the plan editor, over real HTTP on loopback. Plain
 * fetch for the anonymous requests; the logged-in client checks every answer against the
 * OpenAPI document.
 */

let server: RunningServer
let officer: Client
let path: string
beforeAll(async () => {
  server = await startServer({ config: { kind: 'pglite', dataDir: null }, uiDir: null })
  officer = await login(server.url, 'officer.nm')
  const [plan] = (await officer.get('/api/plans')).body.items as { id: string }[]
  path = `/api/plans/${plan!.id}`
})
afterAll(() => server?.close())

const en = { 'accept-language': 'en' }

describe('the plan editor hardened', () => {
  it('refuses a body over 1 MB (413) and JSON nested 10 000 deep (400) before logging in', async () => {
    const big = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...en },
      body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
    })
    expect([big.status, big.headers.get('content-type')]).toEqual([413, 'application/problem+json'])
    const deep = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...en },
      body: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    })
    expect(deep.status).toBe(400)
    expect(await deep.json()).toMatchObject({ errors: [{ path: '(body)', message: 'nests deeper than 32 levels' }] })
  })

  it('answers a version past a database integer with 400 naming it', async () => {
    const res = await officer.get(`${path}/versions/3000000000`)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['param.version'])
    const exported = await officer.get(`${path}/export?format=md&version=99999999999`)
    expect(exported.status).toBe(400)
    expect(exported.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.version'])
  })

  it('answers NUL in a path or query parameter with 400 naming it', async () => {
    const res = await officer.get(`/api/plans/%00`)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['param.id'])
    const query = await officer.get(`/api/plans?district=a%00`)
    expect(query.status).toBe(400)
    expect(query.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.district'])
  })

  it('refuses a 20 MB summary with 413 and 5 000 activities with 400 naming the field', async () => {
    const got = await officer.get(path)
    const doc = got.body.document
    const huge = await officer.send(
      'PUT',
      path,
      { document: { ...doc, situationPicture: { ...doc.situationPicture, summary: 'x'.repeat(20 * 1024 * 1024) } } },
      { 'if-match': `"${got.body.version}"` },
    )
    expect(huge.status).toBe(413)
    const many = await officer.send(
      'PUT',
      path,
      { document: { ...doc, activities: Array.from({ length: 5000 }, (_, i) => ({ ...doc.activities[0], id: `a${i}` })) } },
      { 'if-match': `"${got.body.version}"`, ...en },
    )
    expect(many.status).toBe(413) // 5 000 activities are over 1 MB of JSON: the size limit refuses them first
    const over = await officer.send(
      'PUT',
      path,
      { document: { ...doc, activities: Array.from({ length: 201 }, (_, i) => ({ ...doc.activities[0], id: `a${i}`, indicators: [] })) } },
      { 'if-match': `"${got.body.version}"`, ...en },
    )
    expect(over.status).toBe(400)
    expect(over.body.errors).toContainEqual({ path: 'document.activities', message: 'may hold at most 200 entries' })
  })

  it('marks every API answer no-store: session, plans, versions, analysis, exports (PDF too), refusals', async () => {
    const anonymous = await fetch(`${server.url}${path}`)
    expect([anonymous.status, anonymous.headers.get('cache-control')]).toEqual([401, 'no-store'])
    for (const p of [
      '/api/session',
      '/api/plans',
      path,
      `${path}/versions`,
      `${path}/versions/1`,
      `${path}/analysis`,
      `${path}/redline?from=1&to=1`,
      `${path}/export?format=md`,
      `${path}/export?format=html`,
      `${path}/export?format=pdf`,
      '/api/overview',
      `${path}/versions/999`,
    ]) {
      const res = await officer.get(p)
      expect([p, res.status < 500, res.headers.get('cache-control')]).toEqual([p, true, 'no-store'])
    }
  })
})
