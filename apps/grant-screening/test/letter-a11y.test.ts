import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '@vbe/test-browser'
import { axeCheck, WCAG_21_AA } from '@vbe/test-browser/axe'
import { appealFor, explainStructured, parseApplication, screen, exampleApplication } from '@vbe/core/grants'
import { authorityOn, grantConditionsFor } from '@vbe/core/plugins'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { letterModel, renderLetterHtml, type LetterInput } from '../src/letter/index.js'
import { installedPlugins } from '@vbe/districts'

/* The HTML decision letter in a real browser, checked with axe for WCAG 2.1 A and AA, in both languages. */

const application = parseApplication({
  ...exampleApplication({ id: 'app-a11y' }),
  statutes: undefined,
  evidence: [
    {
      id: 'e1',
      conduct: 'threat',
      actor: 'organisation',
      withinActivities: true,
      verified: true,
      date: '2026-05-02',
      source: { kind: 'court-judgment' },
    },
  ],
})
const result = screen(application, { on: '2026-11-22', plugins: installedPlugins })

const programme = installedPlugins.programme('rinkeby-kista/foreningsbidrag')!
const authority = authorityOn(rinkebyKista.authority!, '2026-11-23')!
const input = (kind: 'deny' | 'partial'): LetterInput => ({
  caseNumber: 'JÄR 2026/1',
  authority: { name: authority.name, formerName: authority.formerName },
  programme: {
    name: programme.name,
    sources: programme.sources,
    appeal: appealFor(programme).text,
    conditions: grantConditionsFor(programme.conditions),
  },
  association: { name: 'Kista <Ungdomsförening>', organisationNumber: '802400-1235' },
  amountRequested: 50_000,
  outcome: result.outcome,
  decision: {
    kind,
    amount: kind === 'partial' ? 20_000 : null,
    reasons: 'Första raden\nAndra raden\n\nEtt stycke till.',
    decidedBy: { name: 'Anna Andersson', title: { sv: 'handläggare', en: 'grant officer' } },
    decidedAt: '2026-11-22T09:15:00.000Z',
    approvedBy: { name: 'Omar Said', title: { sv: 'enhetschef', en: 'head of unit' } },
    approvedAt: '2026-11-23T10:00:00.000Z',
  },
  explanation: explainStructured(result, { plugins: installedPlugins }),
  relevantEvidence: ['e1'],
  reportDue: '2027-03-31',
  issuedOn: '2026-11-23',
})

describe('the HTML decision letter in a browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium('the letter accessibility test')
  })
  afterAll(() => browser?.close())

  it.each([
    ['sv', 'deny'],
    ['en', 'partial'],
  ] as const)('has no WCAG 2.1 A/AA violations (%s, %s)', async (locale, kind) => {
    const page = await browser.newPage()
    await page.setContent(renderLetterHtml(letterModel(input(kind), locale)))
    expect(await page.locator('html').getAttribute('lang')).toBe(locale)
    expect(await page.locator('h2').count()).toBe(5)
    const { violations, passes } = await axeCheck(page, { tags: WCAG_21_AA })
    expect(passes).toBeGreaterThan(10)
    expect(violations).toEqual([])
    await page.close()
  })
})
