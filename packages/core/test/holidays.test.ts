import { describe, expect, it } from 'vitest'
import {
  easterSunday,
  HOLIDAY_NAMES,
  isSwedishHoliday,
  SUNDAY_LIKE_EVES,
  stockholmDay,
  swedishHolidays,
  weekdayOf,
} from '@vbe/core/calendar'

describe('Easter Sunday (computed, Gregorian)', () => {
  it.each([
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [1818, '1818-03-22'],
  ])('%i → %s', (year, date) => expect(easterSunday(year)).toBe(date))
})

const dates = (year: number) => Object.fromEntries(swedishHolidays(year).map((h) => [HOLIDAY_NAMES[h.id].en, h.date]))

describe('Swedish public holidays', () => {
  it('2025: Easter-based, midsummer and All Saints fall on the right days', () => {
    expect(dates(2025)).toMatchObject({
      'Good Friday': '2025-04-18',
      'Easter Sunday': '2025-04-20',
      'Easter Monday': '2025-04-21',
      'Ascension Day': '2025-05-29',
      'Whit Sunday': '2025-06-08',
      'Midsummer Eve': '2025-06-20',
      'Midsummer Day': '2025-06-21',
      "All Saints' Day": '2025-11-01',
    })
  })

  it('2026', () => {
    expect(dates(2026)).toMatchObject({
      'Good Friday': '2026-04-03',
      'Easter Monday': '2026-04-06',
      'Ascension Day': '2026-05-14',
      'Whit Sunday': '2026-05-24',
      'Midsummer Eve': '2026-06-19',
      'Midsummer Day': '2026-06-20',
      "All Saints' Day": '2026-10-31',
    })
  })

  it('2024 and 2027', () => {
    expect(dates(2024)).toMatchObject({
      'Good Friday': '2024-03-29',
      'Ascension Day': '2024-05-09',
      'Midsummer Eve': '2024-06-21',
      "All Saints' Day": '2024-11-02',
    })
    expect(dates(2027)).toMatchObject({
      'Good Friday': '2027-03-26',
      'Easter Monday': '2027-03-29',
      'Ascension Day': '2027-05-06',
      'Midsummer Day': '2027-06-26',
      "All Saints' Day": '2027-11-06',
    })
  })

  it('has the fixed-date holidays and the three Sunday-like eves, sixteen days in all', () => {
    const list = swedishHolidays(2026)
    expect(list).toHaveLength(16)
    for (const d of ['2026-01-01', '2026-01-06', '2026-05-01', '2026-06-06', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']) {
      expect(isSwedishHoliday(d)).toBe(true)
    }
    expect(isSwedishHoliday('2026-06-05')).toBe(false)
    expect(isSwedishHoliday('2026-04-04')).toBe(false) // Easter Eve is not a public holiday
  })

  it('Midsummer Day is always a Saturday from 20 to 26 June, All Saints a Saturday from 31 October to 6 November', () => {
    for (let year = 2000; year <= 2060; year++) {
      const d = dates(year)
      const mid = new Date(`${d['Midsummer Day']}T12:00:00Z`)
      const all = new Date(`${d["All Saints' Day"]}T12:00:00Z`)
      expect(mid.getUTCDay()).toBe(6)
      expect(all.getUTCDay()).toBe(6)
      expect(mid.getUTCMonth()).toBe(5)
      expect(mid.getUTCDate()).toBeGreaterThanOrEqual(20)
      expect(mid.getUTCDate()).toBeLessThanOrEqual(26)
    }
  })
})

describe('holidays and the calendar together', () => {
  it('Easter-based holidays fall on their weekdays, 1900–2100', () => {
    for (let year = 1900; year <= 2100; year++) {
      const byId = Object.fromEntries(swedishHolidays(year).map((h) => [h.id, h.date]))
      expect(weekdayOf(byId['good-friday']!)).toBe('fri')
      expect(weekdayOf(byId['easter-sunday']!)).toBe('sun')
      expect(weekdayOf(byId['easter-monday']!)).toBe('mon')
      expect(weekdayOf(byId['ascension-day']!)).toBe('thu')
      expect(weekdayOf(byId['whit-sunday']!)).toBe('sun')
      expect(weekdayOf(byId['midsummer-eve']!)).toBe('fri')
    }
  })

  it('Easter Sunday 2024 is 31 March, the day summer time began', () => {
    expect(dates(2024)).toMatchObject({ 'Good Friday': '2024-03-29', 'Easter Sunday': '2024-03-31', 'Easter Monday': '2024-04-01' })
  })

  it('names the three Sunday-like eves, and every holiday in Swedish and English', () => {
    expect(SUNDAY_LIKE_EVES).toEqual(['midsummer-eve', 'christmas-eve', 'new-years-eve'])
    for (const h of swedishHolidays(2026)) {
      expect(HOLIDAY_NAMES[h.id].sv).not.toBe('')
      expect(HOLIDAY_NAMES[h.id].en).not.toBe('')
    }
  })

  it('is a holiday on the Stockholm day, not the UTC day: 23:30Z on 23 December is Christmas Eve in Stockholm', () => {
    expect(isSwedishHoliday(stockholmDay(new Date('2026-12-23T23:30:00Z')))).toBe(true)
    expect(isSwedishHoliday(new Date('2026-12-23T23:30:00Z').toISOString().slice(0, 10))).toBe(false)
  })
})
