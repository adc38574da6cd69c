/**
 * The API client against a real HTTP server on loopback: the headers it sends (CSRF only
 * on unsafe methods, Accept-Language, If-Match), what it makes of problem+json (field
 * problems with their codes), ETags, 204, the 401 handler and a server that is not there.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApiClient, problemText, toProblem, withQuery } from '../src/api.js'

let server: Server
let base: string
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/plan') {
        res.writeHead(200, { 'content-type': 'application/json', etag: '"7"' }).end(JSON.stringify({ version: 7 }))
      } else if (url.pathname === '/invalid') {
        const sv = req.headers['accept-language'] === 'sv'
        res.writeHead(400, { 'content-type': 'application/problem+json' }).end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: sv ? 'Ogiltiga uppgifter.' : 'Invalid data.',
            errors: [
              { path: 'amount', message: sv ? 'måste vara minst 1' : 'must be at least 1', code: 'too_small', params: { minimum: 1 } },
              'junk',
            ],
          }),
        )
      } else if (url.pathname === '/conflict') {
        res
          .writeHead(409, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify({ status: 409, title: 'Conflict', detail: 'Changed meanwhile.', current: { version: 8 } }))
      } else if (url.pathname === '/expired') {
        res.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 401, detail: 'Not signed in.' }))
      } else if (url.pathname === '/limited') {
        res
          .writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '900' })
          .end(JSON.stringify({ status: 429, detail: 'Too many.' }))
      } else if (url.pathname === '/empty') {
        res.writeHead(204).end()
      } else if (url.pathname === '/html-error') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('')
      } else res.writeHead(404).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const last = () => seen[seen.length - 1]!

describe('createApiClient', () => {
  it('sends Accept-Language always, the CSRF token only on unsafe methods, and If-Match as an ETag', async () => {
    const client = createApiClient({ baseUrl: base })
    client.setLanguage('en')
    client.setCsrfToken('token-1')
    const { data, etag } = await client.requestWithEtag<{ version: number }>('/plan', { query: { year: 2026, q: '', none: null } })
    expect(data).toEqual({ version: 7 })
    expect(etag).toBe('"7"')
    expect(last().url).toBe('/plan?year=2026')
    expect(last().headers['accept-language']).toBe('en')
    expect(last().headers['x-csrf-token']).toBeUndefined()

    await client.request('/plan', { method: 'PUT', json: { a: 1 }, ifMatch: 7 })
    expect(last().method).toBe('PUT')
    expect(last().headers['x-csrf-token']).toBe('token-1')
    expect(last().headers['if-match']).toBe('"7"')
    expect(last().headers['content-type']).toBe('application/json')
    expect(JSON.parse(last().body)).toEqual({ a: 1 })

    await client.request('/plan', { json: {}, ifMatch: 'W/"abc"' })
    expect(last().method).toBe('POST')
    expect(last().headers['if-match']).toBe('W/"abc"')

    client.setCsrfToken(null)
    await client.request('/plan', { method: 'DELETE' })
    expect(last().headers['x-csrf-token']).toBeUndefined()
  })

  it('throws problem+json as ApiError, with field problems (code and params kept) in the language asked for', async () => {
    const client = createApiClient({ baseUrl: base })
    client.setLanguage('sv')
    const e = await client.request('/invalid', { json: { amount: 0 } }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    const problem = (e as ApiError).problem
    expect(problem.status).toBe(400)
    expect(problem.detail).toBe('Ogiltiga uppgifter.')
    expect(problem.errors).toEqual([{ path: 'amount', message: 'måste vara minst 1', code: 'too_small', params: { minimum: 1 } }])
    // On one line: the message as it stands alone, without the path.
    expect(problemText(problem)).toBe('Ogiltiga uppgifter. Måste vara minst 1')
    client.setLanguage('en')
    expect(((await client.request('/invalid', { json: {} }).catch((x: unknown) => x)) as ApiError).problem.detail).toBe('Invalid data.')
  })

  it('keeps a 409 current state and Retry-After; 204 is undefined', async () => {
    const client = createApiClient({ baseUrl: base })
    const conflict = (await client.request('/conflict', { method: 'PUT', json: {} }).catch((x: unknown) => x)) as ApiError
    expect(conflict.status).toBe(409)
    expect(conflict.problem.current).toEqual({ version: 8 })
    const limited = (await client.request('/limited').catch((x: unknown) => x)) as ApiError
    expect(limited.retryAfter).toBe('900')
    expect(await client.request('/empty', { method: 'DELETE' })).toBeUndefined()
  })

  it('calls the 401 handler unless told to be quiet', async () => {
    const client = createApiClient({ baseUrl: base })
    let calls = 0
    client.setUnauthenticatedHandler(() => calls++)
    await client.request('/expired').catch(() => undefined)
    expect(calls).toBe(1)
    await client.request('/expired', { quiet401: true }).catch(() => undefined)
    expect(calls).toBe(1)
  })

  it('words a missing server and a non-problem error in the UI language', async () => {
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9' })
    client.setLanguage('sv')
    const e = (await client.request('/plan').catch((x: unknown) => x)) as ApiError
    expect(e.status).toBe(0)
    expect(e.code).toBe('network')
    expect(e.problem.detail).toBe('Det gick inte att nå servern. Kontrollera anslutningen och försök igen.')
    const html = (await createApiClient({ baseUrl: base })
      .request('/html-error')
      .catch((x: unknown) => x)) as ApiError
    expect(html.problem).toEqual({ status: 502, detail: 'Något gick fel (502).' })
  })
})

describe('helpers', () => {
  it('withQuery leaves empty values out and appends to an existing query', () => {
    expect(withQuery('/a', { x: 1, y: '', z: undefined })).toBe('/a?x=1')
    expect(withQuery('/a?b=2', { x: 'é' })).toBe('/a?b=2&x=%C3%A9')
    expect(withQuery('/a')).toBe('/a')
  })
  it('toProblem uses the title when there is no detail', () => {
    expect(toProblem({ title: 'Conflict' }, 409, 'en')).toEqual({ status: 409, detail: 'Conflict', title: 'Conflict' })
  })
})
