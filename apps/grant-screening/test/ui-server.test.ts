import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGrantApp, openGrantDatabase, UI_ROUTES, type Tables } from '../src/index.js'
import type { Database } from '@vbe/server-kit'

describe('the grant-screening server outside the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gs-ui-'))
  let database: Database<Tables>
  let url: string
  let close: () => Promise<void>

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bidragsprövning</title>')
    database = await openGrantDatabase({ kind: 'pglite', dataDir: null })
    const server = serve({ fetch: createGrantApp({ database, uiDir: dir }).fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise<void>((r) => server.close(() => r()))
  })
  afterAll(async () => {
    await close?.()
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the UI page on its routes and 404 on any other path', async () => {
    expect(UI_ROUTES).toContain('/')
    const page = await fetch(`${url}/?lang=en`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Bidragsprövning')
    for (const path of ['/robots', '/cases/1', '/wp-login.php', '/api-docs']) {
      const res = await fetch(`${url}${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('Bidragsprövning')
    }
  })

  it('serves robots.txt that disallows everything, and says noindex on every answer', async () => {
    const robots = await fetch(`${url}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n')
    for (const path of ['/', '/robots.txt', '/nope', '/api/health', '/api/cases', '/api/openapi.json', '/api/docs']) {
      expect((await fetch(`${url}${path}`)).headers.get('x-robots-tag'), path).toBe('noindex')
    }
  })
})
