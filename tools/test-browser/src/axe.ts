// axe-core in a real page: the engine Storybook's a11y addon uses, run by the browser tests.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/** The WCAG 2.1 A and AA rule tags. */
export const WCAG_21_AA: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let source: Promise<string> | undefined
/** axe-core's browser bundle, read once. */
export const axeSource = (): Promise<string> => (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))

export interface AxeOptions {
  /** What to check: a CSS selector, or the whole document when absent. */
  readonly context?: string
  /** Only the rules with these tags (WCAG_21_AA, say); every rule when absent. */
  readonly tags?: readonly string[]
}

interface AxeWindow {
  axe: {
    run: (context: unknown, options: unknown) => Promise<{ passes: unknown[]; violations: Array<{ id: string }> }>
  }
}

/**
 * Runs axe in the page: the ids of the rules violated and the number that passed. Retries
 * while another axe run (the a11y addon's, in a Storybook story) is still going.
 */
export async function axeCheck(page: Page, options: AxeOptions = {}): Promise<{ violations: string[]; passes: number }> {
  await page.evaluate(await axeSource())
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.evaluate(async ({ context, tags }) => {
        const w = globalThis as unknown as AxeWindow & { document: unknown }
        const r = await w.axe.run(context ?? w.document, {
          resultTypes: ['violations'],
          ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}),
        })
        return { violations: r.violations.map((v) => v.id), passes: r.passes.length }
      }, options)
    } catch (e) {
      if (attempt > 50 || !String(e).includes('already running')) throw e
      await page.waitForTimeout(100)
    }
  }
}
