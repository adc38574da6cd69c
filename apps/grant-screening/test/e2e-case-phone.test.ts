/**
 * The case page's tables on a phone (375 CSS px), in Swedish and English: the findings, the
 * evidence and the people are the kit's table with `cards`, so each row is a card with its
 * fields labelled and nothing scrolls sideways, not even inside a table's own region; the
 * tables keep their names, row headers and cells for assistive technology, and axe finds
 * nothing. Then the same page at 1280 px, a table again. Screenshots go to /tmp/gs-phone-*.png.
 */
import { describe, expect, it } from 'vitest'
import {
  ASSOCIATION,
  axe,
  expectCleanRun,
  h1,
  login,
  newPage,
  openImportedCase,
  setLanguage,
  setupE2e,
  shot,
  server,
  sideways,
} from './support/e2e.js'

setupE2e()

describe('grant-screening UI: the case page on a phone', () => {
  const violations: string[] = []

  it('officer (375 px, sv and en): findings, evidence and people as labelled cards; no sideways scrolling; a table again at 1280 px', async () => {
    const { context, page } = await newPage()
    try {
      await page.setViewportSize({ width: 375, height: 800 })
      await page.goto(server.url)
      await login(page, 'officer.rk')
      await openImportedCase(page)

      const findings = page.getByRole('table', { name: 'Varje villkor med status, skäl och källor' })
      const evidence = page.getByRole('table', { name: 'Registrerat underlag' })
      const people = page.getByRole('table', { name: 'Personer i ärendet' })
      await findings.waitFor()
      expect(await sideways(page)).toEqual({ page: 0, regions: [] })
      // A card: the column's header beside the value, seen but not read out twice (the cell's name is its value).
      const tip = evidence.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '1', exact: true }) })
      expect(await tip.locator('.table__label').first().isVisible()).toBe(true)
      expect(await tip.locator('.table__label').first().textContent()).toBe('Agerande')
      expect(await tip.getByRole('cell', { name: 'Hot', exact: true }).count()).toBe(1)
      expect(await people.getByRole('rowheader', { name: 'Karin Kontakt' }).count()).toBe(1)
      expect(
        await findings.getByRole('row').filter({ hasText: 'Behöver bedömas' }).getByRole('cell', { name: '1', exact: true }).count(),
      ).toBe(1)
      violations.push(...(await axe(page, 'case sv 375')))
      await shot(page, 'phone-case-sv-375')

      await setLanguage(page, 'English')
      await h1(page, `Case: ${ASSOCIATION}`).waitFor()
      await page.getByRole('table', { name: 'Every condition with its status, reason and sources' }).waitFor()
      expect(await sideways(page)).toEqual({ page: 0, regions: [] })
      violations.push(...(await axe(page, 'case en 375')))
      await shot(page, 'phone-case-en-375')

      await page.setViewportSize({ width: 1280, height: 900 })
      await expect.poll(() => page.locator('.table__label').first().isVisible()).toBe(false)
      expect(await page.locator('table.table--cards thead').first().isVisible()).toBe(true)
      violations.push(...(await axe(page, 'case en 1280')))
      await shot(page, 'phone-case-en-1280')
      await setLanguage(page, 'Svenska')
      await shot(page, 'phone-case-sv-1280')
    } finally {
      await context.close()
    }
    expectCleanRun(violations, ['case sv 375', 'case en 375', 'case en 1280'])
  }, 240_000)
})
