import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { analysePlan, EXAMPLE_PLANS, parsePlan } from '@vbe/core/plans'
import { launchChromium } from '@vbe/test-browser'
import { axeCheck, WCAG_21_AA } from '@vbe/test-browser/axe'
import { planHtml } from '../src/export/index.js'
import { districtTemplates } from '@vbe/districts'

/* The HTML committee paper in a real browser, checked with axe for WCAG 2.1 A and AA, for both example plans and languages. */

const cases = EXAMPLE_PLANS.flatMap((input) => (['sv', 'en'] as const).map((lang) => [parsePlan(input), lang] as const))

describe('the HTML committee paper in a browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium('the committee paper accessibility test')
  })
  afterAll(() => browser?.close())

  it.each(cases)('has no WCAG 2.1 A/AA violations (%#)', async (plan, lang) => {
    const analysis = analysePlan(plan, { templates: districtTemplates(plan.district), on: '2026-11-22' })
    const page = await browser.newPage()
    await page.setContent(planHtml({ plan, version: 2, analysis, lang }))
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)
    expect(await page.locator('h1').count()).toBe(1)
    const { violations, passes } = await axeCheck(page, { tags: WCAG_21_AA })
    expect(passes).toBeGreaterThan(5)
    expect(violations).toEqual([])
    await page.close()
  })
})
