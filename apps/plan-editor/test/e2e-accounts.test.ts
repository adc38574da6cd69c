/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { DEMO_PASSWORD } from '../src/index.js'
import { browserSuite } from './browser-suite.js'

/**
 * The kit's account pages (issue 16) in Debian's Chromium against the real server
 * (PGlite) and the built UI: a user changes their password on "Mina inloggningar" (their
 * other sign-in ends, this one goes on), and a district admin disables a user on
 * "Användare" after a confirmation dialog (the user's open page drops to the login).
 */
describe('accounts in Chromium (plan editor)', () => {
  // Answers the UI handles: 401 before login and after a session ended, 400 for a wrong password.
  const suite = browserSuite({ expectedStatuses: [400, 401] })
  const { problems, newPage, signIn, checkAxe } = suite

  const loginHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Logga in' })

  it('changes a password: a wrong current one is named at its field, then the other sign-in ends and this one goes on', async () => {
    const elsewhere = await newPage()
    await signIn(elsewhere, 'officer.nm')
    const page = await newPage()
    await signIn(page, 'officer.nm')
    // An officer has no Users page in the menu.
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).count()).toBe(0)

    await page.getByRole('link', { name: 'Mina inloggningar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mina inloggningar' }).waitFor()
    const form = page.getByRole('region', { name: 'Byt lösenord' })
    await form.getByLabel('Nuvarande lösenord', { exact: true }).fill('not-the-password')
    await form.getByLabel('Nytt lösenord', { exact: true }).fill('kort')
    await form.getByLabel('Upprepa det nya lösenordet', { exact: true }).fill('kort')
    await form.getByRole('button', { name: 'Byt lösenord' }).click()
    // Each error at its field (and linked from the summary), in Swedish.
    const current = form.getByLabel('Nuvarande lösenord', { exact: true })
    await page.locator('#password-currentPassword-error', { hasText: 'Det nuvarande lösenordet stämmer inte.' }).waitFor()
    expect(await current.getAttribute('aria-invalid')).toBe('true')
    expect(await current.getAttribute('aria-describedby')).toContain('password-currentPassword-error')
    await page.locator('#password-newPassword-error', { hasText: 'minst 12 tecken' }).waitFor()
    await checkAxe(page, 'password form with errors')
    await page.screenshot({ path: '/tmp/accounts-password-errors.png', fullPage: true })

    const newPassword = 'en mening med fem ord'
    await current.fill(DEMO_PASSWORD)
    await form.getByLabel('Nytt lösenord', { exact: true }).fill(newPassword)
    await form.getByLabel('Upprepa det nya lösenordet', { exact: true }).fill(newPassword)
    await form.getByRole('button', { name: 'Byt lösenord' }).click()
    await page.getByTestId('password-status').filter({ hasText: 'Ditt lösenord är bytt.' }).waitFor()
    // Still signed in here: the list of sign-ins shows this one only, and an unsafe request works with the new token.
    await page.getByText('Du har inga andra inloggningar.').waitFor()
    await checkAxe(page, 'password changed')

    // The other browser's session has ended: its next request drops it to the login page.
    await elsewhere.getByRole('link', { name: 'Mina inloggningar' }).click()
    await loginHeading(elsewhere).waitFor()
    await elsewhere.getByText('Din session har gått ut. Logga in igen.').waitFor()

    await page.getByRole('button', { name: 'Logga ut' }).click()
    await loginHeading(page).waitFor()
    await signIn(page, 'officer.nm', newPassword)
  }, 240_000)

  it('disables a user after a confirmation dialog: the user’s open page drops to the login, and they cannot sign in', async () => {
    const erik = await newPage()
    await signIn(erik, 'officer2.rk')
    const admin = await newPage()
    await signIn(admin, 'admin.rk')
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click()
    await admin.getByRole('heading', { level: 1, name: 'Användare' }).waitFor()
    // Only "Användare" is the current menu item on the kit's page, not the app's fallback "Planer".
    const menu = admin.getByRole('navigation', { name: 'Huvudmeny' })
    expect(await menu.getByRole('link', { name: 'Användare' }).getAttribute('aria-current')).toBe('page')
    expect(await menu.getByRole('link', { name: 'Planer' }).getAttribute('aria-current')).toBeNull()
    const table = admin.getByRole('table', { name: 'Användare och deras inloggningar' })
    const row = table.getByRole('row', { name: /^Erik Lind/ })
    await row.waitFor()
    // Only Rinkeby-Kista's users, by display name, roles in words: no username, id or code.
    const text = (await table.textContent()) ?? ''
    expect(text).not.toContain('Norrmalm')
    expect(text).not.toMatch(/officer2\.rk|officer|rinkeby-kista\b/)
    expect(await row.textContent()).toContain('Handläggare')
    await checkAxe(admin, 'users page')

    await admin.getByRole('button', { name: 'Visa inloggningar för Erik Lind' }).click()
    await admin.getByRole('table', { name: 'Inloggningar för Erik Lind' }).waitFor()
    await checkAxe(admin, 'users page with sign-ins shown')

    const disable = admin.getByRole('button', { name: 'Stäng av kontot för Erik Lind' })
    await disable.click()
    const dialog = admin.getByRole('dialog', { name: 'Stäng av kontot för Erik Lind?' })
    await dialog.waitFor()
    // Focus starts on the safe choice; Escape cancels and focus returns to the button.
    await expect.poll(() => admin.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt')
    await checkAxe(admin, 'disable dialog')
    await admin.screenshot({ path: '/tmp/accounts-disable-dialog.png' })
    await admin.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => admin.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Stäng av kontot för Erik Lind')
    expect(await row.textContent()).toContain('Aktivt')

    await disable.click()
    await dialog.getByRole('button', { name: 'Stäng av kontot' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await admin.getByTestId('announcer').filter({ hasText: 'Kontot för Erik Lind är avstängt.' }).waitFor()
    await row.filter({ hasText: 'Avstängt' }).waitFor()
    await admin.getByRole('button', { name: 'Aktivera kontot för Erik Lind' }).waitFor()
    await checkAxe(admin, 'users page after disabling')
    await admin.screenshot({ path: '/tmp/accounts-users.png', fullPage: true })

    // Erik's open page: the next request answers 401, and the login refuses him.
    await erik.getByRole('link', { name: 'Mina inloggningar' }).click()
    await loginHeading(erik).waitFor()
    await erik.getByLabel('Användarnamn', { exact: true }).fill('officer2.rk')
    await erik.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
    await erik.getByRole('button', { name: 'Logga in' }).click()
    await erik.getByText('Fel användarnamn eller lösenord.').first().waitFor()

    // The admin has no disable button for themself.
    expect(await admin.getByRole('button', { name: /^Stäng av kontot för Hanna/ }).count()).toBe(0)
    expect(problems).toEqual([])
  }, 240_000)

  it('an address that leads nowhere, or to a page the role may not see, says so under its own heading (not the plan list)', async () => {
    const page = await newPage()
    await signIn(page, 'approver.nm') // (officer.nm's password changed in the first test)
    const h1 = (name: string) => page.getByRole('heading', { level: 1, name })
    await page.goto(`${suite.server.url}/#/overview`)
    await h1('Ingen behörighet').waitFor()
    expect(await page.getByRole('main').textContent()).toContain('Din roll ger inte tillgång till den här sidan.')
    await checkAxe(page, 'not allowed')
    await page.goto(`${suite.server.url}/#/users`)
    await h1('Ingen behörighet').waitFor()
    expect(await page.getByRole('main').textContent()).toContain('Sidan Användare är till för administratörer.')
    await page.goto(`${suite.server.url}/#/planer`)
    await h1('Sidan finns inte').waitFor()
    expect(await page.getByRole('heading', { level: 1, name: 'Planer' }).count()).toBe(0)
    await checkAxe(page, 'not found')
    await page.goto(`${suite.server.url}/?lang=en#/plan/not-a-plan`)
    await h1('Page not found').waitFor()
    // The way on leads back to the plans.
    await page.getByRole('link', { name: 'Back to the plans' }).click()
    await h1('Plans').waitFor()
    expect(problems).toEqual([])
  }, 120_000)
})
