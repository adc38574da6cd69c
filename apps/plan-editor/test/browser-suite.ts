/// <reference lib="dom" />
/**
 * What the plan editor's browser tests share: the real server (PGlite, demo data) with the
 * built UI and Debian's Chromium, started once per test file; pages in Swedish that record
 * page errors and every console error other than the answers the file expects the UI to
 * handle; signing in through the login form and out; the language switch; the editor's
 * saved status; axe.
 */
import { afterAll, beforeAll, expect } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '@vbe/test-browser'
import { DEMO_PASSWORD, startServer, type RunningServer } from '../src/index.js'
import { axe, buildUi, describeViolations } from './ui.js'

export interface BrowserSuite {
  /** The running server (once the file's `beforeAll` has run). */
  readonly server: RunningServer
  /** Page errors and unexpected console errors, across the file's pages. */
  readonly problems: string[]
  /** A page in a context of its own (Swedish, `width` × 1000). */
  newPage(width?: number): Promise<Page>
  /** Signs in through the login form and waits for the plan list. */
  signIn(page: Page, username: string, password?: string): Promise<void>
  /** Signs out with the header's button and waits for the login page. */
  signOut(page: Page): Promise<void>
  /** Switches the kit's language (one button per language, in a group named "Språk"/"Language") and waits for `<html lang>`. */
  setLanguage(page: Page, lang: 'sv' | 'en'): Promise<void>
  /** Waits until the editor's save status says the plan is saved. */
  saved(page: Page): Promise<void>
  /** Fails with axe's violations, described, under `name`. */
  checkAxe(page: Page, name: string): Promise<void>
}

export function browserSuite(options: {
  /** HTTP statuses the file's pages are expected to get (and the UI to handle); Chromium logs them as console errors. */
  readonly expectedStatuses: readonly number[]
  /** Runs once the server is up, before the tests (data to read). */
  readonly setUp?: (server: RunningServer) => Promise<void>
}): BrowserSuite {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const problems: string[] = []
  const expected = new RegExp(`status of (${options.expectedStatuses.join('|')})\\b`)
  const running = () => {
    if (!server || !browser) throw new Error('browserSuite: used before its beforeAll ran')
    return { server, browser }
  }

  beforeAll(async () => {
    const uiDir = await buildUi()
    server = await startServer({ config: { kind: 'pglite', dataDir: null }, uiDir })
    browser = await launchChromium()
    await options.setUp?.(server)
  }, 300_000)
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    await server?.close()
  })

  return {
    get server() {
      return running().server
    },
    problems,
    async newPage(width = 1360) {
      const context = await running().browser.newContext({ viewport: { width, height: 1000 }, locale: 'sv-SE' })
      contexts.push(context)
      const page = await context.newPage()
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error' && !expected.test(m.text())) problems.push(`console: ${m.text()}`)
      })
      return page
    },
    async signIn(page, username, password = DEMO_PASSWORD) {
      await page.goto(running().server.url)
      await page.getByLabel('Användarnamn', { exact: true }).fill(username)
      await page.getByLabel('Lösenord', { exact: true }).fill(password)
      await page.getByRole('button', { name: 'Logga in' }).click()
      await page.getByRole('heading', { level: 1, name: 'Planer' }).waitFor()
    },
    async signOut(page) {
      await page.getByRole('button', { name: 'Logga ut' }).click()
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    },
    async setLanguage(page, lang) {
      await page
        .getByRole('group', { name: /^(Språk|Language)$/ })
        .getByRole('button', { name: lang === 'sv' ? 'Svenska' : 'English' })
        .click()
      await page.locator(`html[lang="${lang}"]`).waitFor()
    },
    async saved(page) {
      await page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 15_000 })
    },
    async checkAxe(page, name) {
      const v = await axe(page)
      expect(v, `${name}:\n${describeViolations(v)}`).toEqual([])
    },
  }
}
