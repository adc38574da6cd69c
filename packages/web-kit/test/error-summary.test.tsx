/**
 * The error summary's lines (field-errors.ts), and the summary in Chromium: a server's
 * field errors, in Swedish and English, read "<the form's label>: <message>", linked to
 * the field, and at the field the message starts with a capital; a field that shows its own words
 * (the date field's "2026-02-30 finns inte") has the same words in the summary; an error no
 * field is about shows its message and never its path; a message that names its field
 * already is not prefixed with the label again; the plain line comes with an app's own
 * detail (once), never with the server kit's words about the request. The page
 * is tests/fixtures/error-summary-page.tsx, bundled with esbuild. Screenshots go to
 * /tmp/error-summary-shots.
 */
import { mkdirSync } from 'node:fs'
import { messageText } from '@vbe/core'
import { launchChromium } from '@vbe/test-browser'
import { axeCheck } from '@vbe/test-browser/axe'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labelled, namesField, standalone, summaryDetail, summaryLines, type ShownField } from '../src/field-errors.js'
import { REQUEST_INVALID, type FieldProblem, type Lang, type Problem } from '../src/types.js'
import { fixtureScript } from './kit-page.js'

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
  })

  it('says a label once when the message holds it, in any case and anywhere (sv and en); whole words only', () => {
    // The user walk's line "Datum för händelsen: Ange datum för händelsen.": the message names the field.
    expect(labelled('Datum för händelsen', 'Ange datum för händelsen.')).toBe('Ange datum för händelsen.')
    expect(labelled('Date of the event', 'Enter the date of the event.')).toBe('Enter the date of the event.')
    expect(labelled('Typ av källa', 'Välj vilken typ av källa underlaget bygger på.')).toBe(
      'Välj vilken typ av källa underlaget bygger på.',
    )
    expect(labelled('Type of source', 'Choose the type of  source.')).toBe('Choose the type of  source.')
    expect(labelled('Årsmöte', 'ÅRSMÖTE måste ha hållits')).toBe('ÅRSMÖTE måste ha hållits')
    // Not named: a part of a word, or only some of the label's words.
    expect(labelled('År', 'Startåret måste vara 2016 eller senare')).toBe('År: Startåret måste vara 2016 eller senare')
    expect(labelled('Year', 'must be at most 5 years')).toBe('Year: must be at most 5 years')
    expect(labelled('Datum för händelsen', 'Ange ett datum.')).toBe('Datum för händelsen: Ange ett datum.')
    expect(labelled('Date of the event', 'Enter the date.')).toBe('Date of the event: Enter the date.')
    // A label with a regular expression's syntax in it is read as text.
    expect(namesField('Belopp (kr)', 'Ange belopp (kr) i hela kronor')).toBe(true)
    expect(namesField('Belopp (kr)', 'Ange belopp kr')).toBe(false)
    expect(namesField('', 'saknas')).toBe(false)
  })

  it('shows an app’s detail beside marked fields once, and never the server kit’s words about the request', () => {
    const errors = [{ path: 'event', message: 'Ange datum för händelsen.' }]
    const lines = summaryLines(errors, ['event'], () => ({ label: 'Datum för händelsen', shown: 'Ange datum för händelsen.' }))
    expect(lines).toEqual([{ field: 'event', text: 'Ange datum för händelsen.' }])
    const app = { status: 400, detail: 'underlaget sparades inte.', errors }
    expect(summaryDetail(app, lines)).toBe('Underlaget sparades inte.')
    expect(summaryDetail({ ...app, detail: 'The evidence item was not saved.' }, lines)).toBe('The evidence item was not saved.')
    // The code the server kit gives its request-level 400s (its test/field-problems.test.ts pins the same value).
    expect(REQUEST_INVALID).toBe('request-invalid')
    expect(summaryDetail({ ...app, detail: 'Uppgifterna i begäran innehåller fel.', code: REQUEST_INVALID }, lines)).toBeNull()
    expect(summaryDetail({ ...app, detail: 'The request body is invalid.', code: REQUEST_INVALID }, lines)).toBeNull()
    // The same words as a field's message (a client-side check words its one error as its detail too).
    expect(summaryDetail({ ...app, detail: 'ange datum för händelsen' }, lines)).toBeNull()
    expect(summaryDetail({ ...app, detail: ' ' }, lines)).toBeNull()
    expect(standalone('ärendet är redan avgjort')).toBe('Ärendet är redan avgjort')
    expect(standalone('2026-02-30 finns inte')).toBe('2026-02-30 finns inte')
  })
})

describe('ErrorSummary in Chromium', () => {
  let browser: Browser
  let script: string

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    script = await fixtureScript('error-summary-page')
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** The problem as the API sends it in `lang`: field messages worded by core's catalogue. */
  const problemIn = (lang: Lang): Problem => ({
    status: 400,
    detail: lang === 'sv' ? 'Uppgifterna i begäran innehåller fel.' : 'The request body is invalid.',
    code: REQUEST_INVALID,
    errors: [
      { path: 'year', message: messageText('number.min', { min: 2016 })[lang] },
      { path: 'deadline', message: messageText('date.real')[lang] },
      { path: 'kind', message: messageText('value.missing')[lang] },
      { path: 'persons[0].email', message: messageText('format.email')[lang] },
      // An app's own message that names its field: the summary does not put the label before it again.
      { path: 'evidence[0].event', message: lang === 'sv' ? 'Ange datum för händelsen.' : 'Enter the date of the event.' },
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
        'Ange datum för händelsen.',
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
        'Enter the date of the event.',
      ],
      year: 'Must be at least 2016',
    },
  }

  /** The fixture page in `lang`, as a failed submit that got `problem` would show it. */
  const open = async (lang: Lang, problem: Problem, width = 1280) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    await page.route('http://kit.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Formulär</title></head><body><main><h1>Formulär</h1><div id="root"></div></main><script>window.problem = ${JSON.stringify(problem)}</script><script>${script}</script></body></html>`,
      }),
    )
    await page.goto(`http://kit.test/?lang=${lang}`)
    return page
  }

  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: an app's own detail shows with the plain line, once, and the fields stay listed`, async () => {
      const detail =
        lang === 'sv' ? 'Underlaget sparades inte. Inget annat ändrades.' : 'The evidence item was not saved. Nothing else changed.'
      const event = lang === 'sv' ? 'Ange datum för händelsen.' : 'Enter the date of the event.'
      const page = await open(
        lang,
        {
          status: 400,
          detail,
          errors: [
            { path: 'event', message: event },
            // An error that only repeats the detail is not listed a second time.
            { path: '(root)', message: detail },
          ],
        },
        375,
      )
      try {
        const summary = page.getByRole('alert')
        await summary.waitFor()
        expect(await summary.locator('p:not(.visually-hidden)').allTextContents()).toEqual([detail, expected[lang].first])
        // The date field's own check of 2026-02-30 is listed too, after the API's.
        expect(await summary.getByRole('listitem').allTextContents()).toEqual([event, expected[lang].lines[1]])
        expect(((await summary.textContent()) ?? '').split(detail)).toHaveLength(2)
        await page.screenshot({ path: `${SHOTS}/detail-${lang}-375.png`, fullPage: true })
        expect((await axeCheck(page)).violations).toEqual([])
      } finally {
        await page.close()
      }
    })

    it(`${lang}: each line names the field by its label, says what the field says, and links to it`, async () => {
      const page = await open(lang, problemIn(lang))
      try {
        const summary = page.getByRole('alert')
        await summary.waitFor()
        // The plain line only: the server kit's words about the request are for API clients.
        expect(await summary.locator('p:not(.visually-hidden)').allTextContents()).toEqual([expected[lang].first])
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
        // The line whose message names its field links to that field.
        await summary.getByRole('link', { name: expected[lang].lines[4]! }).click()
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-event')
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
