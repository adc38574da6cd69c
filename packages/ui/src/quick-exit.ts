/**
 * Quick exit. The target must be a plain http(s) address; anything else (javascript:,
 * data:, garbage) gives the neutral default. `location.replace` leaves no history entry
 * for the page the person was reading.
 */
export const DEFAULT_EXIT_URL = 'https://www.smhi.se/'

export function safeExitUrl(value: string | null | undefined, base: string): string {
  if (!value) return DEFAULT_EXIT_URL
  try {
    const url = new URL(value, base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_EXIT_URL
  } catch {
    return DEFAULT_EXIT_URL
  }
}

/** GOV.UK's "exit this page" rule: at most this long between one Shift press and the next. */
export const SHIFT_WINDOW_MS = 5000

export interface ShiftOptions {
  /** Longest gap between presses; 5 s by default. */
  readonly windowMs?: number
  /** After each counted press (1, 2), and with 0 when a started count runs out (no press within the window). */
  readonly onProgress?: (presses: number) => void
  readonly setTimer?: (fn: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

/**
 * Calls `onTrigger` on the third press of Shift on its own, each press within `windowMs`
 * of the one before (GOV.UK's "exit this page"). A count that runs out (no press within
 * the window) reports 0 to `onProgress`, so a live region can say so; another key in
 * between starts the count again silently (the reader is typing); auto-repeat does not count.
 */
export function tripleShiftDetector(onTrigger: () => void, options: ShiftOptions = {}) {
  const windowMs = options.windowMs ?? SHIFT_WINDOW_MS
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let presses = 0
  let last = -Infinity
  let timer: unknown
  const reset = (report: boolean) => {
    clearTimer(timer)
    timer = undefined
    const had = presses > 0
    presses = 0
    if (report && had) options.onProgress?.(0)
  }
  return (event: { key: string; repeat?: boolean; timeStamp: number }) => {
    if (event.key !== 'Shift') return reset(false)
    if (event.repeat) return
    if (event.timeStamp - last > windowMs) reset(false)
    last = event.timeStamp
    presses++
    clearTimer(timer)
    if (presses >= 3) {
      presses = 0
      timer = undefined
      onTrigger()
      return
    }
    options.onProgress?.(presses)
    timer = setTimer(() => reset(true), windowMs)
  }
}
