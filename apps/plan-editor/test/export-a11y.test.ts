import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { analysePlan, EXAMPLE_PLANS, parsePlan } from '@vbe/core/plans'
import { launchChromium } from '@vbe/test-browser'
import { planHtml } from '../src/export/index.js'
import { templatesForDistrict } from '../src/plugins.js'

/* The HTML committee paper in a real browser, checked with axe for WCAG 2.1 A and AA, for both example plans and languages. */

const cases = EXAMPLE_PLANS.flatMap((input) => (['sv', 'en'] as const).map((lang) => [parsePlan(input), lang] as const))

describe('the HTML committee paper in a browser', () => {
  let browser: Browser
  let axeSource: string
  beforeAll(async () => {
    browser = await launchChromium('the committee paper accessibility test')
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  })
  afterAll(() => browser?.close())

  it.each(cases)('has no WCAG 2.1 A/AA violations (%#)', async (plan, lang) => {
    const analysis = analysePlan(plan, { templates: templatesForDistrict(plan.district), on: '2026-11-22' })
    const page = await browser.newPage()
    await page.setContent(planHtml({ plan, version: 2, analysis, lang }))
    expect(await page.locator('html').getAttribute('lang')).toBe(lang)
    expect(await page.locator('h1').count()).toBe(1)
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
