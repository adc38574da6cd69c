/**
 * The date field: what it reads from typing (date-text.ts), the error it words for a date
 * that cannot be read or does not exist, and its markup (label, hint and error tied to the
 * input). The typing, leaving the field and axe run in Chromium in the grant-screening
 * app's e2e-dates test and in the kit's Storybook test.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { dateError, DateField } from '../src/date-field.js'
import { daysInMonth as coreDaysInMonth } from '@vbe/core/calendar'
import { dateValueOf, daysInMonth, readDateText } from '../src/date-text.js'
import { useForm } from '../src/forms.js'
import { wholeDates } from '../src/whole-dates.js'
import { createI18n, defineCatalogue, I18nRoot } from '../src/i18n.js'
import type { Lang } from '../src/types.js'

const catalogue = defineCatalogue({ appName: 'Test' }, { appName: 'Test' })

describe('readDateText', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['20270331', '2027-03-31'],
    ['2027-3-31', '2027-03-31'],
    ['2027-3-1', '2027-03-01'],
    ['  2027-03-31 ', '2027-03-31'],
    ['2027/03/31', '2027-03-31'],
    ['2027.3.31', '2027-03-31'],
    ['2027 3 31', '2027-03-31'],
    ['2027 - 03 - 31', '2027-03-31'],
    ['2027–03–31', '2027-03-31'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (typed, iso) => {
    expect(readDateText(typed)).toEqual({ kind: 'date', iso })
    expect(dateValueOf(typed)).toBe(iso)
  })

  it('reads nothing typed as empty', () => {
    expect(readDateText('')).toEqual({ kind: 'empty' })
    expect(readDateText('   ')).toEqual({ kind: 'empty' })
    expect(dateValueOf(' ')).toBe('')
  })

  it.each([
    '31/03/2027',
    '03/31/2027',
    '2027-03',
    '270331',
    '2027033',
    '202703310',
    'i morgon',
    '2027-03-31T10:00',
    '2027--03-31',
    '2027-003-31',
  ])('does not read %j (not year first, or not a whole date)', (typed) => {
    expect(readDateText(typed)).toEqual({ kind: 'format' })
    // The form gets the text as typed: nothing is lost, and the API's check still applies.
    expect(dateValueOf(typed)).toBe(typed)
  })

  it('tells a day the month does not have, and a month that does not exist', () => {
    expect(readDateText('2027-02-30')).toEqual({ kind: 'no-such-day', written: '2027-02-30', year: 2027, month: 2, days: 28 })
    expect(readDateText('2027-2-29')).toEqual({ kind: 'no-such-day', written: '2027-02-29', year: 2027, month: 2, days: 28 })
    expect(readDateText('1900-02-29')).toEqual({ kind: 'no-such-day', written: '1900-02-29', year: 1900, month: 2, days: 28 })
    expect(readDateText('2027-04-31')).toEqual({ kind: 'no-such-day', written: '2027-04-31', year: 2027, month: 4, days: 30 })
    expect(readDateText('20270300')).toEqual({ kind: 'no-such-day', written: '2027-03-00', year: 2027, month: 3, days: 31 })
    expect(readDateText('2027-13-01')).toEqual({ kind: 'no-such-month', written: '2027-13-01', month: 13 })
    expect(readDateText('2027-0-01')).toEqual({ kind: 'no-such-month', written: '2027-00-01', month: 0 })
    expect(dateValueOf('2027-2-30')).toBe('2027-2-30')
  })
})

describe('daysInMonth', () => {
  it("is core's calendar for every month from 1900 to 2300, and in year 0", () => {
    for (const year of [0, 4, 100, ...Array.from({ length: 401 }, (_, i) => 1900 + i)])
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(coreDaysInMonth(year, month))
  })
})

describe('dateError', () => {
  const words = (lang: Lang, typed: string) => {
    const { t } = createI18n(catalogue, lang)
    return dateError(readDateText(typed), typed, lang === 'sv' ? 'Redovisning senast' : 'Report due', t, lang)
  }

  it('names the field, what was written and what is wrong, in the UI language', () => {
    expect(words('sv', '2027-02-30')).toBe('Redovisning senast: 2027-02-30 finns inte. Februari 2027 har 28 dagar.')
    expect(words('en', '2027-02-30')).toBe('Report due: 2027-02-30 does not exist. February 2027 has 28 days.')
    expect(words('sv', '2027-13-01')).toBe('Redovisning senast: 2027-13-01 finns inte. Månaden skrivs 01 till 12.')
    expect(words('en', '2027-13-01')).toBe('Report due: 2027-13-01 does not exist. The month is written 01 to 12.')
    expect(words('sv', '31/03/2027')).toBe(
      'Redovisning senast: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31 (du skrev ”31/03/2027”).',
    )
    expect(words('en', ' 03/31/2027')).toBe('Report due: write the date as YYYY-MM-DD, for example 2027-03-31 (you wrote “03/31/2027”).')
  })

  it('has nothing to say about a date or an empty field', () => {
    expect(words('sv', '20270331')).toBeNull()
    expect(words('en', '')).toBeNull()
  })
})

describe('DateField markup', () => {
  function Harness(props: { value: string; withProblem?: boolean; optional?: boolean }) {
    const form = useForm('f')
    const shown = props.withProblem
      ? { ...form, problem: { status: 400, detail: 'x', errors: [{ path: 'reportDue', message: 'måste vara ett datum' }] } }
      : form
    return (
      <DateField
        form={{ ...shown, errorsFor: (n) => (shown.problem?.errors ?? []).filter((e) => e.path === n).map((e) => e.message) }}
        name="reportDue"
        label="Redovisning senast"
        hint="Sista dagen."
        value={props.value}
        onChange={() => undefined}
        {...(props.optional ? { optional: true } : { required: true })}
      />
    )
  }
  const html = (node: ReactNode, lang: Lang = 'sv') =>
    renderToStaticMarkup(
      <I18nRoot catalogue={catalogue} initial={lang}>
        {node}
      </I18nRoot>,
    )

  it('is a text input the browser does not localise, labelled, with its hint and the format tied to it', () => {
    const out = html(<Harness value="2027-03-31" />)
    expect(out).toContain('<label for="f-reportDue">Redovisning senast</label>')
    expect(out).toContain('<p class="field__hint" id="f-reportDue-hint">Sista dagen.</p>')
    // The format and the dates stay on one line (whole-dates.tsx; measured in Chromium by date-wrap.test).
    expect(out).toContain(
      '<p class="field__hint" id="f-reportDue-format"><span class="nowrap">ÅÅÅÅ-MM-DD</span>, till exempel <span class="nowrap">2027-03-31</span></p>',
    )
    const input = /<input[^>]*>/.exec(out)?.[0] ?? ''
    expect(input).toContain('type="text"')
    expect(input).toContain('inputMode="numeric"')
    expect(input).toContain('autoComplete="off"')
    expect(input).toContain('aria-describedby="f-reportDue-hint f-reportDue-format"')
    expect(input).toContain('value="2027-03-31"')
    expect(input).toContain('required=""')
    expect(input).not.toContain('aria-invalid')
    expect(html(<Harness value="" />, 'en')).toContain(
      '<span class="nowrap">YYYY-MM-DD</span>, for example <span class="nowrap">2027-03-31</span>',
    )
  })

  it('after a submit, says at the field that the date does not exist, keeps the text, and ties the error to the input', () => {
    const out = html(<Harness value="2027-02-30" withProblem />)
    expect(out).toContain('class="field field--error"')
    expect(out).toContain(
      '<p class="field__error" id="f-reportDue-error">Redovisning senast: <span class="nowrap">2027-02-30</span> finns inte. Februari 2027 har 28 dagar.</p>',
    )
    // Its own words, not the API's less clear ones as well.
    expect(out).not.toContain('måste vara ett datum')
    const input = /<input[^>]*>/.exec(out)?.[0] ?? ''
    expect(input).toContain('aria-describedby="f-reportDue-hint f-reportDue-format f-reportDue-error"')
    expect(input).toContain('aria-invalid="true"')
    expect(input).toContain('value="2027-02-30"')
  })

  it("shows the API's error when the text is a date", () => {
    const out = html(<Harness value="2027-03-31" withProblem />)
    expect(out).toContain('<p class="field__error" id="f-reportDue-error">måste vara ett datum</p>')
  })
})

describe('wholeDates', () => {
  const html = (text: string) => renderToStaticMarkup(<p>{wholeDates(text)}</p>)

  it('wraps each date and the written format in a nowrap span, and leaves the text as it is', () => {
    expect(html('Senast 2027-03-31, ej 2027-3-1.')).toBe(
      '<p>Senast <span class="nowrap">2027-03-31</span>, ej <span class="nowrap">2027-3-1</span>.</p>',
    )
    expect(html('YYYY-MM-DD')).toBe('<p><span class="nowrap">YYYY-MM-DD</span></p>')
    expect(html('2026-05-04 08:55')).toBe('<p><span class="nowrap">2026-05-04</span> 08:55</p>')
    expect(html('2026-01-01–2026-12-31')).toBe('<p><span class="nowrap">2026-01-01</span>–<span class="nowrap">2026-12-31</span></p>')
  })

  it('gives back text without a date as the same string, and leaves ids, instants and longer numbers alone', () => {
    expect(wholeDates('Inga datum här')).toBe('Inga datum här')
    for (const text of ['8b1f0c3e-0000-4000-8000-000000000001', '2026-05-04T08:55:00Z', 'SDN-2026-09-21', '12026-09-21', '2026-09-211'])
      expect(wholeDates(text), text).toBe(text)
  })
})
