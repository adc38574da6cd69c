import type { Kysely } from 'kysely'
import type { KitTables } from '@vbe/server-kit'
import type { CaseStatus } from '@vbe/core/grants'
import type { LetterTables } from '../letter/tables.js'

// The case lifecycle (its statuses, and who may move a case between them) is core's.
export { CASE_STATUSES, type CaseStatus } from '@vbe/core/grants'

/** The grant-screening tables, beside server-kit's users, sessions and audit log (migrations in ./migrations). */
export const DECISION_KINDS = ['approve', 'deny', 'partial'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]
export const PERSON_ROLES = ['contact', 'chair', 'treasurer', 'board-member'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export interface GrantTables {
  gs_cases: {
    id: string
    application_ref: string
    district: string
    programme: string
    association_name: string
    organisation_number: string
    amount_requested: number
    application: unknown
    status: CaseStatus
    report_due: string | null
    report_received_on: string | null
    created_by: string
    created_at: Date
    updated_at: Date
    version: number
  }
  /**
   * Each case's current screening, apart from the case so that re-screening rewrites
   * only this narrow row. `findings` is the JSON text of `FindingTuple[]`
   * (screenings.ts): the findings without their rules' kind and sources, which
   * `gs_rulesets` holds once per ruleset version, and with reasons as keys into
   * `gs_reasons`. It is never queried inside, so it is text, not jsonb.
   */
  gs_screenings: {
    case_id: string
    outcome: string
    human_required: boolean
    ruleset: string
    screened_on: string
    screened_at: Date
    findings: string
  }
  /** The rule catalogue (`RuleCatalogue`) of every ruleset version a screening was stored under. */
  gs_rulesets: { version: string; catalogue: unknown; recorded_at: Date }
  /** The reasons findings give, in both languages, under a key derived from the text (`reasonKey`). */
  gs_reasons: { key: string; sv: string; en: string }
  gs_persons: {
    id: string
    case_id: string
    role: PersonRole
    name: string
    email: string | null
    phone: string | null
    erased_at: Date | null
  }
  gs_notes: { id: string; case_id: string; author: string; text: string; at: Date }
  gs_conflicts: { case_id: string; user_id: string; username: string; conflict: boolean; comment: string | null; at: Date }
  gs_decisions: {
    case_id: string
    kind: DecisionKind
    amount: number | null
    reasons: string
    letter_locale: 'sv' | 'en'
    decided_by: string
    decided_at: Date
    requires_second: boolean
    approved_by: string | null
    approved_at: Date | null
  }
  gs_reclaims: { case_id: string; amount: number; reasons: string; decided_by: string; decided_at: Date }
  gs_rescreen_runs: { id: string; at: Date; actor: string; checked: number; changed: number; flips: unknown; districts: unknown }
}

export type Tables = GrantTables & LetterTables & KitTables
export type Db = Kysely<Tables>
