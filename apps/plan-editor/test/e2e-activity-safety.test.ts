/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Dialog, Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'

/**
 * Activities without surprises, in Chromium against the real server (PGlite, demo data): removing one asks
 * first and says what goes with it; a new one saves at once; leaving with unsaved changes asks in the kit's
 * dialog inside the app (never window.confirm) and with the browser's own question on unload.
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

  /** Adds an activity, lets it save, then empties its title (which cannot be saved): a change that stays unsaved. */
  async function unsavedChange(page: Page) {
    await page.getByRole('button', { name: /^(Lägg till aktivitet|Add activity)$/ }).click()
    await saved(page)
    const activity = page.locator('[data-activity]').last()
    await activity.getByLabel(/^(Rubrik|Title)$/).fill('')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('invalid')
  }

  it('a new activity saves at once; leaving with an unsaved change asks in the app’s own dialog, and on unload the browser asks', async () => {
    const page = await openNorrmalm()
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await saved(page)
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved')
    expect(await page.getByRole('region', { name: 'Fält att rätta innan planen kan sparas' }).count()).toBe(0)

    // An unsaved change: the app's own links ask first, in the kit's dialog (never window.confirm), in Swedish.
    const activity = page.locator('[data-activity]').last()
    await activity.getByLabel('Rubrik', { exact: true }).fill('')
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('invalid')
    const url = page.url()
    const native: string[] = []
    const dismiss = (d: Dialog) => {
      native.push(`${d.type()}: ${d.message()}`)
      void d.dismiss()
    }
    page.on('dialog', dismiss)
    const link = page.getByRole('navigation').getByRole('link', { name: 'Planer' }).first()
    await link.click()
    const dialog = page.getByRole('dialog', { name: 'Lämna planen utan att spara?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Planen har ändringar som inte är sparade. Lämnar du sidan nu går de förlorade.')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt')
    await checkAxe(page, 'leave with unsaved changes (dialog)')
    await page.screenshot({ path: '/tmp/pe-leave-sv.png', fullPage: false })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(page.url()).toBe(url)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Planer')
    await link.click()
    await dialog.getByRole('button', { name: 'Avbryt' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(page.url()).toBe(url)
    expect(native).toEqual([])
    // Closing or reloading the page: the browser's own question (beforeunload).
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => native.length).toBe(1)
    expect(native[0]).toMatch(/^beforeunload/)
  })

  it('in English the dialog asks in English, and confirming leaves for the link’s page', async () => {
    const page = await openNorrmalm(375)
    await suite.setLanguage(page, 'en')
    await unsavedChange(page)
    const native: string[] = []
    page.on('dialog', (d) => {
      native.push(d.type())
      void d.dismiss()
    })
    await page.getByRole('navigation').getByRole('link', { name: 'Plans' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Leave the plan without saving?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('The plan has changes that are not saved. If you leave the page now, they are lost.')
    await checkAxe(page, 'leave with unsaved changes (dialog, English, phone)')
    await page.screenshot({ path: '/tmp/pe-leave-en-375.png', fullPage: false })
    await dialog.getByRole('button', { name: 'Yes, leave the page' }).click()
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor()
    expect(page.url()).toMatch(/#\/$/)
    expect(native).toEqual([])
  })
})
