// The Storybook accessibility suite both component kits (@vbe/ui, @vbe/web-kit) run.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { promisify } from 'node:util'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeCheck } from './axe.js'
import { assertChromium, launchChromium } from './index.js'

export interface StorybookSuite {
  /** The package folder that holds `.storybook/`. */
  readonly root: string
  /** What the build test says the stories cover. */
  readonly covers: string
  /** Story ids that must be there. */
  readonly stories: readonly string[]
  /** A selector inside `#storybook-root` that shows the story has rendered. */
  readonly rendered: string
  /** The least number of stories the build must have. */
  readonly atLeast: number
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/**
 * `storybook build` runs as part of the test suite (so CI runs it), then every story is
 * opened in Debian's Chromium and checked with axe, the engine the a11y addon uses: 0
 * violations per story. A failed setup (Chromium missing, the build broken) fails the
 * tests with its message rather than skipping them.
 */
export function describeStorybook(suite: StorybookSuite): void {
  let out: string | undefined
  let server: Server | undefined
  let origin = ''
  let browser: Browser | undefined
  let stories: Array<{ id: string; title: string; name: string }> = []
  let setupError: unknown

  async function setup() {
    assertChromium('the Storybook axe test')
    out = await mkdtemp(join(tmpdir(), 'vbe-storybook-'))
    const bin =
      [join(suite.root, 'node_modules/.bin/storybook'), join(suite.root, '../../node_modules/.bin/storybook')].find((p) => existsSync(p)) ??
      'storybook'
    await promisify(execFile)(bin, ['build', '--quiet', '--disable-telemetry', '-o', out], {
      cwd: suite.root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      maxBuffer: 1 << 26,
    })
    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as {
      entries: Record<string, { id: string; title: string; name: string; type: string }>
    }
    stories = Object.values(index.entries).filter((e) => e.type === 'story')
    const dir = out
    server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
      try {
        const body = await readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path))
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })
    const listening = server
    await new Promise<void>((r) => listening.listen(0, '127.0.0.1', () => r()))
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`
    browser = await launchChromium('the Storybook axe test')
  }

  beforeAll(async () => {
    try {
      await setup()
    } catch (e) {
      setupError = e
    }
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    const running = server
    await new Promise<void>((r) => (running ? running.close(() => r()) : r()))
    if (out) await rm(out, { recursive: true, force: true })
  })

  describe('Storybook', () => {
    it(`builds, with ${suite.covers}`, () => {
      if (setupError) throw setupError
      const ids = stories.map((s) => s.id)
      for (const id of suite.stories) expect(ids).toContain(id)
    })

    it('every story has 0 axe violations', async () => {
      if (setupError) throw setupError
      if (!browser) throw new Error('no browser')
      const context = await browser.newContext()
      const page = await context.newPage()
      const failures: string[] = []
      for (const story of stories) {
        await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`)
        await page.waitForSelector(`#storybook-root ${suite.rendered}`)
        // The a11y addon runs axe on each story as it renders; axeCheck waits for it, then runs its own pass.
        const { violations } = await axeCheck(page, { context: '#storybook-root' })
        if (violations.length) failures.push(`${story.id}: ${violations.join(', ')}`)
      }
      await context.close()
      expect(failures).toEqual([])
      expect(stories.length).toBeGreaterThanOrEqual(suite.atLeast)
    }, 180_000)
  })
}
