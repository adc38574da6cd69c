/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'

/**
 * The plan editor's tables on a phone (375 CSS px), in Swedish and English: the follow-up
 * per tertial (inputs and buttons in each row) and the situation pictures are the kit's
 * table with `cards`, so each row is a labelled card and nothing scrolls sideways, except
 * the heat map, a matrix that keeps its grid in its own region and says so above it. The plan list is
 * cards too. axe finds nothing.
 * Screenshots go to /tmp/pe-phone-*.png.
 */
describe('plan editor tables on a phone', () => {
  const suite = browserSuite({ expectedStatuses: [401] })
  const { problems, newPage, signIn } = suite

  /** The table regions that scroll sideways inside (by name), and how far the page does. */
  const sideways = (page: Page) =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      regions: Array.from(document.querySelectorAll('.table-wrap'))
        .filter((r) => r.scrollWidth > r.clientWidth)
        .map((r) => r.getAttribute('aria-label') ?? document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? '?'),
    }))
  async function setLanguage(page: Page, lang: 'sv' | 'en') {
    await page
      .getByRole('group', { name: /^(Språk|Language)$/ })
      .getByRole('button', { name: lang === 'sv' ? 'Svenska' : 'English' })
      .click()
    await page.locator(`html[lang="${lang}"]`).waitFor()
  }

  it('follow-up and situation pictures as labelled cards at 375 px, in sv and en; the heat map scrolls in its region', async () => {
    const page = await newPage(375)
    await signIn(page, 'admin')
    // The plan list: the kit's table as cards, each plan a labelled card; nothing scrolls sideways.
    expect(await sideways(page)).toEqual({ page: 0, regions: [] })
    expect(await page.locator('.table-wrap--cards').count()).toBe(1)
    expect(
      await page
        .getByRole('row', { name: /^Rinkeby-Kista 2017/ })
        .locator('.table__label')
        .first()
        .isVisible(),
    ).toBe(true)
    await suite.checkAxe(page, 'plan list sv 375')
    await page.screenshot({ path: '/tmp/pe-phone-plans-sv.png', fullPage: true })
    await setLanguage(page, 'en')
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor()
    expect(await sideways(page)).toEqual({ page: 0, regions: [] })
    await page.screenshot({ path: '/tmp/pe-phone-plans-en.png', fullPage: true })
    await setLanguage(page, 'sv')
    await page.getByRole('link', { name: 'Rinkeby-Kista 2017' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2017' }).waitFor()
    await page.getByRole('tab', { name: 'Uppföljning' }).click()
    const t1 = page.getByLabel('Värde T1', { exact: true }).first()
    await t1.waitFor()
    expect(await sideways(page)).toEqual({ page: 0, regions: [] })
    // The tertial's card: its value under the column's label, the input still named for assistive technology.
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'T1', exact: true }) })
      .first()
    expect(await row.locator('.table__label').first().textContent()).toBe('Värde')
    expect(await row.locator('.table__label').first().isVisible()).toBe(true)
    await suite.checkAxe(page, 'follow-up sv 375')
    await page.screenshot({ path: '/tmp/pe-phone-followup-sv.png', fullPage: true })
    await setLanguage(page, 'en')
    await page.getByLabel('Value T1', { exact: true }).first().waitFor()
    expect(await sideways(page)).toEqual({ page: 0, regions: [] })
    await suite.checkAxe(page, 'follow-up en 375')
    await page.screenshot({ path: '/tmp/pe-phone-followup-en.png', fullPage: true })

    await page.getByRole('link', { name: 'Central overview' }).click()
    await page.getByRole('heading', { level: 1, name: 'Central overview' }).waitFor()
    await page.locator('table.heat td').first().waitFor()
    expect((await sideways(page)).page).toBe(0)
    // Only the heat map scrolls sideways, in its own region, and the text above it says so.
    expect((await sideways(page)).regions).toEqual(['Coverage by district'])
    expect(await page.locator('#heat-help').textContent()).toContain('The table has 17 items: scroll or swipe it sideways to see them all.')
    // Each heading once: the heat map is named by its heading, not by a second caption or label of its own.
    const headings = await page.getByRole('main').locator('h1, h2, h3, caption:not(.visually-hidden)').allTextContents()
    expect(headings.length).toBe(new Set(headings).size)
    expect(await page.locator('table.heat caption').count()).toBe(0)
    await suite.checkAxe(page, 'overview en 375')
    await page.screenshot({ path: '/tmp/pe-phone-overview-en.png', fullPage: true })
    await setLanguage(page, 'sv')
    await page.getByRole('heading', { level: 1, name: 'Central översikt' }).waitFor()
    await page.screenshot({ path: '/tmp/pe-phone-overview-sv.png', fullPage: true })
    expect(problems).toEqual([])
  })
})
