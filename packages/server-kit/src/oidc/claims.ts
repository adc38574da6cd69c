import { ROLES, type Role } from '../services.js'
import type { OidcSettings } from './config.js'

/** Who the provider says the user is, and what that gives them here. */
export type MappedIdentity =
  | { readonly kind: 'staff'; readonly displayName: string; readonly roles: readonly Role[]; readonly district: string | null }
  /** Signed in, but the mapping gives no access: no mapped group, or a district-bound role without one district. */
  | { readonly kind: 'no-access'; readonly reason: NoAccessReason }

export type NoAccessReason = 'no-role' | 'no-district' | 'several-districts' | 'unknown-district'

/** Roles that work in one district; admin and auditor may be city-wide (no district). */
const DISTRICT_ROLES: readonly Role[] = ['officer', 'approver']

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const textClaim = (claims: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const v = claims[name]
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined
}

/**
 * Maps the ID token's (and user info's) claims to roles, district and display name by
 * the configured group mappings. Roles come only from `roleMap`; the district from
 * `districtClaim` when present, else from `districtMap`. Groups that map to nothing are
 * ignored. A district that no installed plugin serves gives no access (never a session
 * in a district the app does not know). The same settings in both apps give one identity the same access in both.
 */
export function mapClaims(claims: Readonly<Record<string, unknown>>, settings: OidcSettings): MappedIdentity {
  const groups = strings(claims[settings.groupsClaim])
  const roles = ROLES.filter((role) => groups.some((g) => settings.roleMap[g]?.includes(role)))
  if (roles.length === 0) return { kind: 'no-access', reason: 'no-role' }
  const claimed = settings.districtClaim ? textClaim(claims, settings.districtClaim) : undefined
  const mapped = [...new Set(groups.flatMap((g) => (settings.districtMap[g] === undefined ? [] : [settings.districtMap[g]])))]
  if (!claimed && mapped.length > 1) return { kind: 'no-access', reason: 'several-districts' }
  const district = claimed ?? mapped[0] ?? null
  if (district === null && roles.some((r) => DISTRICT_ROLES.includes(r))) return { kind: 'no-access', reason: 'no-district' }
  if (district !== null && !settings.districts.includes(district)) return { kind: 'no-access', reason: 'unknown-district' }
  const given = [textClaim(claims, 'given_name'), textClaim(claims, 'family_name')].filter(Boolean).join(' ')
  const displayName = textClaim(claims, settings.nameClaim) ?? (given || textClaim(claims, 'email') || 'Medarbetare / Staff member')
  return { kind: 'staff', displayName, roles, district }
}
