import { z } from 'zod'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  // Days in the month, from day 0 of the next month; setUTCFullYear keeps years 0–99 literal.
  const date = new Date(0)
  date.setUTCFullYear(y, mo, 0)
  return d <= date.getUTCDate()
}

/** A calendar date written YYYY-MM-DD (no time, no zone). */
export const isoDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: (issue) => `must be a real date written YYYY-MM-DD, got ${JSON.stringify(issue.input)}` })

/**
 * A document date, as precise as the document itself: a year (`2015`), a month
 * (`2017-06`) or a day (`2017-09-21`).
 */
export const documentDateSchema = z
  .string({ error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine((v) => /^\d{4}$/.test(v) || (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) || isIsoDate(v), {
    error: (issue) => `must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
  })

export type IsoDate = string
