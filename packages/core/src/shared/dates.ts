import { z } from 'zod'
import { isIsoDate } from './calendar/days.js'

/** True when `value` is a real calendar date written YYYY-MM-DD; the calendar module holds it. */
export { isIsoDate }

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
