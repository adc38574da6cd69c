/**
 * The UI end to end, in Debian's Chromium against a real server (PGlite, demo data):
 * an officer imports a CSV, declares no conflict, decides; an approver declares no
 * conflict and gives the second signature; the letter opens as HTML and PDF. Every page
 * (and the open decision dialog) is checked with axe for WCAG 2.1 A/AA, in Swedish and
 * English, under the server's real CSP. The API's errors (login, rate limit, field
 * errors, import rows, a 409) are shown in the UI's language. Screenshots go to
 * /tmp/gs-*.png.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { launchChromium } from '@vbe/test-browser'
import { demoApplication } from '../src/index.js'
import { startTestServer, type TestServer } from './support/server.js'

const here = dirname(fileURLToPath(import.meta.url))
const uiRoot = join(here, '../ui')
const require = createRequire(import.meta.url)
const PASSWORD = 'demo-password-2026'
const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

const ASSOCIATION = 'Akalla Fritidsförening E2E'
const HEADER =
  'id,programme,amountRequested,contact.name,contact.email,association.name,association.organisationNumber,association.activitySince,association.bankAccount.kind,association.bankAccount.number,association.bankAccount.holderIsAssociation,statutes.adoptedOn,statutes.adoptedAtAnnualMeeting,board.electedOn,board.electedAtAnnualMeeting,board.auditorElected,previousGrants,declaration.democraticPrinciples,declaration.humanRights,declaration.genderEquality,declaration.signedOn,evidence'
// An unverified tip about threats within the activities: the democracy finding needs assessment, so four eyes apply.
const EVIDENCE = JSON.stringify([
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
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`
const CSV = [
  HEADER,
  `e2e-001,rinkeby-kista/foreningsbidrag,60000,Karin Kontakt,karin@example.org,${ASSOCIATION},802400-1235,2018-05-01,bankgiro,5050-1055,true,2018-05-01,true,2026-03-10,true,true,[],true,true,true,2026-09-01,${csvCell(EVIDENCE)}`,
  // Row 3: the organisation number's check digit is wrong.
  `e2e-002,rinkeby-kista/foreningsbidrag,30000,,,Felaktig Förening,802400-1234,2018-05-01,bankgiro,5050-1055,true,2018-05-01,true,2026-03-10,true,true,[],true,true,true,2026-09-01,[]`,
].join('\n')

/** Builds the UI unless ui/dist is newer than every source file (the UI's and the web kit's). */
async function ensureUiBuilt(): Promise<void> {
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

let server: TestServer
let browser: Browser
let axeSource: string
const cspViolations: string[] = []
const pageErrors: string[] = []
const axeRuns: string[] = []

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

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
  })
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  return { context, page }
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page; returns the violations as readable lines. */
async function axe(page: Page, label: string): Promise<string[]> {
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

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `/tmp/gs-${name}.png`, fullPage })
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })

async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel(/^(Användarnamn|Username)/).fill(username)
  await page.getByLabel(/^(Lösenord|Password)/).fill(PASSWORD)
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click()
  await h1(page, /^(Ärenden|Cases)$/).waitFor()
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click()
  await h1(page, /^(Logga in|Log in)$/).waitFor()
}

async function setLanguage(page: Page, lang: 'Svenska' | 'English'): Promise<void> {
  await page
    .getByRole('group', { name: /^(Språk|Language)$/ })
    .getByRole('button', { name: lang })
    .click()
  await page.locator(`html[lang="${lang === 'English' ? 'en' : 'sv'}"]`).waitFor()
}

async function declareNoConflict(page: Page): Promise<void> {
  await h1(page, 'Jävsförklaring').waitFor()
  await page.getByLabel('Nej, jag är inte jävig').check()
  await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
  await h1(page, `Ärende: ${ASSOCIATION}`).waitFor()
}

describe('grant-screening UI', () => {
  const violations: string[] = []
  let caseId = ''

  it('officer: logs in, imports a CSV, declares no conflict, and decides (four eyes)', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await h1(page, 'Logga in').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' })
    expect(
      await skip.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)
    await shot(page, 'skip-link', false)
    await page.keyboard.press('Enter')
    expect(
      await page
        .locator('main')
        .evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)
    violations.push(...(await axe(page, 'login sv')))
    await shot(page, 'login')

    // A wrong password is announced in Swedish.
    await page.getByLabel('Användarnamn').fill('officer.rk')
    await page.getByLabel('Lösenord').fill('wrong-password')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor()
    await page.getByRole('heading', { name: 'Inloggningen misslyckades' }).waitFor()

    // In English too; then the rate limit, with the wait from Retry-After, in both languages.
    await setLanguage(page, 'English')
    await page.getByLabel('Username').fill('officer.nm')
    await page.getByLabel('Password').fill('wrong-password')
    const attempt = async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST')
      await page.getByRole('button', { name: 'Log in' }).click()
      return (await answered).status()
    }
    expect(await attempt()).toBe(401)
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor()
    await page.getByRole('heading', { name: 'Could not log in' }).waitFor()
    for (let i = 0; i < 4; i++) expect(await attempt()).toBe(401)
    expect(await attempt()).toBe(429)
    // Progressive delays (issue 16): the first wait is 30 s, less a second if the clock ticked.
    await page.getByRole('alert').filter({ hasText: /Too many failed attempts\. Try again in (30|29) seconds\./ }).waitFor()
    await setLanguage(page, 'Svenska')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await page.getByRole('alert').filter({ hasText: /För många misslyckade försök\. Försök igen om (30|29|28) sekunder\./ }).waitFor()
    violations.push(...(await axe(page, 'login rate-limited sv')))
    await shot(page, 'login-rate-limited', false)

    await login(page, 'officer.rk')
    await page.getByRole('table').waitFor()
    expect(await page.getByRole('link', { name: 'Husby Schackklubb' }).count()).toBe(1)
    violations.push(...(await axe(page, 'queue sv')))
    await shot(page, 'queue-sv')

    // The filters narrow the queue and are kept in the address.
    await page.getByLabel('Prövningsresultat').selectOption('ineligible')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await page.getByRole('table', { name: /Ärenden \(1\)/ }).waitFor()
    expect(page.url()).toContain('outcome=ineligible')
    await page.getByRole('link', { name: 'Rensa filter' }).click()
    await page.getByRole('table', { name: /Ärenden \(3\)/ }).waitFor()

    await setLanguage(page, 'English')
    await h1(page, 'Cases').waitFor()
    expect(page.url()).toContain('lang=en')
    violations.push(...(await axe(page, 'queue en')))
    await shot(page, 'queue-en')
    await setLanguage(page, 'Svenska')

    // A new application pasted as JSON: the API's errors are listed as `path: message`.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ny ansökan' }).click()
    await h1(page, 'Ny ansökan').waitFor()
    violations.push(...(await axe(page, 'new application sv')))
    await page.getByRole('button', { name: 'Registrera ansökan' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Det gick inte att spara' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('persons[0].name: får inte vara tomt')
    expect(await summary.textContent()).toContain('persons[0].email: måste vara en e-postadress')
    violations.push(...(await axe(page, 'new application errors sv')))
    await shot(page, 'new-errors')

    // An application that is already a case: the 409 in Swedish, then in English.
    await page.getByLabel('Ansökan som JSON').fill(JSON.stringify({ application: demoApplication('demo-2026-001') }))
    await page.getByRole('button', { name: 'Registrera ansökan' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: /Ansökan demo-2026-001 i rinkeby-kista\/foreningsbidrag finns redan som ärende [0-9a-f-]{36}\./ })
      .waitFor()
    await shot(page, 'new-conflict-sv', false)
    await setLanguage(page, 'English')
    await page.getByRole('button', { name: 'Register application' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: /Application demo-2026-001 in rinkeby-kista\/foreningsbidrag is already case [0-9a-f-]{36}\./ })
      .waitFor()
    violations.push(...(await axe(page, 'new application conflict en')))
    await setLanguage(page, 'Svenska')

    // Import: one good row and one with a bad organisation number.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera' }).click()
    await h1(page, 'Importera ansökningar').waitFor()
    violations.push(...(await axe(page, 'import sv')))
    await page.getByLabel(/Eller klistra in CSV/).fill(CSV)
    await page.getByRole('button', { name: 'Importera', exact: true }).click()
    await page.getByRole('table', { name: 'Importerade rader' }).waitFor()
    const errors = page.getByRole('table', { name: 'Rader med fel' })
    await errors.waitFor()
    const errorRow = errors.getByRole('row').filter({ hasText: 'association.organisationNumber' })
    expect(await errorRow.count()).toBe(1)
    expect(await errorRow.getByRole('rowheader').textContent()).toBe('3')
    expect(await errorRow.textContent()).toContain('kontrollsiffran stämmer inte (den sista siffran ska vara 5)')
    violations.push(...(await axe(page, 'import result sv')))
    await shot(page, 'import')

    // Open the imported case: the conflict-of-interest declaration comes first.
    const link = page.getByRole('table', { name: 'Importerade rader' }).getByRole('link')
    caseId = ((await link.textContent()) ?? '').split(': ').pop()!.trim()
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/)
    await link.click()
    await h1(page, 'Jävsförklaring').waitFor()
    // There is no default answer: submitting without one is an error at the question.
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await page.getByRole('alert').filter({ hasText: 'Välj om du är jävig eller inte.' }).waitFor()
    violations.push(...(await axe(page, 'conflict declaration sv')))
    await shot(page, 'conflict')
    await declareNoConflict(page)

    // The case page: summary, every finding with status, reason, sources and evidence ids.
    const findings = page.getByRole('table', { name: 'Varje villkor med status, skäl och källor' })
    await findings.waitFor()
    const democracy = findings.getByRole('row').filter({ hasText: 'Behöver bedömas' })
    expect(await democracy.count()).toBe(1)
    expect(await democracy.textContent()).toContain('t1')
    expect(await page.getByText('Rinkeby-Kista stadsdelsnämnd, protokoll 2017-09-21').count()).toBeGreaterThan(0)
    expect(await page.getByRole('table', { name: 'Personer i ärendet' }).getByRole('rowheader', { name: 'Karin Kontakt' }).count()).toBe(1)
    // District ids read as names: on the case and in the header.
    await expect.poll(() => page.locator('dl.dl dt:text-is("Stadsdel") + dd').textContent()).toBe('Rinkeby-Kista')
    expect(await page.locator('.user-box').textContent()).toContain('· Rinkeby-Kista')
    violations.push(...(await axe(page, 'case sv')))
    await shot(page, 'case-sv')
    await setLanguage(page, 'English')
    await h1(page, `Case: ${ASSOCIATION}`).waitFor()
    expect(
      await page
        .getByRole('table', { name: 'Every condition with its status, reason and sources' })
        .getByRole('row')
        .filter({ hasText: 'Needs assessment' })
        .count(),
    ).toBe(1)
    violations.push(...(await axe(page, 'case en')))
    await shot(page, 'case-en')
    await setLanguage(page, 'Svenska')

    // Evidence: the API's field errors show at the fields; then a valid item re-screens the case.
    const evidenceForm = page.getByRole('form', { name: 'Lägg till underlag' })
    await evidenceForm.getByLabel('Agerande').selectOption('violence')
    await evidenceForm.getByLabel('Typ av källa').selectOption('media')
    await evidenceForm.getByRole('button', { name: 'Lägg till och pröva om' }).click()
    await page.locator('#evidence-date[aria-invalid="true"]').waitFor()
    expect(await page.locator('#evidence-date-error').textContent()).toBeTruthy()
    await shot(page, 'evidence-error')
    await evidenceForm.getByLabel('Datum för händelsen').fill('2026-04-02')
    await evidenceForm.getByLabel('Skedde inom föreningens verksamhet').uncheck()
    await evidenceForm.getByLabel('Källhänvisning').fill('Lokaltidning 2026-04-03')
    await evidenceForm.getByRole('button', { name: 'Lägg till och pröva om' }).click()
    await page.getByRole('table', { name: 'Registrerat underlag' }).getByRole('rowheader', { name: 'e2', exact: true }).waitFor()
    expect(await findings.getByRole('row').filter({ hasText: 'Ej tillämpligt' }).filter({ hasText: 'e2' }).count()).toBe(1)

    // A note, with the API's error for an empty one shown at the field first.
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await page.locator('#note-text[aria-invalid="true"]').waitFor()
    await page.getByLabel('Ny anteckning').fill('Ringt föreningen om tipset.')
    await page.getByRole('button', { name: 'Spara anteckning' }).click()
    await page.getByText('Ringt föreningen om tipset.', { exact: true }).waitFor()

    // The decision dialog: modal, focus inside, field errors from the API, then approve.
    const opener = page.getByRole('button', { name: 'Fatta beslut' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Fatta beslut' })
    await dialog.waitFor()
    expect(await dialog.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':modal'))).toBe(true)
    expect(
      await page.evaluate(
        () =>
          (
            globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
          ).document.activeElement?.closest('dialog') != null,
      ),
    ).toBe(true)
    violations.push(...(await axe(page, 'decision dialog sv')))
    await dialog.getByLabel('Bevilja delvis').check()
    await dialog.getByLabel('Skäl för beslutet').fill('Delvis beviljat.')
    await dialog.getByRole('button', { name: 'Spara beslut' }).click()
    await dialog.locator('#decision-amount[aria-invalid="true"]').waitFor()
    expect(await dialog.locator('#decision-amount-error').textContent()).toContain('måste fyllas i när bidraget beviljas delvis')
    expect(await dialog.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':modal'))).toBe(true)
    await shot(page, 'decision-dialog', false)
    // Escape closes the dialog and focus returns to the button that opened it.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(
      await opener.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).toBe(true)

    // The same field error in English.
    await setLanguage(page, 'English')
    await page.getByRole('button', { name: 'Make a decision' }).click()
    const dialogEn = page.getByRole('dialog', { name: 'Make a decision' })
    await dialogEn.getByLabel('Approve in part').check()
    await dialogEn.getByLabel('Reasons for the decision').fill('Partly granted.')
    await dialogEn.getByRole('button', { name: 'Save decision' }).click()
    await dialogEn.locator('#decision-amount[aria-invalid="true"]').waitFor()
    expect(await dialogEn.locator('#decision-amount-error').textContent()).toContain('is required for a partial grant')
    violations.push(...(await axe(page, 'decision dialog errors en')))
    await shot(page, 'decision-dialog-en', false)
    await page.keyboard.press('Escape')
    await dialogEn.waitFor({ state: 'detached' })
    await setLanguage(page, 'Svenska')

    // Keyboard only: Enter opens it, and Tab stays inside the modal dialog.
    await opener.focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(
        await page.evaluate(
          () =>
            (
              globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
            ).document.activeElement?.closest('dialog') != null,
        ),
      ).toBe(true)
    }
    await dialog.getByLabel('Bevilja', { exact: true }).check()
    await dialog.getByLabel('Skäl för beslutet').fill('Tipset är inte styrkt; föreningen uppfyller villkoren.')
    await dialog.getByLabel('Svenska').check()
    await dialog.getByRole('button', { name: 'Spara beslut' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Beslutet väntar på en andra underskrift av en attestant.').waitFor()
    await shot(page, 'case-awaiting')

    // The import report in English: the row already imported is a conflict, the bad row names its field.
    await setLanguage(page, 'English')
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import' }).click()
    await h1(page, 'Import applications').waitFor()
    await page.getByLabel(/Or paste CSV/).fill(CSV)
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const errorsEn = page.getByRole('table', { name: 'Rows with errors' })
    await errorsEn.waitFor()
    expect(await errorsEn.getByRole('row').filter({ hasText: 'association.organisationNumber' }).textContent()).toContain(
      'the check digit is wrong (the last digit should be 5)',
    )
    expect(
      await errorsEn
        .getByRole('row')
        .filter({ hasText: `Application e2e-001 in rinkeby-kista/foreningsbidrag is already case ${caseId}.` })
        .count(),
    ).toBe(1)
    violations.push(...(await axe(page, 'import result en')))
    await shot(page, 'import-en')
    await setLanguage(page, 'Svenska')
    await logout(page)
    await context.close()
  }, 180_000)

  it('approver: declares no conflict, gives the second signature and opens the letters', async () => {
    expect(caseId).not.toBe('')
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'approver.rk')
    await page.getByRole('link', { name: ASSOCIATION }).click()
    await declareNoConflict(page)
    const approval = page.getByRole('form', { name: 'Andra underskrift' })
    await approval.waitFor()
    violations.push(...(await axe(page, 'case approver sv')))
    await approval.getByLabel(/Kommentar/).fill('Instämmer.')
    await approval.getByRole('button', { name: 'Godkänn beslutet' }).click()
    await page.getByRole('heading', { name: 'Beslutsbrev' }).waitFor()
    expect(await page.getByText(/Attesterat av approver\.rk/).count()).toBe(1)
    await shot(page, 'case-decided')

    // The PDF, fetched with the page's cookies.
    const pdfHref = await page.locator('a[data-letter="sv-pdf"]').getAttribute('href')
    const pdf = await context.request.get(new URL(pdfHref!, server.url).toString())
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // The HTML letter in Swedish names the association.
    await page.locator('a[data-letter="sv-html"]').click()
    await page.waitForURL(/\/letter\?/)
    expect(await page.textContent('body')).toContain(ASSOCIATION)
    await shot(page, 'letter-sv')
    await page.goBack()
    await h1(page, `Ärende: ${ASSOCIATION}`).waitFor()
    await logout(page)

    // Back to the officer for the follow-up: the report due date, then a reclaim.
    await login(page, 'officer.rk')
    await page.getByRole('link', { name: ASSOCIATION }).click()
    await h1(page, `Ärende: ${ASSOCIATION}`).waitFor()
    const followUp = page.getByRole('region', { name: 'Uppföljning' })
    await followUp.getByLabel('Redovisning senast').fill('2027-03-31')
    await followUp.getByRole('button', { name: 'Spara uppföljning' }).click()
    await page.getByTestId('announcer').filter({ hasText: 'Uppföljningen sparades.' }).waitFor()
    const reclaim = page.getByRole('region', { name: 'Återkrav' })
    await reclaim.getByLabel('Belopp att återkräva').fill('90000')
    await reclaim.getByLabel('Skäl för återkravet').fill('Redovisningen visar att bidraget inte använts enligt ansökan.')
    await reclaim.getByRole('button', { name: 'Besluta om återkrav' }).click()
    await page.locator('#reclaim-amount[aria-invalid="true"]').waitFor()
    expect(await page.locator('#reclaim-amount-error').textContent()).toContain('60000')
    violations.push(...(await axe(page, 'case follow-up sv')))
    await reclaim.getByLabel('Belopp att återkräva').fill('20000')
    await reclaim.getByRole('button', { name: 'Besluta om återkrav' }).click()
    await reclaim.getByText(/Återkrav på 20\s000 kr beslutat av officer\.rk/).waitFor()
    await shot(page, 'case-follow-up')
    await page.getByRole('link', { name: /Tillbaka till ärendelistan/ }).click()
    await page.getByRole('table').getByRole('row').filter({ hasText: ASSOCIATION }).filter({ hasText: '2027-03-31' }).waitFor()
    await logout(page)
    await context.close()
  }, 180_000)

  it('officer with a conflict of interest: is kept out of the case', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer2.rk')
    await page.getByRole('link', { name: 'Husby Schackklubb' }).click()
    await h1(page, 'Jävsförklaring').waitFor()
    await page.getByLabel('Ja, jag är jävig').check()
    await page.getByLabel(/^Kommentar/).fill('Min bror sitter i styrelsen.')
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await page.getByRole('alert').filter({ hasText: 'Du har anmält jäv i ärendet' }).waitFor()
    violations.push(...(await axe(page, 'conflict declared sv')))
    await shot(page, 'conflict-declared')
    await context.close()
  }, 120_000)

  it('auditor: the audit trail lists the events and verifies the chain', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'auditor')
    await page.getByRole('link', { name: 'Granskningslogg' }).click()
    await h1(page, 'Granskningslogg').waitFor()
    const table = page.getByRole('table', { name: /Händelser/ })
    await table.waitFor()
    expect(await table.getByRole('row').filter({ hasText: 'case.decision.approve' }).count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click()
    await page.getByText(/Kedjan är hel: \d+ händelser kontrollerade utan fel\./).waitFor()
    violations.push(...(await axe(page, 'audit sv')))
    await shot(page, 'audit')
    await setLanguage(page, 'English')
    await h1(page, 'Audit trail').waitFor()
    violations.push(...(await axe(page, 'audit en')))
    await context.close()
  }, 120_000)

  it('admin: starts a re-screen under stricter rules and sees the flips', async () => {
    // The same database served with a lower maximum amount: open cases above it flip to ineligible.
    const p = rinkebyKista.grantProgrammes[0]!
    const stricter = composePlugins([
      norrmalm,
      defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 40_000 } }] }),
    ])
    const next = await server.restart({ plugins: stricter })
    const { context, page } = await newPage()
    try {
      await page.goto(`${next.url}/?lang=en`)
      await h1(page, 'Log in').waitFor()
      await login(page, 'admin')
      await page.getByRole('link', { name: 'Re-screens' }).click()
      await h1(page, 'Re-screens').waitFor()
      violations.push(...(await axe(page, 'rescreen empty en')))
      await page.getByRole('button', { name: 'Start a re-screen' }).click()
      const flips = page.getByRole('table', { name: /^Cases that changed outcome/ })
      await flips.waitFor()
      const kista = flips.getByRole('row').filter({ hasText: 'Kista Ungdomsförening' })
      expect(await kista.count()).toBe(1)
      expect(await kista.textContent()).toMatch(/Eligible.*Ineligible.*Programme maximum amount \(max-amount\)/)
      violations.push(...(await axe(page, 'rescreen en')))
      await setLanguage(page, 'Svenska')
      await h1(page, 'Omprövningar').waitFor()
      const kistaSv = page
        .getByRole('table', { name: /^Ärenden som ändrade resultat/ })
        .getByRole('row')
        .filter({ hasText: 'Kista Ungdomsförening' })
      expect(await kistaSv.textContent()).toContain('Högsta belopp i programmet (max-amount)')
      violations.push(...(await axe(page, 'rescreen sv')))
      await shot(page, 'rescreen')
    } finally {
      await context.close()
      await next.stop()
    }
  }, 120_000)

  it('serves the accessibility statement in Swedish and English without signing in, and reflows at 320 CSS px (WCAG 1.4.10)', async () => {
    const { context, page } = await newPage()
    await page.setViewportSize({ width: 320, height: 800 })
    // What sticks out past the right edge, outside any region that scrolls on its own (for the failure message).
    const sideways = async () => {
      const r = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: {
              documentElement: { clientWidth: number; scrollWidth: number }
              querySelectorAll(s: string): ArrayLike<{
                getBoundingClientRect(): { right: number }
                parentElement: unknown
                tagName: string
                className: string
                textContent: string | null
              }>
            }
          }
        ).document
        const style = (e: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle(e)
        const vw = d.documentElement.clientWidth
        const scrollsItself = (e: { parentElement: unknown }) => {
          for (let a = e.parentElement as { parentElement: unknown } | null; a; a = a.parentElement as { parentElement: unknown } | null)
            if (['auto', 'scroll'].includes(style(a).overflowX)) return true
          return false
        }
        const out = Array.from(d.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > vw + 0.5 && !scrollsItself(e))
        return {
          px: d.documentElement.scrollWidth - vw,
          out: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 30)}"`),
        }
      })
      return r.px === 0 ? 0 : `${r.px} px: ${r.out.join(' | ')}`
    }
    await page.goto(server.url)
    await h1(page, 'Logga in').waitFor()
    expect(await sideways(), 'login').toBe(0)
    await shot(page, '320-login')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
    await h1(page, 'Tillgänglighetsredogörelse').waitFor()
    expect(page.url()).toContain('#/tillganglighet')
    expect(await page.getByRole('main').textContent()).toContain('Stockholms stad står bakom Bidragsprövning')
    expect(await sideways(), 'accessibility statement').toBe(0)
    violations.push(...(await axe(page, 'accessibility statement sv')))
    await setLanguage(page, 'English')
    await h1(page, 'Accessibility statement').waitFor()
    violations.push(...(await axe(page, 'accessibility statement en')))
    await shot(page, '320-accessibility-en')
    await setLanguage(page, 'Svenska')
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await page.getByRole('table').waitFor()
    expect(await sideways(), 'queue').toBe(0)
    await shot(page, '320-queue')
    await page.getByRole('link', { name: 'Husby Schackklubb' }).click()
    await h1(page, 'Jävsförklaring').waitFor()
    expect(await sideways(), 'conflict declaration').toBe(0)
    await shot(page, '320-declaration')
    await page.getByLabel('Nej, jag är inte jävig').check()
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await h1(page, 'Ärende: Husby Schackklubb').waitFor()
    expect(await sideways(), 'case').toBe(0)
    await shot(page, '320-case')
    await context.close()
  }, 120_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expect(violations).toEqual([])
    for (const label of [
      'login sv',
      'login rate-limited sv',
      'queue sv',
      'queue en',
      'import sv',
      'import result en',
      'case sv',
      'case en',
      'decision dialog sv',
      'decision dialog errors en',
      'audit sv',
      'rescreen en',
      'rescreen sv',
      'accessibility statement sv',
      'accessibility statement en',
    ])
      expect(axeRuns).toContain(label)
    expect(cspViolations).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
