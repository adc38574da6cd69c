import type { Hours } from '@vbe/core/plugins'
import { addDays, isSwedishHoliday, weekdayIndex } from './holidays.js'

export const TIME_ZONE = 'Europe/Stockholm'
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** A moment as a Stockholm wall clock: civil date, weekday and minutes since midnight. */
export interface StockholmTime {
  readonly date: string
  readonly weekday: Weekday
  readonly minutes: number
}

let formatter: Intl.DateTimeFormat | undefined
/** Reads `now` on the Stockholm wall clock, with summer time, using only Intl. */
export function stockholmTime(now: Date): StockholmTime {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const parts: Record<string, string> = {}
  for (const p of formatter.formatToParts(now)) parts[p.type] = p.value
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`
  return {
    date,
    weekday: WEEKDAYS[weekdayIndex(date)] ?? 'mon',
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** When a closed line opens again, on the Stockholm clock. */
export interface NextOpening {
  /** 0 = later today, 1 = tomorrow, … */
  readonly inDays: number
  readonly weekday: Weekday
  readonly date: string
  readonly time: string
}

export type OpenStatus =
  | { readonly state: 'always' }
  | { readonly state: 'open'; readonly closes: string }
  | { readonly state: 'closed'; readonly reason: 'hours' | 'holiday'; readonly next: NextOpening | undefined }

/**
 * Whether a line is open at `now`, from its weekly schedule, in Stockholm time, with
 * Swedish public holidays when the line closes on them. Looks up to two weeks ahead for
 * the next opening.
 */
export function openStatus(hours: Hours, now: Date): OpenStatus {
  if (hours.alwaysOpen === true) return { state: 'always' }
  const here = stockholmTime(now)
  const weekly = hours.weekly ?? []
  const closedOn = (date: string) => hours.closedOnPublicHolidays === true && isSwedishHoliday(date)
  const slotsOn = (date: string) => {
    const day = WEEKDAYS[weekdayIndex(date)] ?? 'mon'
    return weekly
      .filter((s) => s.days.includes(day))
      .map((s) => ({ opens: s.opens, closes: s.closes, from: toMinutes(s.opens), to: toMinutes(s.closes) }))
      .sort((a, b) => a.from - b.from)
  }
  const holidayToday = closedOn(here.date)
  if (!holidayToday) {
    const current = slotsOn(here.date).find((s) => s.from <= here.minutes && here.minutes < s.to)
    if (current) return { state: 'open', closes: current.closes }
  }
  let next: NextOpening | undefined
  for (let inDays = 0; inDays <= 14 && !next; inDays++) {
    const date = addDays(here.date, inDays)
    if (closedOn(date)) continue
    const slot = slotsOn(date).find((s) => inDays > 0 || s.from > here.minutes)
    if (slot) next = { inDays, date, weekday: WEEKDAYS[weekdayIndex(date)] ?? 'mon', time: slot.opens }
  }
  return { state: 'closed', reason: holidayToday ? 'holiday' : 'hours', next }
}
