import type { Hours } from '@vbe/core/plugins'
import { addDays, isSwedishHoliday, stockholmTime, weekdayOf, type StockholmTime, type Weekday } from '@vbe/core/calendar'

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
 * the next opening. `clock` reads the Stockholm wall clock (core's `stockholmTime` unless
 * the caller has its own, e.g. the widget's first paint, which avoids Intl's start-up).
 */
export function openStatus(hours: Hours, now: Date, clock: (at: Date) => StockholmTime = stockholmTime): OpenStatus {
  if (hours.alwaysOpen === true) return { state: 'always' }
  const here = clock(now)
  const weekly = hours.weekly ?? []
  const closedOn = (date: string) => hours.closedOnPublicHolidays === true && isSwedishHoliday(date)
  const slotsOn = (date: string) => {
    const day = weekdayOf(date)
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
    if (slot) next = { inDays, date, weekday: weekdayOf(date), time: slot.opens }
  }
  return { state: 'closed', reason: holidayToday ? 'holiday' : 'hours', next }
}
