import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { launchChromium } from '@vbe/test-browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noAccessPage, signInFailedPage } from '../src/oidc/pages.js'

/* The pages a sign-in through the provider can end on, in a real browser, checked with axe for WCAG 2.1 A and AA. */

const PAGES = (['sv', 'en'] as const).flatMap((lang) => [
  { name: `no access, no role (${lang})`, lang, html: noAccessPage(lang, 'no-role') },
  { name: `no access, no district (${lang})`, lang, html: noAccessPage(lang, 'no-district') },
  { name: `no access, unknown district (${lang})`, lang, html: noAccessPage(lang, 'unknown-district') },
  { name: `failed, wrong state (${lang})`, lang, html: signInFailedPage(lang, 'state') },
  { name: `failed, disabled (${lang})`, lang, html: signInFailedPage(lang, 'disabled') },
])

describe('the sign-in result pages in a browser', () => {
  let browser: Browser
  let axeSource: string
  beforeAll(async () => {
    browser = await launchChromium('the sign-in pages accessibility test')
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  })
  afterAll(() => browser?.close())

  it.each(PAGES)('$name has no WCAG 2.1 A/AA violations, one h1 and a way back', async ({ lang, html }) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } })
    await page.setContent(html)
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('main a[href="/"]').count()).toBe(1)
    // Nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10).
    const doc = () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
    expect(await page.evaluate(`(${doc.toString()})().documentElement.scrollWidth`)).toBeLessThanOrEqual(320)
    await page.evaluate(axeSource)
    const { violations, passes } = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string }[] }> }
        }
      ).axe
      const r = await axe.run((globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      })
      return { passes: r.passes.length, violations: r.violations.map((v) => v.id) }
    })
    expect(passes).toBeGreaterThan(5)
    expect(violations).toEqual([])
    await page.close()
  })
})
