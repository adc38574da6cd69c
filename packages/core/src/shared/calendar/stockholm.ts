/**
 * The Stockholm wall clock. Every "today" in the toolkit is the calendar day in
 * Stockholm, not in UTC and not in the zone of the machine: between midnight and 01:00
 * (02:00 in summer) the UTC date is still yesterday.
 */
import type { IsoDate } from '../dates.js'
import { invalidArgument } from './check.js'
import { weekdayOf, type Weekday } from './days.js'

export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm'

/** An instant as the Stockholm wall clock shows it: civil date, weekday and minutes since midnight. */
export interface StockholmTime {
  readonly date: IsoDate
  readonly weekday: Weekday
  readonly minutes: number
}

// Building an Intl formatter costs far more than using one, so there is one, made on first use.
let formatter: Intl.DateTimeFormat | undefined

/**
 * Reads an instant on the Stockholm wall clock, with summer time, using only `Intl`.
 * It does not check its argument, because the resident widget runs it and counts every
 * byte: given an Invalid Date, `Intl` throws a RangeError. Use `stockholmDay` where the
 * instant comes from outside.
 */
export function stockholmTime(at: Date): StockholmTime {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: STOCKHOLM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const parts: Record<string, string> = {}
  for (const p of formatter.formatToParts(at)) parts[p.type] = p.value
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`
  return { date, weekday: weekdayOf(date), minutes: Number(parts['hour']) * 60 + Number(parts['minute']) }
}

/**
 * The calendar day in Stockholm at an instant, YYYY-MM-DD: what "today" means for every
 * rule and date in the toolkit. Anything but a valid Date is a ValidationError naming `at`.
 */
export function stockholmDay(at: Date): IsoDate {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) invalidArgument('stockholmDay', 'at', 'must be a valid Date', at)
  return stockholmTime(at).date
}
