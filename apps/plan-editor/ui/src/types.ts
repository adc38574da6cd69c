/** The plan editor API's shapes as the UI reads them; `User` and `Problem` are the kit's. */
import type { Plan, PlanDiff, PlanStatus, PlanTransition } from '@vbe/core/plans'
export type { Problem, User } from '@vbe/web-kit/types'

/** A move of the plan's workflow the user may make (core's workflow table has them). */
export type Action = PlanTransition
export interface PlanSummary {
  id: string
  district: string
  districtName: string
  year: number
  status: PlanStatus
  version: number
  revisionOf: string | null
  updatedAt: string
  /** Display name of who saved it; null when not a user (the demo data). Never a username. */
  updatedBy: string | null
  coverage: { templateId: string; title: { sv: string; en: string }; percent: number; covered: number; total: number }[]
  findings: { error: number; warning: number; info: number }
}
export interface HistoryEntry {
  version: number
  action: string
  status: string
  /** Display name of who saved it; null when not a user. */
  by: string | null
  at: string
  decisionReference?: string
  comment?: string
}
export interface PlanDetail extends PlanSummary {
  document: Plan
  history: HistoryEntry[]
  can: { edit: boolean; followUp: boolean; actions: Action[] }
}
export interface ConflictInfo {
  version: number
  status: PlanStatus
  updatedBy: string | null
  updatedAt: string
  document: Plan
  baseVersion: number
  theirs: PlanDiff | null
  mine: PlanDiff | null
}
