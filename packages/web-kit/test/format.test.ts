import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../src/format.js'

describe('formatDateTime: YYYY-MM-DD HH:MM in Stockholm', () => {
  it('in winter (UTC+1) and summer (UTC+2), across midnight UTC', () => {
    expect(formatDateTime('2026-11-22T23:30:00Z')).toBe('2026-11-23 00:30')
    expect(formatDateTime('2026-07-01T22:15:00Z')).toBe('2026-07-02 00:15')
    expect(formatDateTime('2026-03-31T21:59:00Z')).toBe('2026-03-31 23:59')
    expect(formatDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01 01:00')
  })
  it('says – for nothing and leaves what is not a date as it is', () => {
    expect(formatDateTime(null)).toBe('–')
    expect(formatDateTime('')).toBe('–')
    expect(formatDateTime('soon')).toBe('soon')
  })
})

describe('formatDate', () => {
  it('keeps a plain date; an instant is its Stockholm day', () => {
    expect(formatDate('2026-11-22')).toBe('2026-11-22')
    expect(formatDate('2026-11-22T23:30:00Z')).toBe('2026-11-23')
    expect(formatDate(undefined)).toBe('–')
  })
})
