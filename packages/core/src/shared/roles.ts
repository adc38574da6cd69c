import type { LocalizedText } from './text.js'

/**
 * The roles staff hold in the city's case handling: an officer (handläggare) prepares
 * and decides, an approver (attestant) gives the second signature or adopts a plan for
 * the committee, an administrator works city-wide (or for one district), and an auditor
 * (granskare) reads and checks the audit log.
 */
export const STAFF_ROLES = ['officer', 'approver', 'admin', 'auditor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** The roles' names as users read them. */
export const STAFF_ROLE_NAMES: Readonly<Record<StaffRole, LocalizedText>> = {
  officer: { sv: 'Handläggare', en: 'Officer' },
  approver: { sv: 'Attestant', en: 'Approver' },
  admin: { sv: 'Administratör', en: 'Administrator' },
  auditor: { sv: 'Granskare', en: 'Auditor' },
}

/**
 * The roles that see every district when the user has no district of their own. Anyone
 * else, and anyone with a district, sees only that district.
 */
export const CITY_WIDE_ROLES: readonly StaffRole[] = ['admin', 'auditor']
