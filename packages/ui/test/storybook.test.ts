/**
 * `storybook build` runs as part of the test suite (so CI runs it), and then every story
 * is opened in Debian's Chromium and checked with axe, the engine the a11y addon uses:
 * 0 violations per story.
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
  out = await mkdtemp(join(tmpdir(), 'vbe-storybook-'))
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
  it('builds, with stories for every language, right to left, closed hours and missing data', () => {
    if (setupError) throw setupError
    const ids = stories.map((s) => s.id)
    for (const id of [
      'widget-infopanel--swedish',
      'widget-infopanel--english',
      'widget-infopanel--arabic',
      'widget-infopanel--persian',
      'widget-infopanel--somali',
      'widget-infopanel--tigrinya',
      'widget-infopanel--closed-hours-rtl',
      'widget-infopanel--missing-data',
      'widget-infopanel--missing-translation',
      'widget-contactcard--closed-public-holiday',
      'widget-controls--language-picker-persian-rtl',
      'widget-controls--quick-exit-button',
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
      await page.waitForSelector('#storybook-root .vbe-host > *')
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
    expect(stories.length).toBeGreaterThanOrEqual(20)
  }, 180_000)
})
