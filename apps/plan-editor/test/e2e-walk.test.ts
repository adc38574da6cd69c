/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'
import { login } from './client.js'

/**
 * What the first walk through the plan editor tripped over, in Debian's Chromium against the real server
 * (PGlite, demo data) and the built UI: "Lämna in till nämnden" went ahead without asking and without saying
 * the plan had errors; a plan that does not exist showed "Något gick fel"; the list said
 * "2026-11-23 01:39 (systemet (demodata))".
 */
describe('plan editor: the walk’s findings in Chromium', () => {
  // Expected: the 401 of GET /api/session before login, the 400 of an empty return, the 404 of the plan
  // that does not exist and the 409 of a second plan for a year.
  const suite = browserSuite({ expectedStatuses: [400, 401, 404, 409] })
  const { problems, checkAxe } = suite

  async function signIn(username: string, width = 1360): Promise<Page> {
    const page = await suite.newPage(width)
    await suite.signIn(page, username)
    return page
  }
  /** The plan as the API gives it to the signed-in page (the same session). */
  const planOf = (page: Page, id: string) =>
    page.evaluate(async (planId) => (await fetch(`/api/plans/${planId}`)).json() as Promise<{ findings: { error: number } }>, id)
  const planId = (page: Page) => /#\/plan\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? ''

  it('the list says who saved last without brackets in brackets', async () => {
    const page = await signIn('officer.rk')
    const row = page.getByRole('row', { name: /^Rinkeby-Kista 2017/ })
    const text = (await row.textContent()) ?? ''
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} av systemet \(demodata\)/)
    expect(text).not.toMatch(/\([^)]*\(/)
  })

  it('a plan with errors is not offered to the committee: the page names each error in words; without errors it asks first', async () => {
    // The seeded Rinkeby-Kista plan of 2017 has errors, so the demo holds it as a draft.
    const page = await signIn('officer.rk')
    await page.getByRole('link', { name: 'Rinkeby-Kista 2017' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2017' }).waitFor()
    const errors = (await planOf(page, planId(page))).findings.error
    expect(errors).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Lämna in till nämnden' }).click()
    const blocked = page.getByRole('alert', { name: 'Planen kan inte lämnas in ännu' })
    await blocked.waitFor()
    expect(await blocked.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await blocked.getByRole('listitem').count()).toBe(errors)
    expect(await blocked.textContent()).toContain('Planen gäller 2017, som har passerat. Gör en årlig revidering för 2026.')
    expect(await blocked.textContent()).not.toMatch(/plan-year-passed|risk-not-handled/)
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.locator('.badge', { hasText: 'Utkast' }).count()).toBeGreaterThan(0)
    await checkAxe(page, 'submit refused (errors listed)')
    await page.screenshot({ path: '/tmp/pe-submit-blocked.png', fullPage: false })
    // In English: the same list, each error in English words, the heading and the lead in English.
    const svItems = await blocked.getByRole('listitem').allTextContents()
    await suite.setLanguage(page, 'en')
    const blockedEn = page.getByRole('alert', { name: 'The plan cannot be submitted yet' })
    await blockedEn.waitFor()
    expect(await blockedEn.textContent()).toContain('The committee only receives plans without errors. Correct these first:')
    const enItems = await blockedEn.getByRole('listitem').allTextContents()
    expect(enItems.length).toBe(errors)
    expect(enItems).toContain('The plan is for 2017, which has passed. Make the yearly revision for 2026.')
    for (const [i, item] of enItems.entries()) expect(item, 'each error in English, not left in Swedish').not.toBe(svItems[i])
    expect(enItems.join(' ')).not.toMatch(/plan-year-passed|risk-not-handled|\b[GDMPR]\d{1,2}\b/)
    await checkAxe(page, 'submit refused (errors listed, English)')
    await page.screenshot({ path: '/tmp/pe-submit-blocked-en.png', fullPage: false })
    await suite.setLanguage(page, 'sv')

    // Norrmalm's plan has no errors: the dialog asks, and warns of nothing (on a 375 px phone).
    const nm = await signIn('officer.nm', 375)
    await nm.getByRole('link', { name: 'Norrmalm 2026' }).click()
    await nm.getByRole('heading', { level: 1, name: 'Norrmalm 2026' }).waitFor()
    expect((await planOf(nm, planId(nm))).findings.error).toBe(0)
    await nm.getByRole('button', { name: 'Lämna in till nämnden' }).click()
    const nmDialog = nm.getByRole('dialog', { name: 'Lämna in Norrmalm 2026 till nämnden?' })
    await nmDialog.waitFor()
    await checkAxe(nm, 'submit dialog (phone, no errors)')
    expect(await nm.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })

  it('a plan that does not exist gets the kit’s not-found page, not "Något gick fel"', async () => {
    const page = await signIn('officer.nm')
    await page.goto(`${suite.server.url}#/plan/00000000-0000-4000-8000-000000000000`)
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor()
    expect(await page.getByRole('main').textContent()).not.toContain('Något gick fel')
    expect(await page.getByRole('main').getByRole('link', { name: 'Tillbaka till planerna' }).getAttribute('href')).toBe('#/')
    await checkAxe(page, 'plan not found')
  })

  it('a plan for a year that has one is refused under a heading that fits (not "Det gick inte att spara"), in English too', async () => {
    const page = await signIn('officer.rk')
    const form = page.getByRole('form', { name: 'Ny plan' })
    await page.getByLabel('År', { exact: true }).fill('2017')
    await page.getByRole('button', { name: 'Skapa plan' }).click()
    const alert = form.getByRole('alert', { name: 'Planen kunde inte skapas' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Det finns redan en plan för Rinkeby-Kista 2017.')
    expect(await form.textContent()).not.toMatch(/Det gick inte att spara|fältet year|rinkeby-kista/)
    await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'English' }).click()
    await page.locator('html[lang="en"]').waitFor()
    await page.getByRole('button', { name: 'Create plan' }).click()
    const en = page.getByRole('form', { name: 'New plan' }).getByRole('alert', { name: 'The plan could not be created' })
    await en.waitFor()
    expect(await en.textContent()).toContain('There is already a plan for Rinkeby-Kista 2017.')
    expect(await page.locator('#create-year-error').textContent()).toContain('There is already a plan for this year.')
    await checkAxe(page, 'create form (plan exists, English)')
  })

  it('a submitted plan with errors is not adopted: the page lists the errors in words, not a dialog with a count (sv, en)', async () => {
    // Norrmalm's 2026 plan has no errors today and is submitted; the approver reads it in January 2027, when its year has passed.
    const officer = await login(suite.server.url, 'officer.nm')
    const plans = (await officer.get('/api/plans')).body.items as { id: string; district: string; year: number; version: number }[]
    const nm = plans.find((p) => p.district === 'norrmalm' && p.year === 2026)!
    const sent = await officer.send('POST', `/api/plans/${nm.id}/transitions`, { action: 'submit' }, { 'if-match': `"${nm.version}"` })
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const page = await suite.newPage()
    await page.clock.setFixedTime(new Date('2027-01-11T10:00:00+01:00'))
    await suite.signIn(page, 'approver.nm')
    await page.getByRole('link', { name: 'Norrmalm 2026' }).click()
    await page.getByRole('heading', { level: 1, name: 'Norrmalm 2026' }).waitFor()
    await page.getByRole('button', { name: 'Anta planen' }).click()
    const blocked = page.getByRole('alert', { name: 'Planen kan inte antas' })
    await blocked.waitFor()
    expect(await blocked.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await blocked.getByRole('listitem').allTextContents()).toContain(
      'Planen gäller 2026, som har passerat. Gör en årlig revidering för 2027.',
    )
    expect(await blocked.textContent()).toContain('Återremittera planen till stadsdelen')
    expect(await blocked.textContent()).not.toMatch(/plan-year-passed|\d+ fel\b/)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await checkAxe(page, 'adopt refused (errors listed)')
    await page.screenshot({ path: '/tmp/pe-adopt-blocked-sv.png', fullPage: false })
    await suite.setLanguage(page, 'en')
    const blockedEn = page.getByRole('alert', { name: 'The plan cannot be adopted' })
    await blockedEn.waitFor()
    expect(await blockedEn.getByRole('listitem').allTextContents()).toContain(
      'The plan is for 2026, which has passed. Make the yearly revision for 2027.',
    )
    await page.screenshot({ path: '/tmp/pe-adopt-blocked-en.png', fullPage: false })
  })

  it('had no page errors', () => {
    expect(problems).toEqual([])
  })
})
