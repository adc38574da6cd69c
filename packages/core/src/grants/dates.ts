/**
 * Date arithmetic on ISO dates (YYYY-MM-DD) without creating Date objects or
 * substrings: ISO dates compare correctly as strings, and these helpers read the digits
 * directly, so screening allocates nothing for them.
 */

const digit = (s: string, i: number) => s.charCodeAt(i) - 48

const year = (s: string) => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)

/** Month and day as one number, MMDD. */
const monthDay = (s: string) => digit(s, 5) * 1000 + digit(s, 6) * 100 + digit(s, 8) * 10 + digit(s, 9)

/**
 * Whole years from `from` to `to` (negative when `to` is earlier). A year is completed
 * on the same month and day; from 29 February it is completed on 1 March in years
 * without a 29 February.
 */
export function fullYearsBetween(from: string, to: string): number {
  const years = year(to) - year(from)
  return monthDay(to) < monthDay(from) ? years - 1 : years
}

/** True when `on` lies within `{ from, to? }`, both ends included. */
export function covers(period: { readonly from: string; readonly to?: string | undefined }, on: string): boolean {
  return period.from <= on && (period.to === undefined || on <= period.to)
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * True when `s` is a real calendar date written YYYY-MM-DD. The same answer as
 * `isIsoDate` from the shared module for years 1000–9999, without a regular expression or a Date, because
 * it runs for every date of every application parsed.
 */
export function isRealIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  const y = year(s)
  const m = digit(s, 5) * 10 + digit(s, 6)
  const d = digit(s, 8) * 10 + digit(s, 9)
  if (m < 1 || m > 12 || d < 1) return false
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)
}
