/**
 * Quick exit in Chromium: by button, by Shift × 3 (GOV.UK's "exit this page": at most 5 s
 * between presses, progress in a live region, the page covered at once, reset on
 * `pageshow`), and on a phone: reachable while the page scrolls, by touch, and no
 * keyboard hint where there is likely no keyboard.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './browser.js'
import { hostPage } from './support.js'

const LONG_TEXT = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1} of the district's own page, after the widget.</p>`).join('\n')

const suite = browserSuite(({ snippet }) => ({
  '/t/en.html': { html: hostPage(snippet('rinkeby-kista', 'en', 'exit-url="/t/neutral.html"')) },
  '/t/so.html': { html: hostPage(snippet('rinkeby-kista', 'so', 'exit-url="/t/neutral.html"')) },
  '/t/held.html': { html: hostPage(snippet('rinkeby-kista', 'en', 'exit-url="/t/held-exit.html"')) },
  '/t/long.html': { html: hostPage(`<p>Intro.</p>${snippet('rinkeby-kista', 'sv', 'exit-url="/t/neutral.html"')}${LONG_TEXT}`) },
  '/t/neutral.html': { html: hostPage('<p>Weather: sunny.</p>') },
}))

const liveRegion = (page: Page) =>
  page.evaluate(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('[role=status]')!.textContent)
const PHONE = { viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const

describe('quick exit', () => {
  it('by button replaces the page (no way back to it)', async () => {
    const { page, context } = await suite.open('/t/en.html')
    await page.locator('vbe-info button.exit').click()
    await page.waitForURL(`${suite.site.origin}/t/neutral.html`)
    await page.goBack().catch(() => null)
    expect(page.url()).not.toContain('/t/en.html')
    await context.close()
  })

  it('by pressing Shift three times, anywhere on the page, with each press announced', async () => {
    const { page, context } = await suite.open('/t/so.html')
    await page.locator('h1').click()
    expect(await liveRegion(page)).toBe('')
    await page.keyboard.press('Shift')
    expect(await liveRegion(page)).toBe(
      'Shift waxaa la riixay 1 ka mid ah 3 jeer. Mar kale riix 5 ilbiriqsi gudahood si aad boggan uga baxdo.',
    )
    await page.keyboard.press('Shift')
    expect(await liveRegion(page)).toContain('Shift waxaa la riixay 2 ka mid ah 3 jeer.')
    await page.keyboard.press('Shift')
    await page.waitForURL(`${suite.site.origin}/t/neutral.html`)
    await context.close()
  })

  it('a count with no press for 5 s runs out, and says so', async () => {
    const { page, context } = await suite.open('/t/en.html', { setup: (p) => p.clock.install() })
    await page.locator('h1').click()
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    expect(await liveRegion(page)).toContain('Shift pressed 2 of 3 times.')
    await page.clock.runFor(5_001)
    expect(await liveRegion(page)).toBe('Quick exit cancelled: Shift was not pressed again within 5 seconds.')
    await page.keyboard.press('Shift')
    expect(await liveRegion(page)).toContain('Shift pressed 1 of 3 times.')
    expect(page.url()).toContain('/t/en.html')
    await context.close()
  })

  it('covers the whole page at once, before the next page arrives; coming back (pageshow) uncovers it and resets the count', async () => {
    const { page, context, requests } = await suite.open('/t/held.html', {
      // the exit target answers 204 No Content, so the browser stays on the page being left and it can be looked at
      setup: (p) => p.route('**/t/held-exit.html', (route) => route.fulfill({ status: 204 })),
    })
    await page.locator('h1').click()
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await expect.poll(() => requests.some((u) => u.endsWith('/t/held-exit.html'))).toBe(true)
    const covered = await page.evaluate(() => {
      const cover = document.querySelector('vbe-info')!.shadowRoot!.querySelector('dialog.cover') as HTMLDialogElement
      const r = cover.getBoundingClientRect()
      return {
        open: cover.open,
        full: r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
        bg: getComputedStyle(cover).backgroundColor,
      }
    })
    expect(covered).toEqual({ open: true, full: true, bg: 'rgb(255, 255, 255)' })
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })))
    const after = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot!
      return {
        open: (root.querySelector('dialog.cover') as HTMLDialogElement).open,
        live: root.querySelector('[role=status]')!.textContent,
      }
    })
    expect(after).toEqual({ open: false, live: '' })
    await context.close()
  })

  it('the keyboard hint shows where a keyboard is likely (fine pointer, hover), not on a touch phone', async () => {
    const hint = async (opts: Parameters<typeof suite.open>[1]) => {
      const { page, context } = await suite.open('/t/en.html', opts)
      const shown = await page.evaluate(() => {
        const el = document.querySelector('vbe-info')!.shadowRoot!.querySelector('.kbd')!
        return {
          display: getComputedStyle(el).display,
          text: el.textContent,
          fine: matchMedia('(hover: hover) and (pointer: fine)').matches,
        }
      })
      await context.close()
      return shown
    }
    expect(await hint({})).toEqual({ display: 'block', text: 'You can also press the Shift key three times.', fine: true })
    expect(await hint({ context: PHONE })).toMatchObject({ display: 'none', fine: false })
  })
})

describe('quick exit on a phone', () => {
  it('stays on screen while the page scrolls, and works by touch', async () => {
    const { page, context } = await suite.open('/t/long.html', { context: PHONE })
    const inView = () =>
      page.evaluate(() => {
        const b = document.querySelector('vbe-info')!.shadowRoot!.querySelector('button.exit')!.getBoundingClientRect()
        return b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth && b.height >= 44
      })
    expect(await inView()).toBe(true)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const widgetBox = await page.evaluate(() => document.querySelector('vbe-info')!.getBoundingClientRect().bottom)
    expect(widgetBox).toBeLessThan(0) // the widget itself has scrolled out of view…
    expect(await inView()).toBe(true) // …the exit button has not
    await page.locator('vbe-info button.exit').tap()
    await page.waitForURL(`${suite.site.origin}/t/neutral.html`)
    await context.close()
  })

  it('no control reached by Tab (a keyboard or a switch on a phone) is hidden under the fixed exit button (WCAG 2.4.11)', async () => {
    const { page, context } = await suite.open('/t/long.html', { context: PHONE })
    const covered: string[] = []
    let reached = 0
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const f = await page.evaluate(() => {
        const root = document.querySelector('vbe-info')!.shadowRoot!
        const el = root.activeElement
        if (!el) return null
        const exit = root.querySelector('button.exit')!.getBoundingClientRect()
        const b = el.getBoundingClientRect()
        const overlaps = el.matches('button.exit')
          ? false
          : b.bottom > exit.top && b.top < exit.bottom && b.right > exit.left && b.left < exit.right
        return { text: (el.textContent ?? '').trim().slice(0, 40), overlaps }
      })
      if (!f) break
      reached++
      if (f.overlaps) covered.push(f.text)
    }
    expect(reached).toBeGreaterThan(10)
    expect(covered).toEqual([])
    await context.close()
  })
})
