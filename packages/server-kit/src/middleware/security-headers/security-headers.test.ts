import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from './index.js'

describe('securityHeaders', () => {
  const app = new Hono().use('*', securityHeaders()).get('/', (c) => c.text('hej'))

  it('sends a strict CSP, forbids framing and asks search engines not to index', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-robots-tag')).toBe('noindex')
  })

  it('marks answers the handler did not write too (404)', async () => {
    const res = await app.request('/nowhere')
    expect(res.status).toBe(404)
    expect(res.headers.get('x-robots-tag')).toBe('noindex')
  })
})
