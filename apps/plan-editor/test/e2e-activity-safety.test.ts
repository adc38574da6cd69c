/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Dialog, Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'

/**
 * Activities without surprises, in Chromium against the real server (PGlite, demo data): removing one asks
 * first and says what goes with it; a new one starts valid and saves; leaving with unsaved changes asks.
 */
describe('plan editor: adding, removing and leaving, in Chromium', () => {
  const suite = browserSuite({ expectedStatuses: [401] })
  const { checkAxe, saved } = suite

  async function openNorrmalm(width = 1360): Promise<Page> {
    const page = await suite.newPage(width)
    await suite.signIn(page, 'officer.nm')
    await page.getByRole('link', { name: 'Norrmalm 2026' }).click()
    await page.getByRole('heading', { level: 1, name: 'Norrmalm 2026' }).waitFor()
    return page
  }

  it('removing an activity asks first, naming it and how many indicators and follow-up entries go with it', async () => {
    const page = await openNorrmalm()
    const id = /#\/plan\/([0-9a-f-]{36})$/.exec(page.url())![1]!
    const plan = await page.evaluate(
      async (planId) =>
        (await (await fetch(`/api/plans/${planId}`)).json()) as {
          document: { activities: { id: string; title: string; indicators: { followUps: unknown[] }[] }[] }
        },
      id,
    )
    const first = plan.document.activities[0]!
    const indicators = first.indicators.length
    const followUps = first.indicators.reduce((n, i) => n + i.followUps.length, 0)
    expect(indicators).toBeGreaterThan(0)
    // Counts read in the right number.
    await page.getByRole('heading', { name: 'Iakttagelser (0 fel, 0 varningar)' }).waitFor()
    await page.getByRole('button', { name: `Ta bort aktiviteten: ${first.title}` }).click()
    const dialog = page.getByRole('dialog', { name: `Ta bort aktiviteten "${first.title}"?` })
    await dialog.waitFor()
    const what = (await dialog.getByTestId('confirm-remove-what').textContent()) ?? ''
    expect(what).toContain(indicators === 1 ? 'med 1 indikator' : `med ${indicators} indikatorer`)
    expect(what).toContain(followUps === 1 ? 'och 1 uppföljning' : `och ${followUps} uppföljningar`)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt')
    await checkAxe(page, 'remove activity dialog')
    await page.screenshot({ path: '/tmp/pe-remove-confirm.png', fullPage: false })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await page.locator(`[data-activity=${first.id}]`).count()).toBe(1)
    // Confirmed, it goes.
    await page.getByRole('button', { name: `Ta bort aktiviteten: ${first.title}` }).click()
    await dialog.getByRole('button', { name: 'Ja, ta bort aktiviteten' }).click()
    await page.locator(`[data-activity=${first.id}]`).waitFor({ state: 'detached' })
    await saved(page)
  })

  it('a new activity is valid at once and saves; leaving with an unsaved change asks, in the app and on unload', async () => {
    const page = await openNorrmalm()
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await saved(page)
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved')
    expect(await page.getByRole('region', { name: 'Fält att rätta innan planen kan sparas' }).count()).toBe(0)

    // An unsaved change (an empty title cannot be saved): the app's own links ask first, in Swedish.
    const activity = page.locator('[data-activity]').last()
    await activity.getByLabel('Rubrik', { exact: true }).fill('')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('invalid')
    const url = page.url()
    const asked: string[] = []
    const dismiss = (d: Dialog) => {
      asked.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    }
    page.on('dialog', dismiss)
    await page.getByRole('navigation').getByRole('link', { name: 'Planer' }).first().click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toBe('confirm: Planen har ändringar som inte är sparade. Lämna sidan ändå?')
    expect(page.url()).toBe(url)
    // Closing or reloading the page: the browser's own question (beforeunload).
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => asked.length).toBe(2)
    expect(asked[1]).toMatch(/^beforeunload/)
  })
})
