import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, isUiRoute, kitMigrations, openDatabase, ROBOTS_TXT, serveUi, type Database } from '../src/index.js'

/** A real server on loopback serving a small built UI, and one whose UI is not built. */
async function start(dir: string, database: Database) {
  const app = createApi({ database })
  serveUi(app, { dir, title: 'Test app', buildCommand: 'npm run build', routes: ['/', '/cases/:id', '/help/*'] })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

describe('serveUi over HTTP', () => {
  let database: Database
  let built: { url: string; close: () => Promise<void> }
  let unbuilt: { url: string; close: () => Promise<void> }
  const dir = mkdtempSync(join(tmpdir(), 'vbe-ui-'))

  beforeAll(async () => {
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true })
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>App page</title>')
    writeFileSync(join(dir, 'dist', 'assets', 'app-1234.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the build')
    database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
    built = await start(join(dir, 'dist'), database)
    unbuilt = await start(join(dir, 'missing'), database)
  })
  afterAll(async () => {
    await built?.close()
    await unbuilt?.close()
    await database?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers broken %-encoding, NUL and odd paths with a page, never a 500 (issue 16, finding 9)', async () => {
    for (const path of [
      '/%E0%A4%A',
      '/%',
      '/assets/%ZZ',
      '/cases/%E0%A4%A',
      '/help/%C0%AF',
      '/%00',
      '/assets/%00.js',
      '/%2e%2e/secret.txt',
      '/100%25',
    ]) {
      for (const server of [built, unbuilt]) {
        const res = await fetch(`${server.url}${path}`)
        await res.arrayBuffer()
        expect([path, res.status < 500 || res.status === 503]).toEqual([path, true])
      }
    }
  })

  it('answers the UI’s own pages with the app page', async () => {
    for (const path of ['/', '/?lang=en', '/cases/abc', '/help/a/b']) {
      const res = await fetch(`${built.url}${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toContain('App page')
    }
  })

  it('answers any other path with 404, in Swedish and English, not with the app page', async () => {
    for (const path of ['/nope', '/cases', '/cases/abc/extra', '/index.htm', '/%E0%A4%A', '/../secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`${built.url}${path}`)
      expect(res.status, path).toBe(404)
      const body = await res.text()
      expect(body).not.toContain('App page')
      expect(body).not.toContain('outside the build')
    }
    const page = await (await fetch(`${built.url}/nope`)).text()
    expect(page).toContain('Sidan finns inte')
    expect(page).toContain('Page not found')
  })

  it('serves the build’s files, hashed assets cached for a year', async () => {
    const res = await fetch(`${built.url}/assets/app-1234.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${built.url}/assets/other.js`)).status).toBe(404)
  })

  it('serves robots.txt that disallows everything', async () => {
    const res = await fetch(`${built.url}/robots.txt`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await res.text()).toBe(ROBOTS_TXT)
    expect(ROBOTS_TXT).toMatch(/^User-agent: \*\nDisallow: \/\n$/)
    expect((await fetch(`${unbuilt.url}/robots.txt`)).status).toBe(200)
  })

  it('sends X-Robots-Tag: noindex on every response: pages, files, 404s, API answers and problems', async () => {
    for (const [url, status] of [
      [`${built.url}/`, 200],
      [`${built.url}/assets/app-1234.js`, 200],
      [`${built.url}/robots.txt`, 200],
      [`${built.url}/nope`, 404],
      [`${built.url}/api/nope`, 404],
      [`${built.url}/api/session`, 401],
      [`${unbuilt.url}/`, 503],
    ] as const) {
      const res = await fetch(url)
      expect(res.status, url).toBe(status)
      expect(res.headers.get('x-robots-tag'), url).toBe('noindex')
    }
  })

  it('says which command builds the UI while it is not built, and still answers 404 elsewhere', async () => {
    const page = await fetch(`${unbuilt.url}/cases/abc`)
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('npm run build')
    expect((await fetch(`${unbuilt.url}/nope`)).status).toBe(404)
  })

  it('leaves /api/ paths to the API (problem+json 404)', async () => {
    const res = await fetch(`${built.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('isUiRoute', () => {
  it('matches fixed segments, :name for one segment and a trailing * for the rest', () => {
    const routes = ['/', '/cases/:id', '/help/*']
    expect(isUiRoute('/', routes)).toBe(true)
    expect(isUiRoute('/cases/1', routes)).toBe(true)
    expect(isUiRoute('/cases/1/', routes)).toBe(true)
    expect(isUiRoute('/cases', routes)).toBe(false)
    expect(isUiRoute('/cases/1/2', routes)).toBe(false)
    expect(isUiRoute('/help', routes)).toBe(true)
    expect(isUiRoute('/help/x/y', routes)).toBe(true)
    expect(isUiRoute('/other', routes)).toBe(false)
    expect(isUiRoute('/', [])).toBe(false)
  })
})
