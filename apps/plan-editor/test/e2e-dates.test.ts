/// <reference lib="dom" />
/**
 * The kit's date field in the plan editor, in Chromium against the real server: the
 * activity's period and the situation picture's date say how to write a date in the UI's
 * language (Swedish, and English in a browser set to Swedish), read what is typed into
 * YYYY-MM-DD, and tell a date that does not exist at the field, with the text kept; the
 * plan is saved with the ISO dates. Checked with axe at 1360 and 375 px.
 * Screenshots go to /tmp/dates-shots/.
 */
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describedBy, typeAndLeave } from '@vbe/test-browser'
import { browserSuite } from './browser-suite.js'

const SHOTS = '/tmp/dates-shots'
mkdirSync(SHOTS, { recursive: true })

describe('plan editor: dates in the UI language', () => {
  const suite = browserSuite({ expectedStatuses: [401] })
  const { problems, signIn } = suite
  let planId = ''

  it('Swedish UI (1360 px): the period read and normalised, a day that does not exist told at the field, the plan saved with ISO dates', async () => {
    const page = await suite.newPage()
    await signIn(page, 'officer.rk')
    await page.getByLabel('År', { exact: true }).fill('2031')
    await page.getByRole('button', { name: 'Skapa plan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2031' }).waitFor()
    expect(await page.locator('input[type="date"]').count()).toBe(0)

    const picture = page.locator('#sp-date')
    expect(await picture.getAttribute('type')).toBe('text')
    expect(await describedBy(page, picture)).toEqual(['ÅÅÅÅ-MM-DD, till exempel 2027-03-31'])

    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    const act = page.locator('[data-activity=a1]')
    await act.getByLabel('Rubrik', { exact: true }).fill('Utbildning för fritidsledare')
    await act.getByRole('radio', { name: 'Inom befintlig struktur' }).check()
    await act.getByLabel('Befintlig struktur', { exact: true }).fill('Fritidsgårdarnas nätverk')
    const from = act.getByLabel('Från', { exact: true })
    const to = act.getByLabel('Till', { exact: true })
    await typeAndLeave(from, '20310115')
    expect(await from.inputValue()).toBe('2031-01-15')
    await typeAndLeave(to, '2031-2-29')
    expect(await to.getAttribute('aria-invalid')).toBe('true')
    expect(await to.inputValue()).toBe('2031-2-29')
    expect((await describedBy(page, to)).at(-1)).toBe('Till: 2031-02-29 finns inte. Februari 2031 har 28 dagar.')
    await suite.checkAxe(page, 'plan editor, a date that does not exist (sv)')
    await act.screenshot({ path: `${SHOTS}/plan-activity-sv-1360.png` })

    await typeAndLeave(to, '2031-12-31')
    expect(await to.getAttribute('aria-invalid')).toBeNull()
    await page.locator('[data-testid=save-status][data-state=saved]').waitFor({ timeout: 15_000 })
    planId = page.url().split('/plan/')[1]!
    const plan = await page.evaluate(async (id) => (await fetch(`/api/plans/${id}`)).json(), planId)
    expect(plan.document.activities[0].period).toEqual({ from: '2031-01-15', to: '2031-12-31' })
  })

  it('English UI on a phone (375 px): the hint and the error in English', async () => {
    const page = await suite.newPage(375)
    await signIn(page, 'officer.rk')
    await page.goto(`${suite.server.url}/?lang=en#/plan/${planId}`)
    await page.locator('html[lang="en"]').waitFor()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2031' }).waitFor()
    const from = page.locator('[data-activity=a1]').getByLabel('From', { exact: true })
    expect(await from.inputValue()).toBe('2031-01-15')
    await typeAndLeave(from, '2031-13-01')
    expect(await describedBy(page, from)).toEqual([
      'YYYY-MM-DD, for example 2027-03-31',
      'From: 2031-13-01 does not exist. The month is written 01 to 12.',
    ])
    await suite.checkAxe(page, 'plan editor, a month that does not exist (en, 375 px)')
    await page.locator('[data-activity=a1]').screenshot({ path: `${SHOTS}/plan-activity-en-375.png` })
  })

  it('had no page errors', () => {
    expect(problems).toEqual([])
  })
})
