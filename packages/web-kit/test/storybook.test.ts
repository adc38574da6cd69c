/**
 * The kit's Storybook, as @vbe/ui's: `storybook build` runs as part of the test suite,
 * then every story is opened in Debian's Chromium and checked with axe, the engine the
 * a11y addon uses: 0 violations per story.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { assertChromium, launchChromium } from '@vbe/test-browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

let out: string
let server: Server
let origin: string
let browser: Browser
let stories: Array<{ id: string; title: string; name: string }> = []

/** A failed setup (Chromium missing, storybook build broken) fails the tests with its message, rather than skipping them. */
let setupError: unknown
beforeAll(async () => {
  try {
    await setup()
  } catch (e) {
    setupError = e
  }
}, 300_000)

async function setup() {
  assertChromium('the Storybook axe test')
  out = await mkdtemp(join(tmpdir(), 'vbe-web-kit-storybook-'))
  const bin =
    [join(root, 'node_modules/.bin/storybook'), join(root, '../../node_modules/.bin/storybook')].find((p) => existsSync(p)) ?? 'storybook'
  await promisify(execFile)(bin, ['build', '--quiet', '--disable-telemetry', '-o', out], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 1 << 26,
  })
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as {
    entries: Record<string, { id: string; title: string; name: string; type: string }>
  }
  stories = Object.values(index.entries).filter((e) => e.type === 'story')
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
  }
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    try {
      const body = await readFile(join(out, path.endsWith('/') ? `${path}index.html` : path))
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium('the Storybook axe test')
}

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  if (out) await rm(out, { recursive: true, force: true })
})

describe('Storybook', () => {
  it('builds, with a story for every kit component, in both languages and with errors', () => {
    if (setupError) throw setupError
    const ids = stories.map((s) => s.id)
    for (const id of [
      'kit-layout--signed-in',
      'kit-layout--signed-out-english',
      'kit-pages--login',
      'kit-pages--login-english-session-expired',
      'kit-pages--accessibility-statement-swedish',
      'kit-pages--accessibility-statement-english',
      'kit-pages--page-problem',
      'kit-pages--notices',
      'kit-forms--empty',
      'kit-forms--with-field-errors',
      'kit-forms--with-field-errors-english',
      'kit-data--table',
      'kit-data--table-sorted',
      'kit-data--table-empty',
      'kit-data--table-narrow',
      'kit-data--plain-scroll-region',
      'kit-data--badges',
    ]) {
      expect(ids).toContain(id)
    }
  })

  it('every story has 0 axe violations', async () => {
    if (setupError) throw setupError
    const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
    const context = await browser.newContext()
    const page = await context.newPage()
    const failures: string[] = []
    for (const story of stories) {
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`)
      await page.waitForSelector('#storybook-root .kit-story > *')
      // The a11y addon runs axe on each story as it renders; wait for it, then run our own pass.
      await page.evaluate(axe)
      let violations: string[] | undefined
      for (let attempt = 0; violations === undefined; attempt++) {
        try {
          violations = await page.evaluate(async () => {
            const r = await (
              window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } }
            ).axe.run('#storybook-root', { resultTypes: ['violations'] })
            return r.violations.map((v) => v.id)
          })
        } catch (e) {
          if (attempt > 50 || !String(e).includes('already running')) throw e
          await page.waitForTimeout(100)
        }
      }
      if (violations.length) failures.push(`${story.id}: ${violations.join(', ')}`)
    }
    await context.close()
    expect(failures).toEqual([])
    expect(stories.length).toBeGreaterThanOrEqual(17)
  }, 180_000)
})
