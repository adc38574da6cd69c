/**
 * The widget's Stockholm wall clock ("open now", the twelve-month freshness rule).
 *
 * Core's `stockholmTime` reads it through `Intl.DateTimeFormat`, and the first Intl
 * formatter a page makes starts ICU in that renderer: measured at 25–80 ms of main-thread
 * time in a fresh Chromium renderer on the bench machine, more than everything else the
 * widget does before its first paint. So the first paint reads the clock by Sweden's
 * summer-time rule (the EU's since 1996: UTC+2 from 01:00 UTC on the last Sunday in
 * March to 01:00 UTC on the last Sunday in October, UTC+1 otherwise), and once the widget
 * is on screen, `confirmClock` switches to Intl (the browser's time-zone data, which
 * would know of a change in the rule) and re-renders if the two disagree.
 */
import { stockholmTime, weekdayOf, type StockholmTime } from '@vbe/core/calendar'

const HOUR = 3_600_000

/** 01:00 UTC on the last Sunday of `month` (0-based) in `year`, in ms. */
const lastSunday = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month + 1, 0, 1))
  return last.getTime() - last.getUTCDay() * 24 * HOUR
}

/** The Stockholm wall clock by the EU summer-time rule, without Intl. */
export function stockholmTimeByRule(at: Date): StockholmTime {
  const t = at.getTime()
  const year = at.getUTCFullYear()
  const local = new Date(t + (t >= lastSunday(year, 2) && t < lastSunday(year, 9) ? 2 : 1) * HOUR)
  const date = local.toISOString().slice(0, 10)
  return { date, weekday: weekdayOf(date), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() }
}

let confirmed = false
/** The clock the widget reads: by rule until `confirmClock` has run, then Intl. */
export const clock = (at: Date): StockholmTime => (confirmed ? stockholmTime : stockholmTimeByRule)(at)

/**
 * After the first paint (when the browser is idle, or in a second), switches the clock to
 * Intl and calls `changed` if Intl reads the time now differently from the rule.
 */
export function confirmClock(changed: () => void): void {
  const run = () => {
    if (confirmed) return
    const now = new Date()
    const byRule = stockholmTimeByRule(now)
    confirmed = true
    const byIntl = stockholmTime(now)
    if (byRule.date !== byIntl.date || byRule.minutes !== byIntl.minutes) changed()
  }
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 1000)
}
