import type { Kysely } from 'kysely'
import type { KitTables } from '@vbe/server-kit'
import type { CaseStatus, DecisionBasis, DecisionKind, EvidenceAssessmentStatus } from '@vbe/core/grants'
import type { LetterTables } from '../letter/tables.js'

// The case lifecycle (its statuses, and who may move a case between them) is core's.
// So are the kinds of decision.
export { CASE_STATUSES, type CaseStatus, DECISION_KINDS, type DecisionKind } from '@vbe/core/grants'

/** The grant-screening tables, beside server-kit's users, sessions and audit log (migrations in ./migrations). */
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
  /** Each case's current decision (or proposal awaiting its second signature). */
  gs_decisions: DecisionColumns
  /** Decisions a correction or reconsideration replaced; they stay in the record. */
  gs_decision_history: DecisionColumns & { superseded_by: string; superseded_at: Date }
  /** Kommunicering: the material sent to the applicant before an adverse decision, the deadline and the reply. */
  gs_communications: {
    id: string
    case_id: string
    proposed_kind: DecisionKind
    proposed_amount: number | null
    material: string
    /** JSON: the rule ids the communication names (string[]). */
    cited_rules: unknown
    letter_locale: 'sv' | 'en'
    deadline: string
    sent_by: string
    sent_at: Date
    reply: string | null
    replied_on: string | null
    reply_recorded_by: string | null
    reply_recorded_at: Date | null
  }
  /** Each evidence item as an officer assessed it; an item without a row is unassessed. */
  gs_evidence_assessments: {
    case_id: string
    evidence_id: string
    status: EvidenceAssessmentStatus
    reason: string | null
    assessed_by: string
    assessed_by_name: string
    assessed_at: Date
  }
  gs_reclaims: {
    case_id: string
    amount: number
    reasons: string
    decided_by: string
    decided_at: Date
    /** The decision the reclaim takes money back from. */
    decision_id: string | null
    letter_locale: 'sv' | 'en'
  }
  gs_rescreen_runs: { id: string; at: Date; actor: string; checked: number; changed: number; flips: unknown; districts: unknown }
}

export interface DecisionColumns {
  id: string
  case_id: string
  basis: DecisionBasis
  /** The decision this one corrects or reconsiders. */
  refers_to: string | null
  kind: DecisionKind
  amount: number | null
  reasons: string
  letter_locale: 'sv' | 'en'
  decided_by: string
  decided_at: Date
  requires_second: boolean
  approved_by: string | null
  approved_at: Date | null
  /** JSON: the override reason per rule, in screening order ({ ruleId, reason }[]). */
  overrides: unknown
  /** JSON: the rule ids a denial cites (string[]). */
  cited_rules: unknown
  /** JSON: the evidence ids (assessed relevant) carrying a democracy finding into the decision (string[]). */
  carried_evidence: unknown
}

export type Tables = GrantTables & LetterTables & KitTables
export type Db = Kysely<Tables>
