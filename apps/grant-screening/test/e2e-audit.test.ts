/**
 * The audit page in Chromium against a real server: who did what to which case, in words.
 * Display names, not usernames; labels, not action codes; a case's diarienummer (or "without a
 * diarienummer") and a link, never an id; no ruleset hash. Filter by diarienummer; the case page's
 * link fills it in. Axe clean in both languages.
 */
import { describe, expect, it } from 'vitest'
import { axe, expectCleanRun, h1, login, newPage, server, setLanguage, setupE2e, shot } from './support/e2e.js'
import { decidedCase, eligibleApplication } from './support/cases.js'
import { sql } from 'kysely'

setupE2e()

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const HASH = /\b[0-9a-f]{16,}\b/i
const USERNAMES = /\b(officer2?\.(rk|nm)|approver\.rk|admin(\.rk|\.nm)?|auditor)\b/
const CODES = /\b(case|session|user|person|staff|gdpr|audit)\.[a-z-]+/

describe('grant-screening UI: the audit page', () => {
  const violations: string[] = []

  it('auditor: sees display names, event labels and diarienummer, no id, username, code or hash', async () => {
    const officer = await server.login('officer.rk')
    const decided = await decidedCase(officer, eligibleApplication('e2e-audit'))
    const { rows } = await sql<{ case_number: string }>`select case_number from gs_case_numbers where case_id = ${decided.id}`.execute(
      server.database.kysely,
    )
    const caseNumber = rows[0]!.case_number

    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'auditor')
    await page.getByRole('link', { name: 'Granskningslogg' }).click()
    await h1(page, 'Granskningslogg').waitFor()
    const table = page.getByRole('table', { name: /^Händelser/ })
    await table.waitFor()
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('Amina Yusuf')
    expect(text).toContain('Ärendet registrerades')
    expect(text).toContain('Beslut fattades')
    expect(text).toContain(`Ärende ${caseNumber}`)
    expect(text).toContain('Inloggning')
    expect(text).not.toMatch(UUID)
    expect(text).not.toMatch(USERNAMES)
    expect(text).not.toMatch(CODES)
    expect(text).not.toMatch(HASH)
    // Links to a case: the visible text and the accessible name hold no id.
    const links = table.getByRole('link', { name: /^Öppna ärendet/ })
    expect(await links.count()).toBeGreaterThan(0)
    for (const link of await links.all()) {
      expect(await link.textContent()).not.toMatch(UUID)
      expect(await link.getAttribute('aria-label')).not.toMatch(UUID)
    }
    await table
      .getByRole('link', { name: `Öppna ärendet: ${caseNumber}` })
      .first()
      .waitFor()
    violations.push(...(await axe(page, 'audit sv')))
    await shot(page, 'audit-sv', false)

    // Filter by diarienummer: only that case's events.
    await page.getByLabel('Diarienummer', { exact: true }).fill(caseNumber)
    await page.getByRole('button', { name: 'Visa' }).click()
    await page.waitForURL(/reference=/)
    await table.waitFor()
    await page
      .getByRole('table', { name: /^Händelser/ })
      .getByText('Beslut fattades')
      .first()
      .waitFor()
    const rowsText = await page
      .getByRole('table', { name: /^Händelser/ })
      .locator('tbody tr')
      .allTextContents()
    expect(rowsText.length).toBeGreaterThan(0)
    for (const r of rowsText) expect(r).toContain(`Ärende ${caseNumber}`)

    // An unknown diarienummer: the error names the field.
    await page.getByLabel('Diarienummer', { exact: true }).fill('KS 2099/99999')
    await page.getByRole('button', { name: 'Visa' }).click()
    await page
      .getByText(/Inget har diarienumret eller referensen KS 2099\/99999/)
      .first()
      .waitFor()
    violations.push(...(await axe(page, 'audit unknown reference sv')))

    await page.getByRole('link', { name: 'Granskningslogg' }).click()
    await page.getByRole('table', { name: /^Händelser/ }).waitFor()
    await setLanguage(page, 'English')
    await h1(page, 'Audit trail').waitFor()
    const en = (await page.getByRole('table', { name: /^Events/ }).textContent()) ?? ''
    expect(en).toContain('Case registered')
    expect(en).toContain(`Case ${caseNumber}`)
    expect(en).not.toMatch(UUID)
    expect(en).not.toMatch(USERNAMES)
    violations.push(...(await axe(page, 'audit en')))
    await shot(page, 'audit-en', false)
    await context.close()
  }, 180_000)

  it('the case page’s link fills in the diarienummer and narrows the list; without a diarienummer the page says so', async () => {
    const officer = await server.login('officer.rk')
    const decided = await decidedCase(officer, eligibleApplication('e2e-audit-link'))
    const unnumbered = (await officer.json('POST', '/api/cases', { application: eligibleApplication('e2e-audit-link-2') })).body
      .id as string
    const { rows } = await sql<{ case_number: string }>`select case_number from gs_case_numbers where case_id = ${decided.id}`.execute(
      server.database.kysely,
    )
    const caseNumber = rows[0]!.case_number

    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'auditor')
    await page.goto(`${server.url}#/cases/${decided.id}`)
    await page.locator('[data-case-number]').getByText(caseNumber).waitFor()
    await page.getByRole('main').getByRole('link', { name: 'Granskningslogg' }).click()
    await h1(page, 'Granskningslogg').waitFor()
    expect(page.url()).toContain(`reference=${encodeURIComponent(caseNumber).replace(/%20/g, '+')}`)
    expect(page.url()).not.toMatch(UUID)
    // The field holds the diarienummer, and the list is that case's events only.
    expect(await page.getByLabel('Diarienummer', { exact: true }).inputValue()).toBe(caseNumber)
    const table = page.getByRole('table', { name: /^Händelser/ })
    await table.getByText('Beslut fattades').first().waitFor()
    const rowsText = await table.locator('tbody tr').allTextContents()
    expect(rowsText.length).toBeGreaterThan(1)
    for (const r of rowsText) expect(r).toContain(`Ärende ${caseNumber}`)
    violations.push(...(await axe(page, 'audit from case link sv')))
    await shot(page, 'audit-from-case-link', false)

    // A case without a diarienummer: the link filters by the case, and the page says so and offers every event.
    await page.goto(`${server.url}#/cases/${unnumbered}`)
    await page.getByRole('main').getByRole('link', { name: 'Granskningslogg' }).click()
    await page.getByText('Listan visar bara händelserna för ett objekt.').waitFor()
    await table.getByText('Ärendet registrerades').first().waitFor()
    for (const r of await table.locator('tbody tr').allTextContents()) expect(r).toContain('Ärende utan diarienummer')
    expect(await page.getByLabel('Diarienummer', { exact: true }).inputValue()).toBe('')
    expect((await page.getByRole('main').textContent()) ?? '').not.toMatch(UUID)
    violations.push(...(await axe(page, 'audit of a case without a number sv')))
    await page.getByRole('link', { name: 'Visa alla händelser' }).click()
    await page.getByText(`Ärende ${caseNumber}`).first().waitFor()
    await context.close()
  }, 180_000)

  it('closes clean', () =>
    expectCleanRun(violations, [
      'audit sv',
      'audit unknown reference sv',
      'audit en',
      'audit from case link sv',
      'audit of a case without a number sv',
    ]))
})
