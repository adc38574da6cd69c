/// <reference lib="dom" />
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './browser-suite.js'

/**
 * The plan editor on a 320 px phone and its accessibility statement, in Debian's Chromium against the
 * real server (PGlite) and the built UI: no page scrolls sideways (WCAG 1.4.10); the statement is a
 * UI route in Swedish and English, reached from every footer without signing in.
 */
describe('plan editor in Chromium: reflow and the accessibility statement', () => {
  // Answers the UI handles: the 401 of GET /api/session before login.
  const suite = browserSuite({ expectedStatuses: [401] })
  const { problems, newPage, signIn, setLanguage } = suite
  const axeChecked: string[] = []
  async function checkAxe(on: Page, name: string) {
    await suite.checkAxe(on, name)
    axeChecked.push(name)
  }

  it('reflows at 320 CSS px (WCAG 1.4.10): the page never scrolls sideways; wide tables scroll in their own region', async () => {
    const page = await newPage()
    await page.setViewportSize({ width: 320, height: 800 })
    await signIn(page, 'admin')
    // What sticks out past the right edge, outside any region that scrolls on its own (for the failure message).
    const sideways = async () => {
      const r = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth
        const scrollsItself = (e: Element) => {
          for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true
          return false
        }
        const out = Array.from(document.querySelectorAll('body *')).filter(
          (e) => e.getBoundingClientRect().right > vw + 0.5 && !scrollsItself(e),
        )
        return {
          px: document.documentElement.scrollWidth - vw,
          out: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? '').trim().slice(0, 30)}"`),
        }
      })
      return r.px === 0 ? 0 : `${r.px} px: ${r.out.join(' | ')}`
    }
    expect(await sideways(), 'plan list').toBe(0)
    await page.screenshot({ path: '/tmp/pe-320-list.png', fullPage: true })
    await page.getByRole('link', { name: 'Rinkeby-Kista 2017' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2017' }).waitFor()
    expect(await sideways(), 'editor').toBe(0)
    await page.screenshot({ path: '/tmp/pe-320-editor.png', fullPage: true })
    await page.getByRole('link', { name: 'Central översikt' }).click()
    await page.getByRole('heading', { level: 1, name: 'Central översikt' }).waitFor()
    expect(await sideways(), 'overview').toBe(0)
    await page.screenshot({ path: '/tmp/pe-320-overview.png', fullPage: true })
    // The kit's pages too: their tables have a visually hidden header, which once sat outside the
    // region's scroll and made the page 500 px wide ("Mina inloggningar" on a phone).
    await page.getByRole('link', { name: 'Mina inloggningar' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mina inloggningar' }).waitFor()
    await page.getByRole('region', { name: 'Dina aktiva inloggningar' }).waitFor()
    expect(await sideways(), 'my sign-ins').toBe(0)
    await page.getByRole('link', { name: 'Användare' }).click()
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor()
    await page.getByRole('table').first().waitFor()
    expect(await sideways(), 'users').toBe(0)
  })

  it('serves the accessibility statement as a UI route in Swedish and English, without signing in, linked from every footer', async () => {
    const page = await newPage()
    await page.goto(suite.server.url)
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor()
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor()
    expect(page.url()).toContain('#/tillganglighet')
    expect(await page.getByRole('main').textContent()).toContain('WCAG 2.1 på nivå AA')
    await checkAxe(page, 'accessibility statement sv')
    await setLanguage(page, 'en')
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('The City of Stockholm is responsible for Action plans')
    await page.screenshot({ path: '/tmp/pe-accessibility-en.png', fullPage: true })
    await checkAxe(page, 'accessibility statement en')
    await setLanguage(page, 'sv')
    // At 1280 px, as grant screening is shot: the list and the editor, for comparing the two apps.
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, 'officer.rk')
    await page.screenshot({ path: '/tmp/pe-1280-list.png', fullPage: true })
    await page.getByRole('link', { name: 'Rinkeby-Kista 2017' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rinkeby-Kista 2017' }).waitFor()
    await page.screenshot({ path: '/tmp/pe-1280-editor.png', fullPage: false })
  })

  it('checked every page with axe', () => {
    expect(axeChecked).toEqual(expect.arrayContaining(['accessibility statement sv', 'accessibility statement en']))
  })

  it('had no page errors', () => {
    expect(problems).toEqual([])
  })
})
