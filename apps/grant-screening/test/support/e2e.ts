// What the browser tests (test/e2e-*.test.ts) share: the UI build, the server and Chromium,
// axe, screenshots, and the steps every walk takes (sign in, language, conflict declaration,
// a case opened from an import).
import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { launchChromium } from '@vbe/test-browser'
import { startTestServer, type TestServer } from './server.js'

const here = dirname(fileURLToPath(import.meta.url))
const uiRoot = join(here, '../../ui')
const require = createRequire(import.meta.url)
export const PASSWORD = 'demo-password-2026'
export const fixedClock = { now: () => new Date('2026-11-22T10:00:00Z') }

export const ASSOCIATION = 'Akalla Fritidsförening E2E'
export const HEADER =
  'id,programme,amountRequested,contact.name,contact.email,association.name,association.organisationNumber,association.activitySince,association.bankAccount.kind,association.bankAccount.number,association.bankAccount.holderIsAssociation,statutes.adoptedOn,statutes.adoptedAtAnnualMeeting,board.electedOn,board.electedAtAnnualMeeting,board.auditorElected,previousGrants,declaration.democraticPrinciples,declaration.humanRights,declaration.genderEquality,declaration.signedOn,evidence'
// An unverified tip about threats within the activities: the democracy finding needs assessment, so four eyes apply.
export const EVIDENCE = JSON.stringify([
  {
    id: 't1',
    conduct: 'threat',
    actor: 'organisation',
    withinActivities: true,
    verified: false,
    date: '2026-05-01',
    source: { kind: 'tip', reference: 'Tips 2026-05' },
  },
])
export const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`
export const CSV = [
  HEADER,
  `e2e-001,rinkeby-kista/foreningsbidrag,60000,Karin Kontakt,karin@example.org,${ASSOCIATION},802400-1235,2018-05-01,bankgiro,5050-1055,true,2018-05-01,true,2026-03-10,true,true,[],true,true,true,2026-09-01,${csvCell(EVIDENCE)}`,
  // Row 3: the organisation number's check digit is wrong.
  `e2e-002,rinkeby-kista/foreningsbidrag,30000,,,Felaktig Förening,802400-1234,2018-05-01,bankgiro,5050-1055,true,2018-05-01,true,2026-03-10,true,true,[],true,true,true,2026-09-01,[]`,
].join('\n')

/** Builds the UI unless ui/dist is newer than every source file (the UI's and the web kit's). */
export async function ensureUiBuilt(): Promise<void> {
  const newest = async (path: string): Promise<number> => {
    const s = await stat(path)
    if (!s.isDirectory()) return s.mtimeMs
    const entries = await readdir(path)
    return Math.max(s.mtimeMs, ...(await Promise.all(entries.map((e) => newest(join(path, e))))))
  }
  const built = await stat(join(uiRoot, 'dist/index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  )
  const sources = Math.max(
    await newest(join(uiRoot, 'src')),
    await newest(join(uiRoot, 'index.html')),
    await newest(join(uiRoot, 'vite.config.ts')),
    await newest(join(uiRoot, '../../../packages/web-kit/src')),
  )
  if (built > sources) return
  const { build } = await import('vite')
  // vitest sets NODE_ENV=test, which would give React's development build.
  const nodeEnv = process.env['NODE_ENV']
  process.env['NODE_ENV'] = 'production'
  try {
    await build({ configFile: join(uiRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
  } finally {
    process.env['NODE_ENV'] = nodeEnv
  }
}

export let server: TestServer
export let browser: Browser
let axeSource: string
export const cspViolations: string[] = []
export const pageErrors: string[] = []
export const axeRuns: string[] = []

/** Starts the server (PGlite, demo data, `clock`) and Chromium for one test file, and stops them after it. */
export function setupE2e(clock: { now: () => Date } = fixedClock): void {
  beforeAll(async () => {
    await ensureUiBuilt()
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
    server = await startTestServer({ database: 'pglite', clock })
    browser = await launchChromium('the grant-screening UI test')
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
}

/** The closing check of a file: no axe violations, every named page checked, no CSP violations, no page errors. */
export function expectCleanRun(violations: readonly string[], labels: readonly string[]): void {
  expect(violations).toEqual([])
  for (const label of labels) expect(axeRuns).toContain(label)
  expect(cspViolations).toEqual([])
  expect(pageErrors).toEqual([])
}

/** A page `width` px wide with `username` signed in (on the queue), closed after `body`, whatever happens in it. */
export async function signedIn(width: number, username: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage()
  try {
    await page.setViewportSize({ width, height: 800 })
    await page.goto(server.url)
    await login(page, username)
    await body(page)
  } finally {
    await context.close()
  }
}

export async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
  })
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  return { context, page }
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page; returns the violations as readable lines. */
export async function axe(page: Page, label: string): Promise<string[]> {
  // Not page.addScriptTag({ content }): that inserts an inline <script>, which the app's
  // CSP (script-src 'self') rightly refuses. Evaluating through the DevTools protocol is
  // not governed by CSP, so the page is tested under its real policy.
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined'))) await page.evaluate(axeSource)
  const { violations, passes } = await page.evaluate(async () => {
    const a = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            passes: unknown[]
            violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>
          }>
        }
      }
    ).axe
    const r = await a.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return {
      passes: r.passes.length,
      violations: r.violations.map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
      ),
    }
  })
  // A run that checked nothing would also report no violations.
  expect(passes, `axe checked nothing on ${label}`).toBeGreaterThan(10)
  axeRuns.push(label)
  return violations.map((v) => `[${label}] ${v}`)
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `/tmp/gs-${name}.png`, fullPage })
}

export const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })

export async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel(/^(Användarnamn|Username)/).fill(username)
  await page.getByLabel(/^(Lösenord|Password)/).fill(PASSWORD)
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click()
  await h1(page, /^(Ärenden|Cases)$/).waitFor()
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click()
  await h1(page, /^(Logga in|Log in)$/).waitFor()
}

export async function setLanguage(page: Page, lang: 'Svenska' | 'English'): Promise<void> {
  await page
    .getByRole('group', { name: /^(Språk|Language)$/ })
    .getByRole('button', { name: lang })
    .click()
  await page.locator(`html[lang="${lang === 'English' ? 'en' : 'sv'}"]`).waitFor()
}

/** Answers the conflict-of-interest declaration with no, and waits for the case of `association` to open. */
export async function declareNoConflict(page: Page, association = ASSOCIATION): Promise<void> {
  await h1(page, 'Jävsförklaring').waitFor()
  await page.getByLabel('Nej, jag är inte jävig').check()
  await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
  await h1(page, `Ärende: ${association}`).waitFor()
}

/** Opens the case of `association` from the queue (the signed-in user has declared already). */
export async function openCaseFromQueue(page: Page, association: string): Promise<void> {
  await page.getByRole('link', { name: association }).click()
  await h1(page, `Ärende: ${association}`).waitFor()
}

/**
 * Imports `CSV` on the Import page (in Swedish) and opens the case of its good row, declaring
 * no conflict: the officer's way into a fresh case of `ASSOCIATION`.
 */
export async function openImportedCase(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera' }).click()
  await h1(page, 'Importera ansökningar').waitFor()
  await page.getByLabel(/Eller klistra in CSV/).fill(CSV)
  await page.getByRole('button', { name: 'Importera', exact: true }).click()
  await page.getByRole('table', { name: 'Importerade rader' }).getByRole('link').click()
  await declareNoConflict(page)
}

/**
 * No schema path in the import report but the file's own column, after its label: with each
 * "<label> <column>" taken out, nothing dotted, indexed or camelCase is left.
 */
export async function expectNoPathBut(table: Locator, label: string): Promise<void> {
  const text = await table.innerText()
  const mentions = text.match(new RegExp(`${label} \\S+`, 'g')) ?? []
  expect(mentions.length).toBeGreaterThan(0)
  const rest = mentions.reduce((t, m) => t.replace(m, ''), text)
  expect(rest).not.toMatch(/\w\.\w|\[\d+\]|\b[a-z]+[A-Z]\w*/)
}

/** How far the page scrolls sideways, and each table region that scrolls sideways inside (its name and the pixels). */
export const sideways = (page: Page) =>
  page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: {
          documentElement: { scrollWidth: number; clientWidth: number }
          querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number; getAttribute(a: string): string | null }>
          getElementById(id: string): { textContent: string | null } | null
        }
      }
    ).document
    return {
      page: d.documentElement.scrollWidth - d.documentElement.clientWidth,
      regions: Array.from(d.querySelectorAll('.table-wrap'))
        .filter((r) => r.scrollWidth > r.clientWidth)
        .map(
          (r) => `${d.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? '?'}: ${r.scrollWidth - r.clientWidth} px`,
        ),
    }
  })
