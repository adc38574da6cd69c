import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWidget } from '../src/build.js'
import { createApp, STRICT_CSP } from '../src/server/app.js'

let out: string
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vbe-widget-server-'))
  await buildWidget({ outDir: out, log: () => {} })
  app = createApp({ root: out })
})
afterAll(() => rm(out, { recursive: true, force: true }))

describe('static server', () => {
  it('serves pages under a strict CSP, and sets no cookies', async () => {
    const r = await app.request('/demo/rinkeby-kista.html')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-security-policy')).toBe(STRICT_CSP)
    expect(r.headers.get('set-cookie')).toBeNull()
    expect(r.headers.get('referrer-policy')).toBe('no-referrer')
  })
  it('serves widget files for embedding from any origin', async () => {
    const r = await app.request('/widget/vbe-info.js')
    expect(r.headers.get('content-type')).toContain('text/javascript')
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
  })
  it('redirects / to the demo and refuses paths outside its folder', async () => {
    expect((await app.request('/')).headers.get('location')).toBe('/demo/')
    expect((await app.request('/../package.json')).status).toBe(404)
    expect((await app.request('/%2e%2e/%2e%2e/package.json')).status).toBe(404)
    expect((await app.request('/nope.js')).status).toBe(404)
  })
})
