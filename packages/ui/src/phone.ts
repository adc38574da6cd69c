/**
 * Phone numbers as published ("08-508 01 000", "114 14"). Shown as written, isolated
 * left to right; read aloud digit by digit in the groups they are written in.
 */

/** The digits (and a leading +) for a tel: link. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`

/** "08-508 01 000" → "0 8, 5 0 8, 0 1, 0 0 0": a screen reader reads digits, pausing between groups. */
export function spokenPhone(phone: string): string {
  return phone
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((group) => group.split('').join(' '))
    .join(', ')
}
