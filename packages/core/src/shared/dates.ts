import { z } from 'zod'
import { coded, given } from './errors.js'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const digit = (s: string, i: number) => s.charCodeAt(i) - 48

/**
 * True when `value` is a real calendar date written YYYY-MM-DD (proleptic Gregorian,
 * years 0000–9999). Reads the digits directly, with no regular expression or Date,
 * because it runs for every date of every record parsed (for example in `vbe screen`).
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue
    const c = value.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3)
  const m = digit(value, 5) * 10 + digit(value, 6)
  const d = digit(value, 8) * 10 + digit(value, 9)
  if (m < 1 || m > 12 || d < 1) return false
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)
}

/** A calendar date written YYYY-MM-DD (no time, no zone). */
export const isoDateSchema = z
  .string(coded('date.format'))
  .refine(isIsoDate, coded('date.invalid', (input) => ({ got: given(input) })))

/**
 * A document date, as precise as the document itself: a year (`2015`), a month
 * (`2017-06`) or a day (`2017-09-21`).
 */
export const documentDateSchema = z
  .string(coded('date.document'))
  .refine(
    (v) => /^\d{4}$/.test(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v) || isIsoDate(v),
    coded('date.documentGot', (input) => ({ got: given(input) })),
  )

export type IsoDate = string
