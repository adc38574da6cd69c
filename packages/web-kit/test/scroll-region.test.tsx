/**
 * Wide tables that scroll sideways (ScrollRegion, and the kit's Table that is not a card
 * table), in Chromium at 375 and 1280 CSS px, in Swedish and English: each sits in a
 * region named by its caption or heading that the keyboard reaches (Tab) and scrolls
 * (arrow keys); while the region scrolls sideways, and only then, a hint above it says so
 * and describes the region; it comes and goes as the window is resized (a ResizeObserver),
 * the page itself never scrolls sideways, and axe finds nothing. The page is
 * tests/fixtures/scroll-region-page.tsx, bundled with esbuild, with the kit's stylesheet.
 * Screenshots go to /tmp/kit-shots.
 */
import { mkdirSync } from 'node:fs'
import { launchChromium } from '@vbe/test-browser'
import { axeCheck } from '@vbe/test-browser/axe'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lang } from '../src/types.js'
import { fixtureScript, kitCss } from './kit-page.js'

const SHOTS = '/tmp/kit-shots'

const words = {
  sv: {
    table: 'Aktiviteter per kvartal',
    heat: 'Riskbild per område',
    hint: 'Rulla i sidled för att se hela tabellen (med tangentbordet: piltangenterna när tabellen har fokus).',
  },
  en: {
    table: 'Activities by quarter',
    heat: 'Risk picture by area',
    hint: 'Scroll sideways to see the whole table (with a keyboard: the arrow keys once the table has focus).',
  },
}

/** Each region: its name, how far it scrolls sideways, whether a visible hint describes it, and the hint's text. */
const regions = (p: Page) =>
  p.evaluate(() =>
    Array.from(document.querySelectorAll('[role="region"]')).map((r) => {
      const hint = r.getAttribute('aria-describedby') ? document.getElementById(r.getAttribute('aria-describedby')!) : null
      const before = r.previousElementSibling
      return {
        tabIndex: (r as HTMLElement).tabIndex,
        sideways: r.scrollWidth - r.clientWidth,
        hint: hint && hint.getClientRects().length > 0 ? (hint.textContent ?? '') : null,
        hintAbove: hint !== null && hint === before,
        hints: document.querySelectorAll('.scroll-hint').length,
      }
    }),
  )

const pageSideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('wide tables in a scroll region, with a hint only when they scroll', () => {
  let browser: Browser
  let script: string

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    script = await fixtureScript('scroll-region-page')
    browser = await launchChromium('the scroll region test')
  })
  afterAll(async () => {
    await browser?.close()
  })

  const open = async (lang: Lang, width: number) => {
    const p = await browser.newPage({ viewport: { width, height: 800 } })
    await p.route('http://kit.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tabeller</title><style>${kitCss}</style></head><body><div id="root" class="site-main"></div><script>${script}</script></body></html>`,
      }),
    )
    await p.goto(`http://kit.test/?lang=${lang}`)
    await p.getByRole('region', { name: words[lang].heat }).waitFor()
    return p
  }

  for (const lang of ['sv', 'en'] as const) {
    it(`at 375 px (${lang}): each region scrolls, says so above itself, and the keyboard scrolls it`, async () => {
      const p = await open(lang, 375)
      try {
        await p.locator('.scroll-hint').first().waitFor()
        const found = await regions(p)
        expect(found).toHaveLength(2)
        for (const r of found) {
          expect(r.sideways, 'the region scrolls sideways').toBeGreaterThan(50)
          expect(r.tabIndex).toBe(0)
          expect(r.hint).toBe(`↔${words[lang].hint}`)
          expect(r.hintAbove).toBe(true)
        }
        expect(found[0]!.hints).toBe(2)
        expect(await pageSideways(p)).toBe(0)
        // Named by its caption and by its heading; reached by Tab and scrolled by the arrow keys.
        const table = p.getByRole('region', { name: words[lang].table })
        expect(await table.getAttribute('aria-describedby')).toBeTruthy()
        await p.keyboard.press('Tab')
        expect(await p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region')
        expect(await table.evaluate((el) => el === document.activeElement)).toBe(true)
        await p.keyboard.press('ArrowRight')
        await p.keyboard.press('ArrowRight')
        await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
        await p.screenshot({ path: `${SHOTS}/scroll-region-${lang}-375.png`, fullPage: true })
        expect((await axeCheck(p)).violations).toEqual([])
      } finally {
        await p.close()
      }
    })

    it(`at 1280 px (${lang}): nothing scrolls, so no hint; narrowing the window brings it, widening takes it away`, async () => {
      const p = await open(lang, 1280)
      try {
        const found = await regions(p)
        expect(found).toHaveLength(2)
        for (const r of found) {
          expect(r.sideways).toBeLessThanOrEqual(1)
          expect(r.hint).toBeNull()
          expect(r.hints).toBe(0)
          expect(r.tabIndex).toBe(0)
        }
        await p.screenshot({ path: `${SHOTS}/scroll-region-${lang}-1280.png`, fullPage: true })
        expect((await axeCheck(p)).violations).toEqual([])
        await p.setViewportSize({ width: 375, height: 800 })
        await expect.poll(async () => (await regions(p)).map((r) => r.hint)).toEqual([`↔${words[lang].hint}`, `↔${words[lang].hint}`])
        await p.setViewportSize({ width: 1280, height: 800 })
        await expect.poll(async () => (await regions(p)).map((r) => r.hint)).toEqual([null, null])
      } finally {
        await p.close()
      }
    })
  }
})
