/**
 * A date as a person types it, read into the ISO `YYYY-MM-DD` the API takes. Year first,
 * as Swedish dates are written: `2027-03-31`, `2027-3-31`, `20270331`, `2027/03/31`,
 * `2027.3.31` or `2027 3 31` (a dash from a word processor counts as a dash). Day-first
 * and month-first forms (`31/03/2027`, `03/31/2027`) are not read: the same digits mean
 * different days in Swedish and American habit, so the field asks for the year first.
 */
export type DateText =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly iso: string }
  /** Not a date written year first. */
  | { readonly kind: 'format' }
  /** Written right, but no such day: `written` is it as YYYY-MM-DD (`2027-02-30`). */
  | { readonly kind: 'no-such-month'; readonly written: string; readonly month: number }
  | { readonly kind: 'no-such-day'; readonly written: string; readonly year: number; readonly month: number; readonly days: number }

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const SEPARATED = /^(\d{4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})$/
// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
const DASHES = /[\u2010-\u2015\u2212]/g

/**
 * Days in a month (1 = January), from the platform's proleptic Gregorian calendar. Not
 * `daysInMonth` from `@vbe/core/calendar`: the grant UI reads core's build, where that
 * entry brings core's error messages along (about 14 kB more in its bundle, for one line);
 * the unit test holds this to core's for every month of four centuries.
 */
export function daysInMonth(year: number, month: number): number {
  const last = new Date(0)
  last.setUTCFullYear(year, month, 0)
  return last.getUTCDate()
}

const isoDateOf = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

export function readDateText(text: string): DateText {
  const s = text.trim().replace(DASHES, '-')
  if (s === '') return { kind: 'empty' }
  const m = COMPACT.exec(s) ?? SEPARATED.exec(s)
  if (!m) return { kind: 'format' }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const written = isoDateOf(year, month, day)
  if (month < 1 || month > 12) return { kind: 'no-such-month', written, month }
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return { kind: 'no-such-day', written, year, month, days }
  return { kind: 'date', iso: written }
}

/** The value a date field gives its form for `text`: the ISO date, '' when empty, else the text as typed (nothing typed is lost). */
export function dateValueOf(text: string): string {
  const read = readDateText(text)
  return read.kind === 'date' ? read.iso : read.kind === 'empty' ? '' : text
}
