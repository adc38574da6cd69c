import { describe, expect, it } from 'vitest'
import { stockholmTime } from '@vbe/core/calendar'
import { stockholmTimeByRule } from '../src/element/clock.js'

const HOUR = 3_600_000

describe("the widget's first-paint Stockholm clock (EU summer-time rule, no Intl)", () => {
  it('reads every hour from 2024 to 2040 as Intl (core) does, with the minutes', () => {
    let checked = 0
    const differ: string[] = []
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2041, 0, 1); t += HOUR) {
      const at = new Date(t + ((t / HOUR) % 60) * 60_000) // a different minute each hour
      const [rule, intl] = [stockholmTimeByRule(at), stockholmTime(at)]
      if (rule.date !== intl.date || rule.minutes !== intl.minutes || rule.weekday !== intl.weekday) differ.push(at.toISOString())
      checked++
    }
    expect(differ).toEqual([])
    expect(checked).toBeGreaterThan(17 * 365 * 24)
  })

  it('changes at 01:00 UTC on the last Sundays of March and October, to the minute', () => {
    // 2026: summer time from 29 March 01:00 UTC (02:00 → 03:00) to 25 October 01:00 UTC (03:00 → 02:00)
    const cases: Array<[string, string, number]> = [
      ['2026-03-29T00:59:00Z', '2026-03-29', 1 * 60 + 59],
      ['2026-03-29T01:00:00Z', '2026-03-29', 3 * 60],
      ['2026-10-25T00:59:00Z', '2026-10-25', 2 * 60 + 59],
      ['2026-10-25T01:00:00Z', '2026-10-25', 2 * 60],
      ['2026-12-31T23:30:00Z', '2027-01-01', 30],
      ['2026-06-30T22:15:00Z', '2026-07-01', 15],
    ]
    for (const [iso, date, minutes] of cases) {
      const at = new Date(iso)
      expect(stockholmTimeByRule(at), iso).toMatchObject({ date, minutes })
      expect(stockholmTime(at), iso).toMatchObject({ date, minutes })
    }
  })
})
