/**
 * The kit's date field on the grant-screening pages, in Chromium against a real server:
 * the format is told in the UI's language whatever the browser's locale (a Swedish UI in
 * an American browser, an English UI in a Swedish one), typing is read and normalised to
 * YYYY-MM-DD when the person leaves the field, and a date that does not exist gets an
 * error at the field in the UI's language, tied to the input, with the text kept. The form
 * sends ISO dates (a follow-up typed as 20270331 is saved as 2027-03-31). Every state is
 * checked with axe under the real CSP. Screenshots go to /tmp/dates-shots/.
 */
import { mkdirSync } from 'node:fs'
import { describedBy, typeAndLeave } from '@vbe/test-browser'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decidedCase, eligibleApplication } from './support/cases.js'
import { axe, browser, cspViolations, expectCleanRun, h1, login, pageErrors, server, setLanguage, setupE2e } from './support/e2e.js'

setupE2e()

const SHOTS = '/tmp/dates-shots'
mkdirSync(SHOTS, { recursive: true })
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })

/** A page whose browser speaks `locale`, at `width` px, its CSP and script errors collected as setupE2e's pages are. */
async function pageIn(locale: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
  })
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  return { context, page }
}

describe('grant-screening UI: dates in the UI language', () => {
  const violations: string[] = []

  it('Swedish UI in an American browser (1280 px): the hint in Swedish, typing normalised, an impossible date told at the field', async () => {
    const { context, page } = await pageIn('en-US', 1280)
    try {
      await page.goto(server.url)
      await login(page, 'officer.rk')
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ny ansökan' }).click()
      await h1(page, 'Ny ansökan').waitFor()

      const since = page.getByLabel('Verksamhet sedan', { exact: true })
      // A text field the browser does not localise, and says how to write the date in the UI's language.
      expect(await since.getAttribute('type')).toBe('text')
      expect(await since.getAttribute('inputmode')).toBe('numeric')
      expect(await since.getAttribute('autocomplete')).toBe('off')
      expect(await describedBy(page, since)).toEqual([
        'Dagen föreningens dokumenterade verksamhet började.',
        'ÅÅÅÅ-MM-DD, till exempel 2027-03-31',
      ])
      expect(await page.locator('input[type="date"]').count()).toBe(0)

      // Digits only, or a single-digit month, become YYYY-MM-DD on leaving the field.
      await typeAndLeave(since, '20180501')
      expect(await since.inputValue()).toBe('2018-05-01')
      const board = page.getByLabel('Styrelsen valdes', { exact: true })
      await typeAndLeave(board, '2026-3-1')
      expect(await board.inputValue()).toBe('2026-03-01')
      expect(await board.getAttribute('aria-invalid')).toBeNull()

      // A day February does not have: an error at the field, in Swedish, tied to it; the text stays.
      await typeAndLeave(since, '2027-02-30')
      await since.and(page.locator('[aria-invalid="true"]')).waitFor()
      expect(await since.inputValue()).toBe('2027-02-30')
      expect(await describedBy(page, since)).toEqual([
        'Dagen föreningens dokumenterade verksamhet började.',
        'ÅÅÅÅ-MM-DD, till exempel 2027-03-31',
        'Verksamhet sedan: 2027-02-30 finns inte. Februari 2027 har 28 dagar.',
      ])
      // An American order is not read as a date (the same digits mean another day in Swedish habit).
      const adopted = page.getByLabel('Stadgarna antogs (frivilligt)', { exact: true })
      await typeAndLeave(adopted, '03/31/2027')
      expect(await adopted.getAttribute('aria-invalid')).toBe('true')
      expect((await describedBy(page, adopted)).at(-1)).toBe(
        'Stadgarna antogs: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31 (du skrev ”03/31/2027”).',
      )
      violations.push(...(await axe(page, 'dates new application sv')))
      await shot(page, 'new-application-sv-1280')

      // Corrected, the error goes.
      await typeAndLeave(since, '2027-02-28')
      expect(await since.getAttribute('aria-invalid')).toBeNull()
      expect(await describedBy(page, since)).toHaveLength(2)
    } finally {
      await context.close()
    }
  })

  it('English UI in a Swedish browser (375 px): the queue filter and the follow-up in English, the follow-up saved as ISO', async () => {
    const officer = await server.login('officer.rk')
    const { detail } = await decidedCase(officer, eligibleApplication('e2e-dates-1'))
    expect(detail).toMatchObject({ status: 'decided' })
    const { context, page } = await pageIn('sv-SE', 375)
    try {
      await page.goto(server.url)
      await setLanguage(page, 'English')
      await login(page, 'officer.rk')

      const due = page.getByLabel('Report due before', { exact: true })
      expect(await describedBy(page, due)).toEqual(['YYYY-MM-DD, for example 2027-03-31'])
      await typeAndLeave(due, '2027-13-01')
      expect(await due.getAttribute('aria-invalid')).toBe('true')
      expect((await describedBy(page, due)).at(-1)).toBe('Report due before: 2027-13-01 does not exist. The month is written 01 to 12.')
      expect(await due.inputValue()).toBe('2027-13-01')
      violations.push(...(await axe(page, 'dates queue en')))
      await shot(page, 'queue-en-375')
      await typeAndLeave(due, '2027.3.31')
      expect(await due.inputValue()).toBe('2027-03-31')
      expect(await due.getAttribute('aria-invalid')).toBeNull()

      // The follow-up of a decided case: typed as digits, sent and saved as ISO.
      await page.goto(`${server.url}/?lang=en#/cases/${encodeURIComponent(detail.id)}`)
      await h1(page, 'Case: Förening e2e-dates-1').waitFor()
      const followUp = page.getByRole('region', { name: 'Follow-up' })
      const reportDue = followUp.getByLabel('Report due', { exact: true })
      await typeAndLeave(reportDue, '2027-04-31')
      expect((await describedBy(page, reportDue)).at(-1)).toBe('Report due: 2027-04-31 does not exist. April 2027 has 30 days.')
      violations.push(...(await axe(page, 'dates follow-up en')))
      await followUp.screenshot({ path: `${SHOTS}/follow-up-en-375.png` })
      await typeAndLeave(reportDue, '20270331')
      expect(await reportDue.inputValue()).toBe('2027-03-31')
      await followUp.getByRole('button', { name: 'Save follow-up' }).click()
      await page.getByTestId('announcer').filter({ hasText: 'The follow-up was saved.' }).waitFor()
      const saved = await officer.json('GET', `/api/cases/${encodeURIComponent(detail.id)}`)
      expect(saved.body.reportDue).toBe('2027-03-31')
    } finally {
      await context.close()
    }
  })

  it('has no axe violations, CSP violations or script errors', () => {
    expectCleanRun(violations, ['dates new application sv', 'dates queue en', 'dates follow-up en'])
  })
})
