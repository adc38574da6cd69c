/**
 * The error summary's lines (field-errors.ts), and the summary in Chromium: a server's
 * field errors, in Swedish and English, read "<the form's label>: <message>", linked to
 * the field, and at the field the message starts with a capital; a field that shows its own words
 * (the date field's "2026-02-30 finns inte") has the same words in the summary; an error no
 * field is about shows its message and never its path; the first line is plain. The page
 * is tests/fixtures/error-summary-page.tsx, bundled with esbuild. Screenshots go to
 * /tmp/error-summary-shots.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { messageText } from '@vbe/core'
import { launchChromium } from '@vbe/test-browser'
import { axeCheck } from '@vbe/test-browser/axe'
import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labelled, standalone, summaryLines, type ShownField } from '../src/field-errors.js'
import type { FieldProblem, Lang, Problem } from '../src/types.js'

const SHOTS = '/tmp/error-summary-shots'

describe('summaryLines', () => {
  const errors: FieldProblem[] = [
    { path: 'year', message: 'måste vara 2016 eller senare' },
    { path: '(body).deadline', message: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD' },
    { path: 'persons[0].email', message: 'måste vara en e-postadress' },
  ]
  const page: Record<string, ShownField> = {
    year: { label: 'Startår', shown: 'Måste vara 2016 eller senare' },
    deadline: { label: 'Sista dag att svara', shown: 'Sista dag att svara: 2026-02-30 finns inte. Februari 2026 har 28 dagar.' },
  }

  it('also names a field that shows an error of its own the problem does not carry (the date, while the form stopped at an empty field)', () => {
    expect(summaryLines([{ path: 'material', message: 'Skriv underlaget.' }], ['material', 'deadline'], (f) => page[f] ?? null)).toEqual([
      { field: 'material', text: 'Skriv underlaget.' },
      { field: 'deadline', text: 'Sista dag att svara: 2026-02-30 finns inte. Februari 2026 har 28 dagar.' },
    ])
  })

  it('tells each field error by the label the form shows, the message starting with a capital', () => {
    expect(summaryLines(errors, ['year', 'deadline'], (f) => page[f] ?? null)).toEqual([
      { field: 'year', text: 'Startår: måste vara 2016 eller senare' },
      // The field's own words for the mistake, not the API's different ones.
      { field: 'deadline', text: 'Sista dag att svara: 2026-02-30 finns inte. Februari 2026 har 28 dagar.' },
      // No field is about it: the message alone, never the path.
      { field: null, text: 'Måste vara en e-postadress' },
    ])
  })

  it('in English, and once per field when the field shows its own words', () => {
    const en: FieldProblem[] = [
      { path: 'deadline', message: 'must be a real date written YYYY-MM-DD' },
      { path: 'deadline', message: 'must not be before the letter is sent' },
      { path: 'kind', message: 'is missing' },
    ]
    const shown: Record<string, ShownField> = {
      deadline: { label: 'Last day to reply', shown: 'Last day to reply: 2026-02-30 does not exist. February 2026 has 28 days.' },
      kind: { label: 'What the office intends to decide', shown: 'Is missing' },
    }
    expect(summaryLines(en, ['deadline', 'kind'], (f) => shown[f] ?? null)).toEqual([
      { field: 'deadline', text: 'Last day to reply: 2026-02-30 does not exist. February 2026 has 28 days.' },
      { field: 'kind', text: 'What the office intends to decide: is missing' },
    ])
  })

  it('lists each API message of a field that shows the API’s words', () => {
    const two: FieldProblem[] = [
      { path: 'year', message: 'måste vara ett heltal' },
      { path: 'year', message: 'måste vara 2016 eller senare' },
    ]
    const shown = { label: 'Startår', shown: 'Måste vara ett heltal Måste vara 2016 eller senare' }
    expect(summaryLines(two, ['year'], () => shown).map((l) => l.text)).toEqual([
      'Startår: måste vara ett heltal',
      'Startår: måste vara 2016 eller senare',
    ])
  })

  it('does not repeat a label the message already names, and words a message that stands alone with a capital', () => {
    expect(labelled('Organisationsnummer', 'Organisationsnummer: måste vara 10 siffror')).toBe('Organisationsnummer: måste vara 10 siffror')
    expect(labelled('E-post', 'Person 1, e-post: måste vara en e-postadress')).toBe('Person 1, e-post: måste vara en e-postadress')
    expect(labelled('Year', 'year must be 2016 or later')).toBe('Year must be 2016 or later')
    expect(labelled('Start year', 'year must be 2016 or later')).toBe('Start year: year must be 2016 or later')
    expect(labelled('Belopp', 'får vara högst 10')).toBe('Belopp: får vara högst 10')
    expect(labelled('Kommentar', 'måste fyllas i när planen återremitteras: vad stadsdelen ska ändra')).toBe(
      'Kommentar: måste fyllas i när planen återremitteras: vad stadsdelen ska ändra',
    )
    expect(labelled('', 'saknas')).toBe('Saknas')
    expect(standalone('ärendet är redan avgjort')).toBe('Ärendet är redan avgjort')
    expect(standalone('2026-02-30 finns inte')).toBe('2026-02-30 finns inte')
  })
})

describe('ErrorSummary in Chromium', () => {
  let browser: Browser
  let script: string

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const out = await build({
      entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'fixtures/error-summary-page.tsx')],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    })
    script = out.outputFiles[0]!.text
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** The problem as the API sends it in `lang`: field messages worded by core's catalogue. */
  const problemIn = (lang: Lang): Problem => ({
    status: 400,
    detail: lang === 'sv' ? 'Uppgifterna i begäran innehåller fel.' : 'The request body is invalid.',
    errors: [
      { path: 'year', message: messageText('number.min', { min: 2016 })[lang] },
      { path: 'deadline', message: messageText('date.real')[lang] },
      { path: 'kind', message: messageText('value.missing')[lang] },
      { path: 'persons[0].email', message: messageText('format.email')[lang] },
    ],
  })

  const expected = {
    sv: {
      first: 'Rätta det som är markerat nedan.',
      lines: [
        'Startår: måste vara minst 2016',
        'Sista dag att svara: 2026-02-30 finns inte. Februari 2026 har 28 dagar.',
        'Vad förvaltningen avser att besluta: saknas',
        'Måste vara en e-postadress',
      ],
      year: 'Måste vara minst 2016',
    },
    en: {
      first: 'Correct what is marked below.',
      lines: [
        'Start year: must be at least 2016',
        'Last day to reply: 2026-02-30 does not exist. February 2026 has 28 days.',
        'What the office intends to decide: is missing',
        'Must be an e-mail address',
      ],
      year: 'Must be at least 2016',
    },
  }

  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: each line names the field by its label, says what the field says, and links to it`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      try {
        await page.route('http://kit.test/**', (route) =>
          route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Formulär</title></head><body><main><h1>Formulär</h1><div id="root"></div></main><script>window.problem = ${JSON.stringify(problemIn(lang))}</script><script>${script.replace(/<\/script/gi, '<\\/script')}</script></body></html>`,
          }),
        )
        await page.goto(`http://kit.test/?lang=${lang}`)
        const summary = page.getByRole('alert')
        await summary.waitFor()
        expect(await summary.locator('p').first().textContent()).toBe(expected[lang].first)
        expect(await summary.getByRole('listitem').allTextContents()).toEqual(expected[lang].lines)
        const text = (await summary.textContent()) ?? ''
        expect(text).not.toMatch(/persons|\[0\]|\(body\)|Uppgifterna i begäran|request body/)
        // At the field, the same words.
        expect(await page.locator('#f-year-error').textContent()).toBe(expected[lang].year)
        expect(await page.locator('#f-deadline-error').textContent()).toBe(expected[lang].lines[1])
        // The links take focus to the field.
        await summary.getByRole('link', { name: expected[lang].lines[0]! }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-year')
        await summary.getByRole('link', { name: expected[lang].lines[2]! }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-kind')
        // The summary follows what the field says: another day that does not exist, typed and left.
        const deadline = page.locator('#f-deadline')
        await deadline.fill('2026-04-31')
        await deadline.blur()
        const april =
          lang === 'sv'
            ? 'Sista dag att svara: 2026-04-31 finns inte. April 2026 har 30 dagar.'
            : 'Last day to reply: 2026-04-31 does not exist. April 2026 has 30 days.'
        await summary.getByRole('link', { name: april }).waitFor()
        expect(await page.locator('#f-deadline-error').textContent()).toBe(april)
        await page.screenshot({ path: `${SHOTS}/summary-${lang}.png`, fullPage: true })
        expect((await axeCheck(page)).violations).toEqual([])
      } finally {
        await page.close()
      }
    })
  }
})
