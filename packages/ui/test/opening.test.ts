import { describe, expect, it } from 'vitest'
import type { Hours } from '@vbe/core/plugins'
import { openStatus } from '../src/time/opening.js'

const office: Hours = {
  summary: { sv: 'Vardagar 8–16', en: 'Weekdays 8–16' },
  weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:00' }],
  closedOnPublicHolidays: true,
}

describe('open now', () => {
  it('an always-open line is always open', () => {
    expect(openStatus({ summary: { sv: 'x', en: 'x' }, alwaysOpen: true }, new Date('2026-12-25T03:00:00Z'))).toEqual({ state: 'always' })
  })

  it('open on a weekday morning (09:00 Stockholm, winter time)', () => {
    expect(openStatus(office, new Date('2026-11-24T08:00:00Z'))).toEqual({ state: 'open', closes: '16:00' })
  })

  it('closed before opening: opens later today', () => {
    expect(openStatus(office, new Date('2026-11-24T06:00:00Z'))).toMatchObject({
      state: 'closed',
      reason: 'hours',
      next: { inDays: 0, time: '08:00' },
    })
  })

  it('closed at closing time exactly; opens tomorrow', () => {
    expect(openStatus(office, new Date('2026-11-24T15:00:00Z'))).toMatchObject({
      state: 'closed',
      next: { inDays: 1, weekday: 'wed', time: '08:00' },
    })
  })

  it('closed on Friday evening: opens Monday', () => {
    expect(openStatus(office, new Date('2026-11-27T17:00:00Z'))).toMatchObject({
      state: 'closed',
      next: { inDays: 3, weekday: 'mon', date: '2026-11-30' },
    })
  })

  it('closed at 10:00 on Good Friday 2026 (a weekday public holiday); opens Tuesday after Easter Monday', () => {
    const s = openStatus(office, new Date('2026-04-03T08:00:00Z')) // 10:00 CEST
    expect(s).toMatchObject({ state: 'closed', reason: 'holiday', next: { date: '2026-04-07', weekday: 'tue', time: '08:00' } })
  })

  it('closed on Christmas Eve (Thursday 2026), opens Monday 28 December', () => {
    expect(openStatus(office, new Date('2026-12-24T09:00:00Z'))).toMatchObject({
      state: 'closed',
      reason: 'holiday',
      next: { date: '2026-12-28' },
    })
  })

  it('a line that stays open on holidays is open on Ascension Day', () => {
    const open = { ...office, closedOnPublicHolidays: false }
    expect(openStatus(open, new Date('2026-05-14T08:00:00Z'))).toEqual({ state: 'open', closes: '16:00' })
  })

  it('uses summer time: 07:30 UTC is 09:30 in June', () => {
    expect(openStatus(office, new Date('2026-06-10T07:30:00Z'))).toEqual({ state: 'open', closes: '16:00' })
    expect(openStatus(office, new Date('2026-06-10T14:30:00Z')).state).toBe('closed') // 16:30 CEST
  })
})
