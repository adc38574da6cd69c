import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, UI_ROUTES, type RunningServer } from '../src/index.js'

describe('the plan editor server outside the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pe-ui-'))
  let server: RunningServer

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Handlingsplaner</title>')
    server = await startServer({ config: { kind: 'pglite', dataDir: null }, uiDir: dir, seed: false })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the UI page on its routes and 404 on any other path', async () => {
    expect(UI_ROUTES).toContain('/')
    const page = await fetch(`${server.url}/?lang=en`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Handlingsplaner')
    for (const path of ['/robots', '/plan/1', '/wp-login.php', '/api-docs']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('Handlingsplaner')
    }
  })

  it('serves robots.txt that disallows everything, and says noindex on every answer', async () => {
    const robots = await fetch(`${server.url}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n')
    for (const path of ['/', '/robots.txt', '/nope', '/api/health', '/api/plans', '/api/openapi.json', '/api/docs']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('x-robots-tag'), path).toBe('noindex')
    }
  })
})
