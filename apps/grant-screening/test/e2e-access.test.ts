/**
 * The UI beyond one case's walk, in Chromium against a real server: an officer with a
 * conflict of interest is kept out, an admin's re-screen under stricter rules, and the
 * accessibility statement (both languages, reflow at 320 CSS px). Every page is checked
 * with axe under the real CSP.
 */
import { describe, expect, it } from 'vitest'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { axe, expectCleanRun, h1, login, newPage, server, setLanguage, setupE2e, shot } from './support/e2e.js'

setupE2e()

describe('grant-screening UI: access, re-screening and accessibility', () => {
  const violations: string[] = []

  it('officer with a conflict of interest: is kept out of the case', async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer2.rk')
    await page.getByRole('link', { name: 'Husby Schackklubb' }).click()
    await h1(page, 'Jävsförklaring').waitFor()
    await page.getByLabel('Ja, jag är jävig').check()
    await page.getByLabel(/^Kommentar/).fill('Min bror sitter i styrelsen.')
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await page.getByRole('alert').filter({ hasText: 'Du har anmält jäv i ärendet' }).waitFor()
    violations.push(...(await axe(page, 'conflict declared sv')))
    await shot(page, 'conflict-declared')
    await context.close()
  }, 120_000)

  it("a case that does not exist: the kit's not-found page, in Swedish and English", async () => {
    const { context, page } = await newPage()
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await page.goto(`${server.url}/#/cases/no-such-case`)
    await h1(page, 'Sidan finns inte').waitFor()
    expect(await h1(page, 'Ärende').count()).toBe(0)
    expect(await page.getByRole('main').textContent()).not.toContain('no-such-case')
    violations.push(...(await axe(page, 'case not found sv')))
    await page.goto(`${server.url}/?lang=en#/cases/no-such-case`)
    await h1(page, 'Page not found').waitFor()
    await page.getByRole('main').getByRole('link', { name: /Back/ }).waitFor()
    await context.close()
  }, 120_000)

  it('admin: starts a re-screen under stricter rules and sees the flips', async () => {
    // The same database served with a lower maximum amount: open cases above it flip to ineligible.
    const p = rinkebyKista.grantProgrammes[0]!
    const stricter = composePlugins([
      norrmalm,
      defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 40_000 } }] }),
    ])
    const next = await server.restart({ plugins: stricter })
    const { context, page } = await newPage()
    try {
      await page.goto(`${next.url}/?lang=en`)
      await h1(page, 'Log in').waitFor()
      await login(page, 'admin')
      await page.getByRole('link', { name: 'Re-screens' }).click()
      await h1(page, 'Re-screens').waitFor()
      violations.push(...(await axe(page, 'rescreen empty en')))
      await page.getByRole('button', { name: 'Start a re-screen' }).click()
      const flips = page.getByRole('table', { name: /^Cases that changed outcome/ })
      await flips.waitFor()
      const kista = flips.getByRole('row').filter({ hasText: 'Kista Ungdomsförening' })
      expect(await kista.count()).toBe(1)
      // The changed condition by its heading, as on the case page; never its rule id (max-amount).
      expect(await kista.textContent()).toMatch(/Eligible.*Ineligible.*Programme maximum amount/)
      expect(await kista.textContent()).not.toContain('max-amount')
      violations.push(...(await axe(page, 'rescreen en')))
      await setLanguage(page, 'Svenska')
      await h1(page, 'Omprövningar').waitFor()
      const kistaSv = page
        .getByRole('table', { name: /^Ärenden som ändrade resultat/ })
        .getByRole('row')
        .filter({ hasText: 'Kista Ungdomsförening' })
      expect(await kistaSv.textContent()).toContain('Högsta belopp i programmet')
      expect(await kistaSv.textContent()).not.toContain('max-amount')
      violations.push(...(await axe(page, 'rescreen sv')))
      await shot(page, 'rescreen')
    } finally {
      await context.close()
      await next.stop()
    }
  }, 120_000)

  it('serves the accessibility statement in Swedish and English without signing in, and reflows at 320 CSS px (WCAG 1.4.10)', async () => {
    const { context, page } = await newPage()
    await page.setViewportSize({ width: 320, height: 800 })
    // What sticks out past the right edge, outside any region that scrolls on its own (for the failure message).
    const sideways = async () => {
      const r = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: {
              documentElement: { clientWidth: number; scrollWidth: number }
              querySelectorAll(s: string): ArrayLike<{
                getBoundingClientRect(): { right: number }
                parentElement: unknown
                tagName: string
                className: string
                textContent: string | null
              }>
            }
          }
        ).document
        const style = (e: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle(e)
        const vw = d.documentElement.clientWidth
        const scrollsItself = (e: { parentElement: unknown }) => {
          for (let a = e.parentElement as { parentElement: unknown } | null; a; a = a.parentElement as { parentElement: unknown } | null)
            if (['auto', 'scroll'].includes(style(a).overflowX)) return true
          return false
        }
        const out = Array.from(d.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > vw + 0.5 && !scrollsItself(e))
        return {
          px: d.documentElement.scrollWidth - vw,
          out: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 30)}"`),
        }
      })
      return r.px === 0 ? 0 : `${r.px} px: ${r.out.join(' | ')}`
    }
    await page.goto(server.url)
    await h1(page, 'Logga in').waitFor()
    expect(await sideways(), 'login').toBe(0)
    await shot(page, '320-login')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
    await h1(page, 'Tillgänglighetsredogörelse').waitFor()
    expect(page.url()).toContain('#/tillganglighet')
    expect(await page.getByRole('main').textContent()).toContain('Stockholms stad står bakom Bidragsprövning')
    expect(await sideways(), 'accessibility statement').toBe(0)
    violations.push(...(await axe(page, 'accessibility statement sv')))
    await setLanguage(page, 'English')
    await h1(page, 'Accessibility statement').waitFor()
    violations.push(...(await axe(page, 'accessibility statement en')))
    await shot(page, '320-accessibility-en')
    await setLanguage(page, 'Svenska')
    await page.goto(server.url)
    await login(page, 'officer.rk')
    await page.getByRole('table').waitFor()
    expect(await sideways(), 'queue').toBe(0)
    await shot(page, '320-queue')
    await page.getByRole('link', { name: 'Husby Schackklubb' }).click()
    await h1(page, 'Jävsförklaring').waitFor()
    expect(await sideways(), 'conflict declaration').toBe(0)
    await shot(page, '320-declaration')
    await page.getByLabel('Nej, jag är inte jävig').check()
    await page.getByRole('button', { name: 'Lämna jävsförklaring' }).click()
    await h1(page, 'Ärende: Husby Schackklubb').waitFor()
    expect(await sideways(), 'case').toBe(0)
    await shot(page, '320-case')
    await context.close()
  }, 120_000)

  it('has 0 axe violations on every page, no CSP violations and no page errors', () => {
    expectCleanRun(violations, [
      'conflict declared sv',
      'rescreen en',
      'rescreen sv',
      'accessibility statement sv',
      'accessibility statement en',
    ])
  })
})
