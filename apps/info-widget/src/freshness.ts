import type { Contact } from '@vbe/core/plugins'

/** How old a contact's last check may be before a release refuses it. */
export const MAX_AGE_MONTHS = 12

export interface StaleContact {
  readonly id: string
  readonly verifiedOn: string
}

export interface FreshnessResult {
  /** False only in release mode when something is stale. */
  readonly ok: boolean
  readonly stale: readonly StaleContact[]
  /** Lines to print: warnings in development, errors in release mode. */
  readonly messages: readonly string[]
}

/** The civil date `months` before `date` (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) - months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Today's civil date in Stockholm. */
export const stockholmToday = (now = new Date()): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)

/**
 * Contacts last verified more than twelve months before `today`. In release mode any
 * such contact fails the check; in development it is a warning.
 */
export function checkFreshness(contacts: readonly Contact[], options: { today: string; release: boolean }): FreshnessResult {
  const limit = monthsBefore(options.today, MAX_AGE_MONTHS)
  const stale = contacts.filter((c) => c.source.verifiedOn < limit).map((c) => ({ id: c.id, verifiedOn: c.source.verifiedOn }))
  const level = options.release ? 'error' : 'warning'
  const messages = stale.map(
    (s) => `${level}: contact "${s.id}" was last verified on ${s.verifiedOn}, more than ${MAX_AGE_MONTHS} months before ${options.today}. Check it at its source and update source.verifiedOn.`,
  )
  return { ok: !(options.release && stale.length > 0), stale, messages }
}

/** True when the environment asks for release rules (VBE_RELEASE=1 or true). */
export const isRelease = (env: NodeJS.ProcessEnv = process.env): boolean => env['VBE_RELEASE'] === '1' || env['VBE_RELEASE'] === 'true'
