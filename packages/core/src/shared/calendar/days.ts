/**
 * Civil dates written YYYY-MM-DD (proleptic Gregorian, years 0000–9999): no time, no
 * zone. ISO dates compare correctly as strings, so `a < b` means "a is earlier".
 *
 * This file imports nothing at run time: the resident widget bundles it, and every byte
 * there counts against a budget.
 */
import type { IsoDate } from '../dates.js'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const digit = (s: string, i: number) => s.charCodeAt(i) - 48

/** The weekdays, Monday first, as the plugin schedules and the widget write them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** Days in a month (1 = January) of a year. */
export const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)

/** The year, month (1–12) and day of an ISO date, read from its digits. */
export function dateParts(date: IsoDate): readonly [year: number, month: number, day: number] {
  return [
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  ]
}

/**
 * True when `value` is a real calendar date written YYYY-MM-DD. Reads the digits
 * directly, with no regular expression or Date, because it runs for every date of every
 * record parsed (for example in `vbe screen`).
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const c = value.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  const [y, m, d] = dateParts(value)
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Writes a year, month (1–12) and day as YYYY-MM-DD. */
export const isoDateOf = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
function utcDate(date: IsoDate, plusDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d + plusDays)
  return t
}

/** The civil date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = utcDate(date, days)
  return isoDateOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** The day of the week of a civil date: 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: IsoDate): number => (utcDate(date).getUTCDay() + 6) % 7

/** The day of the week of a civil date, as `WEEKDAYS` writes it. */
export const weekdayOf = (date: IsoDate): Weekday => WEEKDAYS[weekdayIndex(date)]!
