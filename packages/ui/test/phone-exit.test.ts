import { describe, expect, it, vi } from 'vitest'
import { splitNumbers } from '../src/bidi.js'
import { spokenPhone, telHref } from '../src/phone.js'
import { DEFAULT_EXIT_URL, safeExitUrl, tripleShiftDetector } from '../src/quick-exit.js'

describe('phone numbers', () => {
  it('spoken labels group the digits as published', () => {
    expect(spokenPhone('112')).toBe('1 1 2')
    expect(spokenPhone('114 14')).toBe('1 1 4, 1 4')
    expect(spokenPhone('08-508 01 000')).toBe('0 8, 5 0 8, 0 1, 0 0 0')
    expect(spokenPhone('020-100 200')).toBe('0 2 0, 1 0 0, 2 0 0')
  })
  it('tel: links keep digits and a leading +', () => {
    expect(telHref('08-508 01 000')).toBe('tel:0850801000')
    expect(telHref('+46 8 508 01 000')).toBe('tel:+46850801000')
  })
})

describe('quick exit', () => {
  it('accepts only http(s) targets', () => {
    expect(safeExitUrl('https://example.org/weather', 'https://host.test/')).toBe('https://example.org/weather')
    expect(safeExitUrl('/news', 'https://host.test/page')).toBe('https://host.test/news')
    expect(safeExitUrl('javascript:alert(1)', 'https://host.test/')).toBe(DEFAULT_EXIT_URL)
    expect(safeExitUrl('data:text/html,hi', 'https://host.test/')).toBe(DEFAULT_EXIT_URL)
    expect(safeExitUrl('', 'https://host.test/')).toBe(DEFAULT_EXIT_URL)
    expect(safeExitUrl(null, 'https://host.test/')).toBe(DEFAULT_EXIT_URL)
  })

  it('Shift three times within the window triggers once', () => {
    const fire = vi.fn()
    const onKey = tripleShiftDetector(fire, { windowMs: 1500 })
    onKey({ key: 'Shift', timeStamp: 0 })
    onKey({ key: 'Shift', timeStamp: 300 })
    expect(fire).not.toHaveBeenCalled()
    onKey({ key: 'Shift', timeStamp: 600 })
    expect(fire).toHaveBeenCalledTimes(1)
  })

  it('too slow, another key between, or auto-repeat: no trigger', () => {
    const fire = vi.fn()
    const onKey = tripleShiftDetector(fire, { windowMs: 1500 })
    onKey({ key: 'Shift', timeStamp: 0 })
    onKey({ key: 'Shift', timeStamp: 1000 })
    onKey({ key: 'Shift', timeStamp: 2600 })
    onKey({ key: 'Shift', timeStamp: 2700 })
    onKey({ key: 'a', timeStamp: 2800 })
    onKey({ key: 'Shift', timeStamp: 2900 })
    onKey({ key: 'Shift', repeat: true, timeStamp: 2950 })
    onKey({ key: 'Shift', repeat: true, timeStamp: 3000 })
    expect(fire).not.toHaveBeenCalled()
  })

  it("GOV.UK's rule: up to 5 s between one press and the next, so three slow presses still count; progress is reported", () => {
    const fire = vi.fn()
    const progress: number[] = []
    const onKey = tripleShiftDetector(fire, { onProgress: (n) => progress.push(n), setTimer: () => 0, clearTimer: () => {} })
    onKey({ key: 'Shift', timeStamp: 0 })
    onKey({ key: 'Shift', timeStamp: 4900 })
    onKey({ key: 'Shift', timeStamp: 9800 })
    expect(fire).toHaveBeenCalledTimes(1)
    expect(progress).toEqual([1, 2])
  })

  it('a count that runs out (no press within 5 s) reports 0, once; another key starts again silently', () => {
    const fire = vi.fn()
    const progress: number[] = []
    const timers: Array<() => void> = []
    const onKey = tripleShiftDetector(fire, {
      onProgress: (n) => progress.push(n),
      setTimer: (fn, ms) => (expect(ms).toBe(5000), timers.push(fn)),
      clearTimer: () => timers.splice(0),
    })
    onKey({ key: 'Shift', timeStamp: 0 })
    timers.at(-1)?.() // 5 s pass
    onKey({ key: 'Shift', timeStamp: 5100 })
    onKey({ key: 'Shift', timeStamp: 5200 })
    onKey({ key: 'x', timeStamp: 5300 })
    onKey({ key: 'x', timeStamp: 5400 })
    onKey({ key: 'Shift', timeStamp: 5500 })
    expect(progress).toEqual([1, 0, 1, 2, 1])
    expect(fire).not.toHaveBeenCalled()
  })
})

describe('numbers in right-to-left text (splitNumbers)', () => {
  it('cuts out numbers written in groups, and dates, only where the text runs right to left', () => {
    expect(splitNumbers('خط الدعم 116 006', 'ar')).toEqual(['خط الدعم ', '116 006', ''])
    expect(splitNumbers('پلیس، 114 14 یا 08-508 01 000', 'fa')).toEqual(['پلیس، ', '114 14', ' یا ', '08-508 01 000', ''])
    expect(splitNumbers('تم التحقق 2026-11-22', 'ar')).toEqual(['تم التحقق ', '2026-11-22', ''])
    // a number of one group is one run already; left-to-right text stays whole
    expect(splitNumbers('اتصل بـ 112', 'ar')).toEqual(['اتصل بـ 112'])
    expect(splitNumbers('Polisen 114 14', 'sv')).toEqual(['Polisen 114 14'])
  })
})
