/**
 * What the browser test files share: one Chromium and one built, served site per file,
 * opening a page (recording requests, dialogs and CSP violations), axe, and the panel's
 * text. A failed setup (Chromium missing, say) fails every test with its message rather
 * than skipping them.
 */
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, startSite, type TestSite } from './support.js'

const require = createRequire(import.meta.url)
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../.reports/screenshots')

export interface Opened {
  readonly context: BrowserContext
  readonly page: Page
  readonly requests: string[]
  readonly dialogs: string[]
}

export interface OpenOptions {
  readonly setup?: (page: Page, context: BrowserContext) => Promise<unknown>
  readonly width?: number
  readonly context?: BrowserContextOptions
  /** Wait for the widget's panel (default) or not. */
  readonly waitForPanel?: boolean
}

export interface BrowserSuite {
  readonly site: TestSite
  readonly browser: Browser
  ready(): void
  open(path: string, options?: OpenOptions): Promise<Opened>
}

/** Starts Chromium and the site for one test file (in beforeAll), and stops both after it. */
export function browserSuite(pages: Parameters<typeof startSite>[0]): BrowserSuite {
  let site: TestSite | undefined
  let browser: Browser | undefined
  let setupError: unknown
  beforeAll(async () => {
    try {
      browser = await launchChromium()
      site = await startSite(pages)
    } catch (e) {
      setupError = e
    }
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })
  const suite: BrowserSuite = {
    get site() {
      suite.ready()
      return site as TestSite
    },
    get browser() {
      suite.ready()
      return browser as Browser
    },
    ready() {
      if (setupError) throw setupError
      if (!site || !browser) throw new Error('browser suite not started')
    },
    async open(path, o = {}) {
      const context = await suite.browser.newContext({ viewport: { width: o.width ?? 900, height: 900 }, ...o.context })
      const page = await context.newPage()
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      const dialogs: string[] = []
      page.on('dialog', (d) => {
        dialogs.push(d.message())
        void d.dismiss()
      })
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] }
        w.__csp = []
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      await o.setup?.(page, context)
      await page.goto(suite.site.origin + path)
      if (o.waitForPanel !== false)
        await page.waitForFunction(() => !!document.querySelector('vbe-info')?.shadowRoot?.querySelector('section'))
      return { context, page, requests, dialogs }
    },
  }
  return suite
}

export const runAxe = async (page: Page): Promise<string[]> => {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> }
      }
    ).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
  })
}

export const panelText = (page: Page): Promise<string> =>
  page.evaluate(() => document.querySelector('vbe-info')?.shadowRoot?.querySelector('section')?.textContent ?? '')

export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)

/** The neutral default exit target, answered locally: the test machine has no internet. */
export const answerSmhi = (page: Page) =>
  page.route('https://www.smhi.se/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>SMHI</title>' }))
