/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'
import { login } from './client.js'

/**
 * The kit's audit page in the plan editor, in Debian's Chromium against the real server
 * (PGlite, demo data) and the built UI: the auditor finds it in the menu, reads who did
 * what to which plan in words (display names, event labels, "Handlingsplan Norrmalm 2026,
 * version 2"), filters by district and year, gets a named error for a plan that does not
 * exist, and reads it all in English; an officer has no audit page. No id, username,
 * district code or action code on screen; axe clean throughout; no sideways scrolling on a phone.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
// The usernames (the bare `admin` is left out: the word is common on the page).
const USERNAMES = /\b((officer2?|approver|officer-approver|admin)\.(rk|nm)|auditor|demo-seed)\b/
const CODES = /\b(plan|session|user|audit|gdpr)\.[a-z-]+/
const DISTRICT_CODES = /\b(rinkeby-kista|norrmalm)\b/ // the ids; names are capitalised

describe('the audit page in Chromium (plan editor)', () => {
  // Answers the UI handles: 401 before login, 400 for a plan that does not exist.
  const suite = browserSuite({
    expectedStatuses: [400, 401],
    // Something to read: Norrmalm's officer submits the demo plan (version 2).
    setUp: async (server) => {
      const officer = await login(server.url, 'officer.nm')
      const plans = (await officer.get('/api/plans')).body.items as { id: string; district: string; version: number }[]
      const nm = plans.find((p) => p.district === 'norrmalm')!
      const r = await officer.send('POST', `/api/plans/${nm.id}/transitions`, { action: 'submit' }, { 'if-match': `"${nm.version}"` })
      if (r.status !== 200) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`)
    },
  })
  const { problems, newPage, signIn, checkAxe } = suite
  /** The page's main content holds no id, username, action code or district code. */
  async function expectNoRawValues(page: Page) {
    const text = (await page.getByRole('main').textContent()) ?? ''
    expect(text).not.toMatch(UUID)
    expect(text).not.toMatch(USERNAMES)
    expect(text).not.toMatch(CODES)
    expect(text).not.toMatch(DISTRICT_CODES)
  }

  it('auditor: the plans’ events in words, filtered by district and year, an unknown plan named, and in English', async () => {
    const page = await newPage()
    await signIn(page, 'auditor')
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor()
    const table = page.getByRole('table', { name: /^Händelser/ })
    await table.getByText('Planen lämnades in till nämnden').first().waitFor()
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('Lars Berg')
    expect(text).toContain('Handlingsplan Norrmalm 2026, version 2')
    expect(text).toContain('Handlingsplan Rinkeby-Kista 2017, version 1')
    expect(text).toContain('Planen skapades')
    expect(text).toContain('Demodata')
    expect(text).toContain('Inloggning')
    expect(text).not.toContain('Borttagen användare')
    expect(text).not.toContain('Annan händelse')
    await expectNoRawValues(page)
    // The menu item is current; each plan has a link named by the plan, no id in it.
    expect(
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).getAttribute('aria-current'),
    ).toBe('page')
    const links = table.getByRole('link', { name: /^Öppna planen: / })
    expect(await links.count()).toBeGreaterThan(1)
    for (const link of await links.all())
      expect(await link.getAttribute('aria-label')).toMatch(/^Öppna planen: (Norrmalm 2026|Rinkeby-Kista 2017)$/)
    await checkAxe(page, 'audit sv')
    await page.screenshot({ path: '/tmp/pe-audit-sv.png', fullPage: true })

    // Filter by district and year: that plan's events only.
    const field = page.getByLabel('Plan (stadsdel och år)', { exact: true })
    expect(await field.getAttribute('aria-describedby')).toBeTruthy() // the hint with an example
    await field.fill('Norrmalm 2026')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await page.waitForURL(/reference=Norrmalm\+2026/)
    await table.getByText('Planen lämnades in till nämnden').first().waitFor()
    const rows = await table.locator('tbody tr').allTextContents()
    expect(rows.length).toBeGreaterThan(1)
    for (const r of rows) expect(r).toContain('Handlingsplan Norrmalm 2026')
    expect(await field.inputValue()).toBe('Norrmalm 2026')
    await checkAxe(page, 'audit filtered sv')
    await page.screenshot({ path: '/tmp/pe-audit-filtered-sv.png', fullPage: true })

    // A plan that does not exist: the error names it.
    await field.fill('Norrmalm 2099')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await page.getByText('Det finns ingen plan för Norrmalm 2099.', { exact: false }).first().waitFor()
    // The error is at the field and linked from the summary, which takes focus; no field path is shown.
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    const summary = page.getByRole('alert').filter({ hasText: 'Det gick inte att visa händelserna' })
    await summary.getByRole('link', { name: /^Plan \(stadsdel och år\): Det finns ingen plan för Norrmalm 2099/ }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    expect((await page.getByRole('main').textContent()) ?? '').not.toContain('reference')
    await expectNoRawValues(page)
    await checkAxe(page, 'audit unknown plan sv')
    await page.screenshot({ path: '/tmp/pe-audit-unknown-sv.png', fullPage: true })

    // The link opens the plan in the editor.
    await field.fill('Norrmalm 2026')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await table.getByRole('link', { name: 'Öppna planen: Norrmalm 2026' }).first().click()
    await page.waitForURL(/#\/plan\/[0-9a-f-]{36}$/)

    // In English.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).click()
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor()
    await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'English' }).click()
    await page.locator('html[lang="en"]').waitFor()
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor()
    const en = page.getByRole('table', { name: /^Events/ })
    await en.getByText('Plan submitted to the committee').first().waitFor()
    const enText = (await en.textContent()) ?? ''
    expect(enText).toContain('Action plan Norrmalm 2026, version 2')
    expect(enText).toContain('Plan created')
    expect(enText).toContain('Demo data')
    expect(enText).toContain('Signed in')
    expect(await page.getByLabel('Plan (district and year)', { exact: true }).count()).toBe(1)
    await expectNoRawValues(page)
    await checkAxe(page, 'audit en')
    await page.screenshot({ path: '/tmp/pe-audit-en.png', fullPage: true })
    expect(problems).toEqual([])
  })

  it('on a 375 px phone: the page reflows, only the table scrolls sideways in its own region', async () => {
    const page = await newPage(375)
    await signIn(page, 'admin.nm')
    await page.goto(`${suite.server.url}#/audit`)
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor()
    // A district admin reads its own district's events.
    await page
      .getByRole('table', { name: /^Händelser/ })
      .getByText('Handlingsplan Norrmalm 2026')
      .first()
      .waitFor()
    expect((await page.getByRole('table', { name: /^Händelser/ }).textContent()) ?? '').not.toContain('Rinkeby-Kista 2017')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await expectNoRawValues(page)
    await checkAxe(page, 'audit phone')
    await page.screenshot({ path: '/tmp/pe-audit-phone.png', fullPage: true })
    expect(problems).toEqual([])
  })

  it('an officer has no audit page: no menu item, and #/audit says it is not for their role (as in grant screening)', async () => {
    const page = await newPage()
    await signIn(page, 'officer.nm')
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0)
    await page.goto(`${suite.server.url}#/audit`)
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor()
    expect(await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).count()).toBe(0)
    expect(problems).toEqual([])
  })
})
