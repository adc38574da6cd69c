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

/**
 * Calls `onTrigger` after three presses of Shift on its own within `windowMs`. Any
 * other key in between starts the count again; auto-repeat does not count.
 */
export function tripleShiftDetector(onTrigger: () => void, windowMs = 1500) {
  let presses: number[] = []
  return (event: { key: string; repeat?: boolean; timeStamp: number }) => {
    if (event.key !== 'Shift') {
      presses = []
      return
    }
    if (event.repeat) return
    presses = [...presses.filter((t) => event.timeStamp - t <= windowMs), event.timeStamp]
    if (presses.length >= 3) {
      presses = []
      onTrigger()
    }
  }
}
