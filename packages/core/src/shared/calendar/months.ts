/**
 * Month arithmetic on civil dates, with one definition of "N months after": the day with
 * the same number N months later, or the last day of that month when it has no such
 * day (31 March + 1 month = 30 April; 29 February + 12 months = 28 February). This is
 * how Swedish law counts a period of months or years from a day (lagen (1930:173) om
 * beräkning av lagstadgad tid). "Months between", "at least N months before" and every
 * staleness rule in the toolkit are counted with `addMonths`, so they agree at month ends.
 */
import type { IsoDate } from '../dates.js'
import { invalidArgument } from './check.js'
import { dateParts, daysInMonth, isIsoDate, isoDateOf } from './days.js'

function checkDate(subject: string, field: string, value: unknown): asserts value is IsoDate {
  if (!isIsoDate(value)) invalidArgument(subject, field, 'date.invalid', value)
}

function checkMonths(subject: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) invalidArgument(subject, 'months', 'number.wholeGot', value)
}

function shift(subject: string, field: string, date: IsoDate, months: number): IsoDate {
  checkDate(subject, field, date)
  checkMonths(subject, months)
  const [y, m, d] = dateParts(date)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  if (year < 0 || year > 9999) invalidArgument(subject, 'months', 'date.outOfRange', months)
  return isoDateOf(year, month, Math.min(d, daysInMonth(year, month)))
}

/**
 * The date `months` months after `date` (before it when negative), on the same day of
 * the month or, when that month is shorter, on its last day.
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => shift('addMonths', 'date', date, months)

function wholeMonths(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = dateParts(from)
  const [ty, tm, td] = dateParts(to)
  const months = ty * 12 + tm - (fy * 12 + fm)
  // addMonths(from, months) falls in to's month; the last month is not complete before that day.
  return Math.min(fd, daysInMonth(ty, tm)) > td ? months - 1 : months
}

/**
 * Whole months from `from` to `to`: the largest `n` with `addMonths(from, n) <= to`.
 * When `to` is earlier, minus the whole months from `to` to `from`.
 *
 * `monthsBetween('2026-01-31', '2026-02-28')` is 1; `monthsBetween('2026-01-15', '2026-02-14')` is 0.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  checkDate('monthsBetween', 'from', from)
  checkDate('monthsBetween', 'to', to)
  return to < from ? -wholeMonths(to, from) : wholeMonths(from, to)
}

/** True when `earlier` lies `months` or more months before `later`: `addMonths(earlier, months) <= later`. */
export function isAtLeastMonthsBefore(earlier: IsoDate, months: number, later: IsoDate): boolean {
  checkDate('isAtLeastMonthsBefore', 'later', later)
  return shift('isAtLeastMonthsBefore', 'earlier', earlier, months) <= later
}

/**
 * True when `earlier` lies more than `months` months before `later`: `later` comes after
 * `addMonths(earlier, months)`. The staleness rule: a situation picture or a contact
 * check dated `earlier` is still current on the day `months` months later, and stale the
 * day after.
 */
export function isMoreThanMonthsBefore(earlier: IsoDate, months: number, later: IsoDate): boolean {
  checkDate('isMoreThanMonthsBefore', 'later', later)
  return shift('isMoreThanMonthsBefore', 'earlier', earlier, months) < later
}
