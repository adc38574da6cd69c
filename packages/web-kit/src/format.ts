/**
 * Dates and times for the staff UIs: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM` in
 * Europe/Stockholm, in both languages (unambiguous, and what date inputs use).
 */

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant as `2026-11-22 11:00` in Stockholm time; `–` for none, the input itself when it is not a date. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '–'
  const d = iso instanceof Date ? iso : new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  const part = (type: Intl.DateTimeFormatPartTypes) => stockholm.formatToParts(d).find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/**
 * A date as `YYYY-MM-DD`. A plain date (`2026-11-22`) stays as it is; an instant is
 * the Stockholm day it falls on.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–'
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const full = formatDateTime(iso)
  return full === iso ? iso : full.slice(0, 10)
}
