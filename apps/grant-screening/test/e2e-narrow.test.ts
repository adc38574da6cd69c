/// <reference lib="dom" />
/**
 * The queue and the case page on phones, in Chromium against a real server, in Swedish and
 * English: the queue's table is the kit's table with `cards` (no sideways scrolling inside
 * its region), its heading repeats no link of the main menu, and a row says "requires
 * assessment" once; on the case page a condition's heading keeps clear of its status bar;
 * and at 320 px no date the page shows breaks over two lines (measured on the text itself,
 * as the kit's date-wrap test does). axe on each page. Screenshots go to /tmp/gs-narrow-*.png.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { decidedCase, eligibleApplication, openCase, threeFailedRules, TIP } from './support/cases.js'
import { axe, expectCleanRun, h1, server, setLanguage, setupE2e, shot, sideways, signedIn } from './support/e2e.js'

setupE2e()

/** Every date in the main content's visible text (ISO, and the format ÅÅÅÅ-MM-DD / YYYY-MM-DD), with the lines it lies on. */
const dateLines = (page: Page) =>
  page.evaluate(() => {
    const DATE = /\d{4}-\d{2}-\d{2}|ÅÅÅÅ-MM-DD|YYYY-MM-DD/g
    const out: { date: string; lines: number; text: string }[] = []
    const walk = document.createTreeWalker(document.getElementById('main')!, NodeFilter.SHOW_TEXT)
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = n.textContent ?? ''
      if (n.parentElement?.closest('.visually-hidden, option, [hidden]')) continue
      for (const m of text.matchAll(DATE)) {
        const range = document.createRange()
        range.setStart(n, m.index)
        range.setEnd(n, m.index + m[0].length)
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
        if (rects.length === 0) continue
        out.push({ date: m[0], lines: new Set(rects.map((r) => Math.round(r.top))).size, text: text.slice(0, 80) })
      }
    }
    return out
  })

/** How far each finding's condition heading starts from the left edge of its row header, where the status bar is drawn. */
const headingGaps = (page: Page) =>
  page.locator('tr.finding--not_met > th, tr.finding--needs_assessment > th').evaluateAll((ths) =>
    ths.map((th) => {
      const text = document.createTreeWalker(th, NodeFilter.SHOW_TEXT).nextNode()!
      const range = document.createRange()
      range.selectNodeContents(text)
      return Math.round(range.getBoundingClientRect().left - th.getBoundingClientRect().left)
    }),
  )

describe('grant-screening UI on phones', () => {
  const violations: string[] = []
  let decidedId = ''
  let failedId = ''

  beforeAll(async () => {
    const officer = await server.login('officer.rk')
    // A decided case with a communication awaiting reply (dates in the decision, the communication and the follow-up).
    const { id } = await decidedCase(officer, eligibleApplication('e2e-narrow-1', { evidence: [] }))
    decidedId = id
    const sent = await officer.json('POST', `/api/cases/${id}/communications`, {
      kind: 'deny',
      material: 'Nya uppgifter om föreningen.',
      deadline: '2026-12-10',
      letterLocale: 'sv',
    })
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300)
    // Three failed rules and a tip to assess: red and amber status bars on the case page.
    failedId = (await openCase(officer, { ...threeFailedRules('e2e-narrow-2'), evidence: [TIP] })).id
  }, 60_000)

  it('the queue (375 px, sv and en): rows as labelled cards, no second import link, "requires assessment" said once', async () => {
    await signedIn(375, 'officer.rk', async (page) => {
      const table = page.getByRole('table', { name: /^Ärenden \(\d+\)$/ })
      await table.waitFor()
      // Importing is in the main menu only.
      expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importera' }).count()).toBe(1)
      expect(await page.locator('#main').getByRole('link', { name: 'Importera' }).count()).toBe(0)
      expect(await page.locator('#main').getByRole('button', { name: 'Importera' }).count()).toBe(0)
      // A case that requires assessment says so once: its outcome, without a flag repeating it.
      const husby = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Husby Schackklubb/ }) })
      expect(await husby.getByText('Kräver bedömning', { exact: true }).count()).toBe(1)
      expect(await husby.getByText(/Kräver mänsklig bedömning/).count()).toBe(0)
      // Cards: the column's header as a visible label, and nothing scrolls sideways.
      expect(await sideways(page)).toEqual({ page: 0, regions: [] })
      expect(await husby.locator('.table__label').first().isVisible()).toBe(true)
      violations.push(...(await axe(page, 'queue sv 375')))
      await shot(page, 'narrow-queue-sv-375')

      await setLanguage(page, 'English')
      await page.getByRole('table', { name: /^Cases \(\d+\)$/ }).waitFor()
      expect(await page.locator('#main').getByRole('link', { name: 'Import' }).count()).toBe(0)
      const rowOf = (name: RegExp) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })
      expect(
        await rowOf(/Husby Schackklubb/)
          .getByText('Requires assessment', { exact: true })
          .count(),
      ).toBe(1)
      expect(
        await rowOf(/Husby Schackklubb/)
          .getByText('Needs a human assessment')
          .count(),
      ).toBe(0)
      // Ineligible, with a democracy finding to weigh: there the flag says something the outcome does not.
      expect(
        await rowOf(/Förening e2e-narrow-2/)
          .getByText('Ineligible', { exact: true })
          .count(),
      ).toBe(1)
      expect(
        await rowOf(/Förening e2e-narrow-2/)
          .getByText('Needs a human assessment')
          .count(),
      ).toBe(1)
      expect(await sideways(page)).toEqual({ page: 0, regions: [] })
      violations.push(...(await axe(page, 'queue en 375')))
      await shot(page, 'narrow-queue-en-375')

      // At 1280 px a table again, with its header row.
      await page.setViewportSize({ width: 1280, height: 900 })
      await expect.poll(() => page.locator('table.table--cards thead').isVisible()).toBe(true)
      expect(await page.locator('.table__label').first().isVisible()).toBe(false)
      violations.push(...(await axe(page, 'queue en 1280')))
      await shot(page, 'narrow-queue-en-1280')
      await setLanguage(page, 'Svenska')
      await shot(page, 'narrow-queue-sv-1280')
    })
  }, 240_000)

  it('the case page (375 px, sv and en): each condition heading keeps clear of its status bar', async () => {
    await signedIn(375, 'officer.rk', async (page) => {
      await page.goto(`${server.url}/#/cases/${encodeURIComponent(failedId)}`)
      await h1(page, 'Ärende: Förening e2e-narrow-2').waitFor()
      const gaps = await headingGaps(page)
      // Three not met, one needing assessment; the bar is 4 px wide.
      expect(gaps).toHaveLength(4)
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10)
      violations.push(...(await axe(page, 'case sv 375')))
      await page.locator('tr.finding--not_met').first().screenshot({ path: '/tmp/gs-narrow-finding-sv-375.png' })
      await page.locator('tr.finding--needs_assessment').first().screenshot({ path: '/tmp/gs-narrow-assess-sv-375.png' })

      await setLanguage(page, 'English')
      await h1(page, 'Case: Förening e2e-narrow-2').waitFor()
      for (const gap of await headingGaps(page)) expect(gap).toBeGreaterThanOrEqual(10)
      violations.push(...(await axe(page, 'case en 375')))
      await page.locator('tr.finding--not_met').first().screenshot({ path: '/tmp/gs-narrow-finding-en-375.png' })

      // As a table (1280 px) the cell's own padding keeps the heading clear.
      await page.setViewportSize({ width: 1280, height: 900 })
      await expect.poll(() => page.locator('table.table--findings thead').isVisible()).toBe(true)
      for (const gap of await headingGaps(page)) expect(gap).toBeGreaterThanOrEqual(10)
      await page.locator('tr.finding--not_met').first().screenshot({ path: '/tmp/gs-narrow-finding-en-1280.png' })
    })
  }, 240_000)

  it('at 320 px (sv and en) no date on the queue or a case page breaks over two lines', async () => {
    await signedIn(320, 'officer.rk', async (page) => {
      for (const lang of ['Svenska', 'English'] as const) {
        await setLanguage(page, lang)
        const pages = [
          { name: 'queue', open: () => page.goto(`${server.url}/#/`), ready: h1(page, /^(Ärenden|Cases)$/) },
          {
            name: 'decided case',
            open: () => page.goto(`${server.url}/#/cases/${encodeURIComponent(decidedId)}`),
            ready: h1(page, /Förening e2e-narrow-1$/),
          },
          {
            name: 'failed case',
            open: () => page.goto(`${server.url}/#/cases/${encodeURIComponent(failedId)}`),
            ready: h1(page, /Förening e2e-narrow-2$/),
          },
        ]
        for (const p of pages) {
          await p.open()
          await p.ready.waitFor()
          await page.locator('table').first().waitFor()
          const dates = await dateLines(page)
          // The page shows dates of its own (the queue's report dates and times, a case's decision, communication and sources).
          expect(dates.length, `${p.name} ${lang}`).toBeGreaterThan(p.name === 'queue' ? 3 : 10)
          expect(
            dates.filter((d) => d.lines > 1),
            `${p.name} ${lang}`,
          ).toEqual([])
          await shot(page, `narrow-${p.name.replace(' ', '-')}-${lang === 'Svenska' ? 'sv' : 'en'}-320`)
        }
        violations.push(...(await axe(page, `failed case ${lang} 320`)))
      }
    })
    expectCleanRun(violations, ['queue sv 375', 'queue en 375', 'queue en 1280', 'case sv 375', 'case en 375', 'failed case English 320'])
  }, 300_000)
})
