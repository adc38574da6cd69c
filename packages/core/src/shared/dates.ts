import { z } from 'zod'
import { isIsoDate } from './calendar/days.js'
import { coded, given } from './errors.js'

/** True when `value` is a real calendar date written YYYY-MM-DD; the calendar module holds it. */
export { isIsoDate }

/** A calendar date written YYYY-MM-DD (no time, no zone). */
export const isoDateSchema = z.string(coded('date.format')).refine(
  isIsoDate,
  coded('date.invalid', (input) => ({ got: given(input) })),
)

/**
 * A document date, as precise as the document itself: a year (`2015`), a month
 * (`2017-06`) or a day (`2017-09-21`).
 */
export const documentDateSchema = z.string(coded('date.document')).refine(
  (v) => /^\d{4}$/.test(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v) || isIsoDate(v),
  coded('date.documentGot', (input) => ({ got: given(input) })),
)

export type IsoDate = string
