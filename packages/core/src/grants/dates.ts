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

/**
 * True when `s` is a real calendar date written YYYY-MM-DD. Kept under this name for
 * the grants API; it is the shared `isIsoDate`.
 */
export { isIsoDate as isRealIsoDate } from '../shared/dates.js'
