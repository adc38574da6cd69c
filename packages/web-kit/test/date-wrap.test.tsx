/**
 * Dates in the date field's hint and error, and in a form's error summary, on a 320 px
 * phone in Chromium (WCAG 1.4.10): a date (`2027-03-31`, the format `ÅÅÅÅ-MM-DD`) never
 * breaks at one of its hyphens, at any width a page's layout leaves the field, in Swedish
 * and English. Measured on the text itself (a DOM range over each date, whatever the markup),
 * so it holds the rendered lines, not the kit's way of keeping them. What a screen reader
 * gets (the input's accessible description in Chromium's accessibility tree) and what
 * copying gives (the selection's text) are the ISO dates as written. Screenshots go to
 * /tmp/date-wrap-shots.
 */
import { mkdirSync } from 'node:fs'
import { axeCheck } from '@vbe/test-browser/axe'
import { launchChromium } from '@vbe/test-browser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DateField } from '../src/date-field.js'
import { ErrorSummary, useForm } from '../src/forms.js'
import type { Lang, Problem } from '../src/types.js'
import { fieldProblem } from '../src/stories/fixtures.js'
import { kitPage } from './kit-page.js'

const SHOTS = '/tmp/date-wrap-shots'
// The field at every width from a whole 320 px page down to 200 px, 4 px apart: wherever its line ends, some date meets it.
const WIDTHS = Array.from({ length: 31 }, (_, i) => 320 - 4 * i)

/** A date field as after a submit: its own error for what was typed. */
function Sent(props: { id: string; typed: string; label: string; hint: string; summary?: Problem }) {
  const form = useForm(props.id)
  const problem = props.summary ?? { status: 400, detail: '', errors: [] }
  return (
    <>
      {props.summary && <ErrorSummary form={{ ...form, problem }} fields={['decisionReference']} />}
      <DateField
        form={{ ...form, problem, errorsFor: () => [] }}
        name="reportDue"
        label={props.label}
        hint={props.hint}
        value={props.typed}
        onChange={() => undefined}
        required
      />
    </>
  )
}

const page = (lang: Lang) => {
  const labels = lang === 'sv' ? ['Redovisning senast', 'Datum'] : ['Report due', 'Date']
  const hint =
    lang === 'sv' ? 'Sista dagen för redovisningen, senast 2027-12-31.' : 'The last day for the report, 2027-12-31 at the latest.'
  return kitPage(
    lang,
    'dates',
    <main>
      <h1>{lang === 'sv' ? 'Datum' : 'Dates'}</h1>
      {WIDTHS.map((w) => (
        <div key={w} style={{ maxWidth: `${w}px` }}>
          <Sent
            id={`a${w}`}
            typed="31/03/2027"
            label={labels[w % 8 ? 0 : 1]!}
            hint={hint}
            {...(w === 320 ? { summary: fieldProblem(lang) } : {})}
          />
          <Sent id={`b${w}`} typed="2027-02-30" label={labels[w % 8 ? 1 : 0]!} hint={hint} />
        </div>
      ))}
    </main>,
  )
}

/** Every date in the hints, errors and error summary, and the lines its text lies on. */
const dateLines = (p: Page) =>
  p.evaluate(() => {
    const DATE = /\d{4}-\d{2}-\d{2}|ÅÅÅÅ-MM-DD|YYYY-MM-DD/g
    return Array.from(document.querySelectorAll('.field__hint, .field__error, .error-summary li, .error-summary p')).flatMap((el) => {
      // The element's text nodes, and where each starts in its whole text.
      const nodes: { node: Text; at: number }[] = []
      let whole = ''
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        nodes.push({ node: n as Text, at: whole.length })
        whole += n.textContent ?? ''
      }
      const place = (i: number, end: boolean) => {
        const hit = nodes.findLast((x) => (end ? x.at < i : x.at <= i))!
        return [hit.node, i - hit.at] as const
      }
      return Array.from(whole.matchAll(DATE)).map((m) => {
        const range = document.createRange()
        range.setStart(...place(m.index, false))
        range.setEnd(...place(m.index + m[0].length, true))
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)))
        return { date: m[0], lines: tops.size, width: Math.round(el.getBoundingClientRect().width) }
      })
    })
  })

describe('dates in hints and errors on a 320 px phone', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium('the date wrap test')
    mkdirSync(SHOTS, { recursive: true })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  for (const lang of ['sv', 'en'] as const) {
    it(`no date breaks over two lines, at any width of the field (${lang}); nothing scrolls sideways; no axe violations`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } })
      const p = await context.newPage()
      try {
        await p.setContent(page(lang))
        // The summary and the widest fields (the whole page is some 30 screens long).
        await p.screenshot({ path: `${SHOTS}/dates-${lang}-320.png`, fullPage: true, clip: { x: 0, y: 0, width: 320, height: 1600 } })
        const dates = await dateLines(p)
        // Each field: its hint's date, the format and its example, and the date in the error; and the summary's.
        expect(dates.length).toBeGreaterThan(WIDTHS.length * 8)
        expect(new Set(dates.map((d) => d.date))).toEqual(
          new Set([lang === 'sv' ? 'ÅÅÅÅ-MM-DD' : 'YYYY-MM-DD', '2027-03-31', '2027-12-31', '2027-02-30', '2026-09-21']),
        )
        expect(dates.filter((d) => d.lines !== 1)).toEqual([])
        expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
        expect((await axeCheck(p)).violations).toEqual([])
      } finally {
        await context.close()
      }
    }, 60_000)

    it(`a screen reader gets the dates as written, and copying gives ISO dates (${lang})`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } })
      const p = await context.newPage()
      try {
        await p.setContent(page(lang))
        const input = p.locator('#b240-reportDue')
        const cdp = await context.newCDPSession(p)
        const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
          backendNodeId: (
            (await cdp.send('DOM.describeNode', {
              objectId: (await cdp.send('Runtime.evaluate', { expression: `document.getElementById('b240-reportDue')` })).result.objectId!,
            })) as { node: { backendNodeId: number } }
          ).node.backendNodeId,
          fetchRelatives: false,
        })) as { nodes: Array<{ role?: { value: string }; description?: { value: string } }> }
        await cdp.detach()
        const description = nodes.find((n) => n.role?.value === 'textbox')?.description?.value ?? ''
        expect(description).toContain(lang === 'sv' ? 'till exempel 2027-03-31' : 'for example 2027-03-31')
        expect(description).toContain(lang === 'sv' ? ': 2027-02-30 finns inte.' : ': 2027-02-30 does not exist.')
        expect(await input.getAttribute('aria-invalid')).toBe('true')
        // Selecting the error, as a person would before copying it: the date is ordinary ISO text.
        const selected = await p.evaluate(() => {
          const error = document.getElementById('b240-reportDue-error')!
          getSelection()!.selectAllChildren(error)
          return getSelection()!.toString()
        })
        expect(selected).toMatch(/ 2027-02-30 /)
        expect(selected).not.toMatch(/[\u2011\u2060\u00ad\u200b]/)
      } finally {
        await context.close()
      }
    }, 60_000)
  }
})
