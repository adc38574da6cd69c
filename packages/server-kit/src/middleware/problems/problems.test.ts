import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { ProblemResponse } from '../../errors.js'
import { problemErrorHandler, problemNotFound } from './index.js'

const logged: unknown[] = []
const app = new Hono()
  .get('/api/problem', () => {
    throw new ProblemResponse({
      type: 'https://vbe.invalid/problems/conflict',
      title: { sv: 'Konflikt', en: 'Conflict' },
      status: 409,
      detail: { sv: 'Redan beslutat.', en: 'Already decided.' },
    })
  })
  .get('/api/http', () => {
    throw new HTTPException(413, { message: 'Payload Too Large' })
  })
  .get('/api/bug', () => {
    throw new Error('secret table name in a stack')
  })
  .onError(problemErrorHandler((error) => logged.push(error)))
  .notFound(problemNotFound)

describe('problemErrorHandler and problemNotFound', () => {
  it('writes a ProblemResponse in the language asked for, Swedish by default', async () => {
    const sv = await app.request('/api/problem')
    expect(sv.status).toBe(409)
    expect(sv.headers.get('content-type')).toBe('application/problem+json')
    expect(sv.headers.get('content-language')).toBe('sv')
    expect(sv.headers.get('vary')).toBe('Accept-Language')
    expect(await sv.json()).toMatchObject({ title: 'Konflikt', detail: 'Redan beslutat.' })
    const en = await app.request('/api/problem', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect(await en.json()).toMatchObject({ title: 'Conflict', detail: 'Already decided.' })
  })

  it("keeps an HTTPException's status, and words it in the asked language (Hono's own text is English only)", async () => {
    const res = await app.request('/api/http', { headers: { 'accept-language': 'sv' } })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ status: 413, detail: 'Servern kunde inte hantera begäran (HTTP 413).' })
  })

  it('answers anything else with a 500 that tells nothing of the cause, and logs the cause', async () => {
    const res = await app.request('/api/bug', { headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('secret')
    expect(JSON.parse(text)).toMatchObject({
      type: 'https://vbe.invalid/problems/internal',
      detail: 'The server could not complete the request.',
    })
    expect(logged).toHaveLength(1)
  })

  it('answers an unknown path with 404 naming the method and path', async () => {
    const res = await app.request('/api/nowhere', { method: 'DELETE', headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ status: 404, detail: 'No route for DELETE /api/nowhere.' })
  })
})
