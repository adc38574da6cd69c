import { isMoreThanMonthsBefore } from '@vbe/core/calendar'
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

/**
 * Contacts last verified more than twelve months before `today`: a check is current
 * through the same day a year later and stale from the day after (`isMoreThanMonthsBefore`,
 * the same rule as for plans' situation pictures). In release mode any
 * such contact fails the check; in development it is a warning.
 */
export function checkFreshness(contacts: readonly Contact[], options: { today: string; release: boolean }): FreshnessResult {
  const stale = contacts
    .filter((c) => isMoreThanMonthsBefore(c.source.verifiedOn, MAX_AGE_MONTHS, options.today))
    .map((c) => ({ id: c.id, verifiedOn: c.source.verifiedOn }))
  const level = options.release ? 'error' : 'warning'
  const messages = stale.map(
    (s) =>
      `${level}: contact "${s.id}" was last verified on ${s.verifiedOn}, more than ${MAX_AGE_MONTHS} months before ${options.today}. Check it at its source and update source.verifiedOn.`,
  )
  return { ok: !(options.release && stale.length > 0), stale, messages }
}

/** True when the environment asks for release rules (VBE_RELEASE=1 or true). */
export const isRelease = (env: NodeJS.ProcessEnv = process.env): boolean => env['VBE_RELEASE'] === '1' || env['VBE_RELEASE'] === 'true'
