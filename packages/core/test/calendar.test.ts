import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate, ValidationError } from '@vbe/core'
import {
  addDays,
  addMonths,
  daysInMonth,
  isAtLeastMonthsBefore,
  isMoreThanMonthsBefore,
  isoDateOf,
  monthsBetween,
  stockholmDay,
  stockholmTime,
  weekdayOf,
} from '@vbe/core/calendar'

const at = (instant: string) => new Date(instant)

describe('the Stockholm day of an instant', () => {
  it('winter (UTC+1): 23:30Z on a January day is already the next day in Stockholm', () => {
    expect(stockholmDay(at('2026-01-14T22:59:59Z'))).toBe('2026-01-14')
    expect(stockholmDay(at('2026-01-14T23:00:00Z'))).toBe('2026-01-15')
    expect(stockholmDay(at('2026-01-14T23:30:00Z'))).toBe('2026-01-15')
    expect(stockholmTime(at('2026-01-14T23:30:00Z'))).toEqual({ date: '2026-01-15', weekday: 'thu', minutes: 30 })
  })

  it('summer (UTC+2): 22:30Z in July is already the next day in Stockholm', () => {
    expect(stockholmDay(at('2026-07-14T21:59:59Z'))).toBe('2026-07-14')
    expect(stockholmDay(at('2026-07-14T22:00:00Z'))).toBe('2026-07-15')
    expect(stockholmDay(at('2026-07-14T22:30:00Z'))).toBe('2026-07-15')
    expect(stockholmTime(at('2026-07-14T22:30:00Z'))).toEqual({ date: '2026-07-15', weekday: 'wed', minutes: 30 })
  })

  it('at midday it is the UTC date, in both seasons', () => {
    expect(stockholmTime(at('2026-01-15T07:30:00Z'))).toEqual({ date: '2026-01-15', weekday: 'thu', minutes: 8 * 60 + 30 })
    expect(stockholmTime(at('2026-07-15T07:30:00Z'))).toEqual({ date: '2026-07-15', weekday: 'wed', minutes: 9 * 60 + 30 })
  })

  it('crosses the new year', () => {
    expect(stockholmDay(at('2026-12-31T22:59:00Z'))).toBe('2026-12-31')
    expect(stockholmDay(at('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
  })

  it('the last Sunday of March 2024 (31 March): clocks go from 02:00 to 03:00; the day still ends at midnight CEST', () => {
    // Saturday 30 March, 23:59 CET, and midnight into the change day.
    expect(stockholmTime(at('2024-03-30T22:59:00Z'))).toMatchObject({ date: '2024-03-30', weekday: 'sat', minutes: 23 * 60 + 59 })
    expect(stockholmTime(at('2024-03-30T23:00:00Z'))).toMatchObject({ date: '2024-03-31', weekday: 'sun', minutes: 0 })
    // 01:59 CET, then one minute later 03:00 CEST.
    expect(stockholmTime(at('2024-03-31T00:59:00Z')).minutes).toBe(1 * 60 + 59)
    expect(stockholmTime(at('2024-03-31T01:00:00Z')).minutes).toBe(3 * 60)
    // The day is 23 hours long: it ends at 22:00Z, not 23:00Z.
    expect(stockholmDay(at('2024-03-31T21:59:00Z'))).toBe('2024-03-31')
    expect(stockholmDay(at('2024-03-31T22:00:00Z'))).toBe('2024-04-01')
    expect(stockholmDay(at('2024-03-31T22:30:00Z'))).toBe('2024-04-01')
  })

  it('the last Sunday of October 2026 (25 October): 02:00–03:00 comes twice; the day ends at midnight CET', () => {
    expect(stockholmTime(at('2026-10-25T00:30:00Z'))).toMatchObject({ date: '2026-10-25', minutes: 2 * 60 + 30 }) // CEST
    expect(stockholmTime(at('2026-10-25T01:30:00Z'))).toMatchObject({ date: '2026-10-25', minutes: 2 * 60 + 30 }) // CET
    expect(stockholmDay(at('2026-10-25T22:59:00Z'))).toBe('2026-10-25')
    expect(stockholmDay(at('2026-10-25T23:00:00Z'))).toBe('2026-10-26')
  })

  it('does not depend on the zone of the machine', () => {
    // process.env.TZ may be anything on a server; Intl with Europe/Stockholm decides.
    expect(stockholmDay(at('2026-06-01T22:30:00Z'))).toBe('2026-06-02')
    expect(stockholmDay(at('2026-06-01T22:30:00Z'))).not.toBe(at('2026-06-01T22:30:00Z').toISOString().slice(0, 10))
  })

  it('an invalid Date is a ValidationError naming the argument', () => {
    expect(() => stockholmDay(new Date('not a date'))).toThrow(ValidationError)
    expect(() => stockholmDay(new Date('not a date'))).toThrow(/at: must be a valid point in time/)
    expect(() => stockholmDay('2026-01-01' as unknown as Date)).toThrow(ValidationError)
  })
})

describe('days', () => {
  it('leap years: 29 February exists in 2024 and 2000, not in 2026 or 2100', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2100-02-29')).toBe(false)
    expect([daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29])
  })

  it('adds days across month, year and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('0050-01-01', -1)).toBe('0049-12-31') // not read as 1950
  })

  it('knows the weekday', () => {
    expect(weekdayOf('2026-12-05')).toBe('sat')
    expect(weekdayOf('2024-03-31')).toBe('sun')
    expect(weekdayOf('2024-02-29')).toBe('thu')
    expect(isoDateOf(7, 3, 9)).toBe('0007-03-09')
  })
})

describe('month arithmetic', () => {
  it('31 March + 1 month is 30 April; 31 March − 1 month is the last day of February', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', 12)).toBe('2027-03-31')
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28')
  })

  it('leap years: 29 February + 12 months is 28 February; 31 January + 1 month is 29 February in a leap year', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    // The contact-freshness cases the widget had for its own "months before".
    expect(addMonths('2026-11-22', -12)).toBe('2025-11-22')
  })

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-05-10', -29)).toBe('2023-12-10')
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10')
  })

  it('counts whole months between two dates, agreeing with addMonths at month ends', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1)
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0)
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(0)
    expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1)
    expect(monthsBetween('2024-02-29', '2025-02-28')).toBe(12)
    expect(monthsBetween('2024-02-29', '2025-02-27')).toBe(11)
    expect(monthsBetween('2026-03-31', '2026-04-30')).toBe(1)
    expect(monthsBetween('2026-03-31', '2026-03-31')).toBe(0)
    expect(monthsBetween('2026-03-31', '2026-02-28')).toBe(-1)
    expect(monthsBetween('2027-02-16', '2026-02-15')).toBe(-12)
  })

  it('"at least N months before" and "more than N months before" differ on exactly the day N months later', () => {
    expect(isAtLeastMonthsBefore('2026-02-15', 12, '2027-02-14')).toBe(false)
    expect(isAtLeastMonthsBefore('2026-02-15', 12, '2027-02-15')).toBe(true)
    expect(isMoreThanMonthsBefore('2026-02-15', 12, '2027-02-15')).toBe(false)
    expect(isMoreThanMonthsBefore('2026-02-15', 12, '2027-02-16')).toBe(true)
    // Month end: checked on 31 March, a year later is 31 March; from 29 February it is 28 February.
    expect(isMoreThanMonthsBefore('2025-03-31', 12, '2026-03-31')).toBe(false)
    expect(isMoreThanMonthsBefore('2025-03-31', 12, '2026-04-01')).toBe(true)
    expect(isMoreThanMonthsBefore('2024-02-29', 12, '2025-02-28')).toBe(false)
    expect(isMoreThanMonthsBefore('2024-02-29', 12, '2025-03-01')).toBe(true)
    expect(isMoreThanMonthsBefore('2023-02-28', 12, '2024-02-29')).toBe(true)
    // One month from 31 March is 30 April.
    expect(isAtLeastMonthsBefore('2026-03-31', 1, '2026-04-30')).toBe(true)
    expect(isAtLeastMonthsBefore('2026-03-31', 1, '2026-04-29')).toBe(false)
  })

  it('bad input is a ValidationError naming the function and the argument', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(ValidationError)
    expect(() => addMonths('2026-02-30', 1)).toThrow(
      /addMonths is invalid:\n {2}- date: must be a real date written YYYY-MM-DD, got "2026-02-30"/,
    )
    expect(() => addMonths('2026-02-01', 1.5)).toThrow(/months: must be a whole number, got 1.5/)
    expect(() => addMonths('9999-12-01', 1)).toThrow(/months: takes the date outside the years 0000–9999/)
    expect(() => monthsBetween('2026-01-01', '1 May')).toThrow(/monthsBetween is invalid:\n {2}- to:/)
    expect(() => isMoreThanMonthsBefore('2026-01-01', 12, '')).toThrow(/isMoreThanMonthsBefore is invalid:\n {2}- later:/)
    expect(() => isMoreThanMonthsBefore('yesterday', 12, '2026-01-01')).toThrow(/isMoreThanMonthsBefore is invalid:\n {2}- earlier:/)
  })
})

describe('month arithmetic, properties', () => {
  const DAY = 86_400_000
  const dateArb = fc
    .integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 11, 31) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10))
  const monthsArb = fc.integer({ min: -600, max: 600 })

  it('addMonths gives a real date in the right month, on the same day or the month’s last day', () => {
    fc.assert(
      fc.property(dateArb, monthsArb, (date, months) => {
        const out = addMonths(date, months)
        expect(isIsoDate(out)).toBe(true)
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        const [oy, om, od] = out.split('-').map(Number) as [number, number, number]
        expect(oy * 12 + om - (y * 12 + m)).toBe(months)
        expect(od === d || (od < d && od === daysInMonth(oy, om))).toBe(true)
      }),
    )
  })

  it('monthsBetween of a date and itself is 0 both ways', () => {
    expect(monthsBetween('1970-01-03', '1970-01-03') === 0).toBe(true)
  })

  it('monthsBetween(a, b) ≥ n exactly when addMonths(a, n) ≤ b', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 600 }), (a, b, n) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        expect(monthsBetween(from, to) >= n).toBe(isAtLeastMonthsBefore(from, n, to))
        expect(addMonths(from, monthsBetween(from, to)) <= to).toBe(true)
        expect(addMonths(from, monthsBetween(from, to) + 1) > to).toBe(true)
        // `===`, not Object.is: for two equal dates one side is 0 and the other -0.
        expect(monthsBetween(to, from) === -monthsBetween(from, to)).toBe(true)
      }),
    )
  })
})
