/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Plan } from '@vbe/core/plans'
import { directivePoints, guidelines } from '@vbe/core/strategy'
import { browserSuite } from './browser-suite.js'
import { login } from './client.js'

/** The strategy's internal short ids (G1, D9, M4, P2, R1): keys in the data, never words a person reads. */
const SHORT_ID = /\b[GDMPR]\d{1,2}\b/g
/** Each short id in `text` with some context, so a failure says where it was. */
const shortIds = (text: string) => [...text.matchAll(SHORT_ID)].map((m) => text.slice(Math.max(0, m.index - 50), m.index + 10))

/**
 * The tester found the strategy's short ids in the analysis ("… (D1, G3)"), the activity's summary, the overview's
 * column heads and its list of items no district covers. Every page a user sees, with every fold opened, a redline and
 * the exports, in Swedish and English, holds none; the overview's heads are short words with the full title listed.
 */
describe('the strategy’s short ids never reach a user', () => {
  const suite = browserSuite({
    expectedStatuses: [401],
    // A second version of Rinkeby-Kista's 2017 plan that links a guideline, a measure and a risk, for a redline.
    setUp: async (server) => {
      const officer = await login(server.url, 'officer.rk')
      const plans = (await officer.get('/api/plans')).body.items as { id: string; year: number }[]
      const id = plans.find((p) => p.year === 2017)!.id
      const got = await officer.get(`/api/plans/${id}`)
      const doc: Plan = got.body.document
      const [first, ...rest] = doc.activities
      const edited: Plan = {
        ...doc,
        activities: [
          {
            ...first!,
            guidelines: [...new Set([...first!.guidelines, 'G3' as const])],
            measures: [...new Set([...first!.measures, 'M4' as const])],
            risks: [...first!.risks.filter((r) => r.riskId !== 'R2'), { riskId: 'R2', mitigation: 'Vi informerar öppet.' }],
          },
          ...rest,
        ],
      }
      const put = await officer.send('PUT', `/api/plans/${id}`, { document: edited }, { 'if-match': `"${got.body.version}"` })
      expect(put.status, JSON.stringify(put.body)).toBe(200)
    },
  })
  const { problems, checkAxe } = suite
  /** Moves inside the app by its hash, as a link does (a new load would start in the default language). */
  const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash)

  const bodyText = (page: Page) =>
    page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true
      return document.body.textContent ?? ''
    })
  const expectNoShortIds = async (page: Page, where: string) => expect(shortIds(await bodyText(page)), where).toEqual([])

  it('the list, each plan (content, follow-up, a redline), the overview and the exports, in sv and en', async () => {
    const page = await suite.newPage(1280)
    await suite.signIn(page, 'admin')
    for (const lang of ['sv', 'en'] as const) {
      await suite.setLanguage(page, lang)
      await go(page, '#/')
      await page.getByRole('heading', { level: 1, name: lang === 'sv' ? 'Planer' : 'Plans' }).waitFor()
      await page.locator('main a[href^="#/plan/"]').first().waitFor()
      await expectNoShortIds(page, `${lang} plan list`)
      const links = await page.locator('main a[href^="#/plan/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
      expect(links.length).toBeGreaterThanOrEqual(2)
      for (const href of links) {
        await go(page, href)
        await page.getByTestId('panel').locator('.findings, p').first().waitFor()
        await page.locator('[data-activity]').first().waitFor()
        await expectNoShortIds(page, `${lang} ${href} content`)
        await page.getByRole('tab', { name: lang === 'sv' ? 'Uppföljning' : 'Follow-up' }).click()
        await page.locator('#panel-followup').waitFor()
        await expectNoShortIds(page, `${lang} ${href} follow-up`)
        await page.getByRole('tab', { name: lang === 'sv' ? 'Versioner' : 'Versions' }).click()
        const versions = await page.locator('#rl-to option').count()
        if (versions > 1) {
          await page.locator('#rl-from').selectOption({ index: 0 })
          await page.locator('#rl-to').selectOption({ index: versions - 1 })
          await page.getByRole('button', { name: lang === 'sv' ? 'Visa ändringar' : 'Show changes' }).click()
          await page.locator('#panel-versions table').first().waitFor()
        }
        await expectNoShortIds(page, `${lang} ${href} versions`)
        const planPath = `/api/plans/${href.slice('#/plan/'.length)}`
        const papers = await page.evaluate(
          async ([path, l, withRedline]) =>
            Promise.all(
              [
                `export?format=md&lang=${l}`,
                `export?format=html&lang=${l}`,
                ...(withRedline ? [`redline?from=1&to=2&format=md&lang=${l}`] : []),
              ].map(async (q) => (await fetch(`${path}/${q}`)).text()),
            ),
          [planPath, lang, versions > 1] as const,
        )
        for (const paper of papers) expect(shortIds(paper), `${lang} ${href} export`).toEqual([])
      }
      // The redline of the second version names the guideline, measure and risk in words.
      await go(page, '#/')
      await page.getByRole('link', { name: 'Rinkeby-Kista 2017' }).click()
      await page.getByRole('tab', { name: lang === 'sv' ? 'Versioner' : 'Versions' }).click()
      await page.getByRole('button', { name: lang === 'sv' ? 'Visa ändringar' : 'Show changes' }).click()
      const redline = page.locator('#panel-versions table').first()
      await redline.waitFor()
      const text = (await redline.textContent()) ?? ''
      expect(text).toContain(lang === 'sv' ? 'Samarbete med polisen' : 'Cooperation with the police')
      expect(text).toContain(lang === 'sv' ? 'Hantering av risken ”Social oro”' : 'Handling of the risk “Social unrest”')

      await page.getByRole('link', { name: lang === 'sv' ? 'Central översikt' : 'Central overview' }).click()
      await page.locator('table.heat td').first().waitFor()
      await expectNoShortIds(page, `${lang} overview`)
      // Each column head is the item's short label in words, and points at its full title in the list under the table.
      const heads = await page.locator('table.heat thead th[aria-describedby]').evaluateAll((ths) =>
        ths.map((th) => ({
          head: th.textContent,
          full: document.getElementById(th.getAttribute('aria-describedby')!)?.textContent ?? '',
        })),
      )
      const titles = [...guidelines, ...directivePoints].map((x) => x.title[lang])
      expect(heads.length).toBe(titles.length)
      heads.forEach((h, i) => {
        expect(h.head!.length).toBeLessThan(titles[i]!.length + 1)
        expect(h.full).toBe(`${h.head}: ${titles[i]}`)
      })
      expect(await page.locator('table.heat abbr').count()).toBe(0)
      await checkAxe(page, `overview ${lang}`)
      await page.screenshot({ path: `/tmp/pe-words-overview-${lang}.png`, fullPage: true })
    }
    expect(problems).toEqual([])
  })
})
