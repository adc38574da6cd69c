// The plan workflow table, what may be edited when, and who may act on which district's plans.
import { type PlanStatus } from '@vbe/core/plans'
import { Clock, CurrentUser, ROLE_NAMES, type Db, type SessionUser } from '@vbe/server-kit'
import type { LocalizedText } from '@vbe/core'
import { type Tables } from '../db/tables.js'

export type R = Db | Clock | CurrentUser
export type Row = Tables['pe_plans']

export type Action = 'submit' | 'adopt' | 'return' | 'revise'
export const ACTIONS: readonly Action[] = ['submit', 'adopt', 'return', 'revise']

/** The workflow: which action moves a plan from which status to which, and who may take it. */
export const WORKFLOW: Record<Action, { from: readonly PlanStatus[]; to: PlanStatus; roles: readonly ('officer' | 'approver' | 'admin')[] }> = {
  submit: { from: ['draft', 'revised'], to: 'submitted', roles: ['officer'] },
  adopt: { from: ['submitted'], to: 'adopted', roles: ['approver', 'admin'] },
  return: { from: ['submitted'], to: 'returned', roles: ['approver', 'admin'] },
  revise: { from: ['returned'], to: 'revised', roles: ['officer'] },
}

/** Statuses and actions in the server's Swedish messages ("Planen är …", "Du kan bara … planer"). */
export const STATUS_SV: Record<PlanStatus, string> = { draft: 'ett utkast', submitted: 'inlämnad', returned: 'återremitterad', revised: 'under revidering', adopted: 'antagen' }
export const ACTION_SV: Record<Action, string> = { submit: 'lämna in', adopt: 'anta', return: 'återremittera', revise: 'revidera' }
export const orSv = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`)
export const statusesSv = (statuses: readonly PlanStatus[]) => orSv(statuses.map((s) => STATUS_SV[s]))
export const rolesSv = (roles: readonly ('officer' | 'approver' | 'admin')[]) => orSv(roles.map((r) => ROLE_NAMES[r].sv.toLowerCase()))

export const alreadyPlanned = (document: { district: string; year: number }): LocalizedText => ({
  sv: `Det finns redan en plan för ${document.district} ${document.year} (fältet year).`,
  en: `There is already a plan for ${document.district} ${document.year} (field year).`,
})

/** Statuses in which the plan's content can be edited. */
export const EDITABLE: readonly PlanStatus[] = ['draft', 'revised']
/** Statuses in which follow-up can be entered: not while the committee is deciding. */
export const FOLLOW_UP_OPEN: readonly PlanStatus[] = ['draft', 'revised', 'returned', 'adopted']

export const today = (clock: { now: () => Date }) => clock.now().toISOString().slice(0, 10)

export const isCityWide = (u: SessionUser) => u.roles.includes('admin') || u.roles.includes('auditor')
export const inScope = (u: SessionUser, district: string) => isCityWide(u) || (u.district !== null && u.district === district)
export const hasRole = (u: SessionUser, roles: readonly string[]) => roles.some((r) => (u.roles as readonly string[]).includes(r))

/** The districts a user sees: null means all. */
export const scopeOf = (u: SessionUser): readonly string[] | null => (isCityWide(u) ? null : u.district ? [u.district] : [])

export function allowedActions(u: SessionUser, district: string, status: PlanStatus): Action[] {
  return ACTIONS.filter((a) => {
    const w = WORKFLOW[a]
    if (!w.from.includes(status) || !hasRole(u, w.roles)) return false
    // Admin acts city-wide; officers and approvers only in their own district.
    return u.roles.includes('admin') ? a === 'adopt' || a === 'return' : u.district === district
  })
}
export const canEdit = (u: SessionUser, district: string, status: PlanStatus) => u.roles.includes('officer') && u.district === district && EDITABLE.includes(status)
export const canFollowUp = (u: SessionUser, district: string, status: PlanStatus) => u.roles.includes('officer') && u.district === district && FOLLOW_UP_OPEN.includes(status)
