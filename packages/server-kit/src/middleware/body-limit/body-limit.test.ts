import type { AddressInfo } from 'node:net'
import { request as httpRequest } from 'node:http'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problemErrorHandler } from '../problems/index.js'
import { bodyLimit, DEFAULT_BODY_LIMIT } from './index.js'

/** The middleware in front of a handler that would read the body and count what it reads, on a real loopback server. */
let reads = 0
const app = new Hono()
  .use('/api/*', bodyLimit({ paths: { '/api/import': 3 * DEFAULT_BODY_LIMIT } }))
  .post('/api/*', async (c) => {
    reads++
    return c.json({ bytes: (await c.req.arrayBuffer()).byteLength })
  })
  .onError(problemErrorHandler(() => {}))
let server: ServerType
let base: string
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

/** Sends `chunks` with chunked transfer encoding (no Content-Length), as a streaming attacker would. */
function streamed(path: string, chunks: number, chunkBytes: number): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' } })
    req.on('response', (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }))
    })
    // The server may answer and close before every chunk is written.
    req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)))
    const chunk = Buffer.alloc(chunkBytes, 0x20)
    let sent = 0
    const write = () => {
      while (sent < chunks) {
        sent++
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}

describe('bodyLimit', () => {
  it('lets a body of up to 1 MB through', async () => {
    const res = await fetch(`${base}/api/echo`, { method: 'POST', body: Buffer.alloc(DEFAULT_BODY_LIMIT, 0x20) })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ bytes: DEFAULT_BODY_LIMIT })
  })

  it('refuses a Content-Length over 1 MB with a 413 problem before the handler reads a byte', async () => {
    const before = reads
    const res = await fetch(`${base}/api/echo`, {
      method: 'POST',
      headers: { 'accept-language': 'en' },
      body: Buffer.alloc(DEFAULT_BODY_LIMIT + 1, 0x20),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({
      status: 413,
      title: 'Request too large',
      detail: 'The request body is larger than 1 MB, the most this address accepts.',
      errors: [{ path: '(body)', message: 'must be at most 1 MB' }],
    })
    expect(reads).toBe(before)
  })

  it('counts a streamed body without Content-Length and stops it at the limit (300 MB are never read)', async () => {
    const before = reads
    const res = await streamed('/api/echo', 300, 1024 * 1024)
    expect(res.status).toBe(413)
    expect(res.type).toBe('application/problem+json')
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, errors: [{ path: '(body)' }] })
    expect(reads).toBe(before)
  })

  it('allows more on the paths named for it (imports), and still stops there', async () => {
    const ok = await streamed('/api/import', 2, DEFAULT_BODY_LIMIT)
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, { bytes: 2 * DEFAULT_BODY_LIMIT }])
    const refused = await streamed('/api/import', 4, DEFAULT_BODY_LIMIT)
    expect(refused.status).toBe(413)
    expect(JSON.parse(refused.body)).toMatchObject({ detail: 'The request body is larger than 3 MB, the most this address accepts.' })
  })
})
