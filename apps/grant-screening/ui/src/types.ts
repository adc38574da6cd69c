/**
 * The API's shapes as the UI reads them (docs/grant-screening.md and the exchange format
 * in docs/grants.md). The grant domain's shapes (application, evidence, findings,
 * screening result) are core's, imported as types only; the value lists stay here so the
 * UI bundle takes no code from the server, and test/ui-vocabulary.test.ts checks each list
 * against its source (core, server-kit, the app's schema).
 */

import type { Lang, Localized } from '@vbe/web-kit/types'
import type { ApplicationInput, CaseAuthorship, ScreeningResult } from '@vbe/core/grants'
export { ROLES, type Lang, type Localized, type Role, type Session, type User } from '@vbe/web-kit/types'

export const STATUSES = ['new', 'in_review', 'awaiting_reply', 'awaiting_approval', 'awaiting_revision_approval', 'decided'] as const
export type Status = (typeof STATUSES)[number]
export const OUTCOMES = ['eligible', 'ineligible', 'requires_assessment'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const FINDING_STATUSES = ['met', 'not_met', 'needs_assessment', 'not_applicable'] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]
export const RULE_KINDS = ['formal', 'democracy', 'follow-up'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const CONDUCTS = [
  'violence',
  'threat',
  'coercion',
  'rights-violation',
  'encouraging-violence',
  'discrimination',
  'anti-democratic-activity',
  'enabling-violent-extremism',
] as const
export type Conduct = (typeof CONDUCTS)[number]
export const ACTORS = ['organisation', 'representative'] as const
export type Actor = (typeof ACTORS)[number]
export const SOURCE_KINDS = ['court-judgment', 'police-report', 'authority-statement', 'media', 'own-observation', 'tip'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
export const DECISION_KINDS = ['approve', 'deny', 'partial'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]
export const PERSON_ROLES = ['contact', 'chair', 'treasurer', 'board-member'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export interface Programme {
  readonly id: string
  readonly district: string
  readonly name: string | Localized
  readonly maxAmount: number | null
}

export interface CaseSummary {
  readonly id: string
  /** The application's own id in the district system. */
  readonly applicationRef?: string
  readonly district: string
  readonly programme: string
  readonly associationName: string
  readonly amountRequested: number
  readonly outcome: Outcome
  readonly humanDecisionRequired: boolean
  readonly status: Status
  readonly reportDue: string | null
  readonly reportReceivedOn: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

/** The grant domain's shapes are core's own (types only: the bundle takes no code from core for them). */
export type { Evidence as EvidenceItem, ApplicationInput as Application, Finding, ScreeningResult } from '@vbe/core/grants'
export type { GrantSource } from '@vbe/core/plugins'

export interface Person {
  readonly id: string
  readonly role: PersonRole
  readonly name: string
  readonly email?: string | null
  readonly phone?: string | null
  readonly erased: boolean
}

export const ASSESSMENTS = ['unassessed', 'relevant', 'dismissed'] as const
export type AssessmentStatus = (typeof ASSESSMENTS)[number]
export interface RuleRef {
  readonly id: string
  readonly heading: Localized
}

export interface Decision {
  readonly id: string
  readonly basis: 'original' | 'correction' | 'reconsideration'
  readonly refersTo: string | null
  readonly overrides: readonly { readonly rule: RuleRef; readonly reason: string }[]
  readonly citedRules: readonly RuleRef[]
  readonly carriedEvidence: readonly string[]
  readonly kind: DecisionKind
  readonly amount: number | null
  readonly reasons: string
  readonly letterLocale: Lang
  /** The deciding officer's display name; null when unknown (never a username). */
  readonly decidedBy: string | null
  /** The signed-in user made this decision. */
  readonly decidedByYou: boolean
  readonly decidedAt: string
  readonly requiresSecondApproval: boolean
  readonly approvedBy: string | null
  readonly approvedAt: string | null
}

export interface CaseDetail extends CaseSummary {
  /** The case number in the authority's diarium, as its letters give it; null until the first letter assigns it. */
  readonly caseNumber: string | null
  /** The last day of the applicant's reply to a communication while it is awaited (no adverse decision before then); else null. */
  readonly replyDue: string | null
  readonly application: ApplicationInput
  readonly screening: ScreeningResult
  readonly rules: readonly { readonly id: string; readonly heading: Localized }[]
  readonly persons: readonly Person[]
  readonly notes: readonly { readonly id: string; readonly author: string | null; readonly text: string; readonly at: string }[]
  readonly decision: Decision | null
  readonly decisionHistory: readonly (Decision & { readonly supersededBy: string; readonly supersededAt: string })[]
  readonly communications: readonly Communication[]
  readonly evidenceAssessments: readonly {
    readonly evidenceId: string
    readonly status: AssessmentStatus
    readonly reason: string | null
    readonly assessedBy: string | null
    readonly assessedAt: string | null
  }[]
  readonly decisionGuide: { readonly failedRules: readonly RuleRef[]; readonly denialCites: readonly RuleRef[]; readonly fourEyes: boolean }
  readonly reclaim: null | {
    readonly amount: number
    readonly reasons: string
    readonly decidedBy: string | null
    readonly decidedAt: string
    readonly decisionId: string | null
  }
  readonly conflict: { readonly declared: boolean; readonly conflict: boolean }
  /** The parts of the case's work the signed-in user did; each bars them from the second signature. */
  readonly yourAuthorship: readonly CaseAuthorship[]
  readonly version: number
}

export interface Communication {
  readonly id: string
  readonly proposedKind: DecisionKind
  readonly proposedAmount: number | null
  readonly material: string
  readonly citedRules: readonly RuleRef[]
  readonly letterLocale: Lang
  readonly deadline: string
  readonly sentBy: string | null
  readonly sentAt: string
  readonly reply: string | null
  readonly repliedOn: string | null
  readonly replyRecordedBy: string | null
}

export interface ImportResult {
  readonly imported: readonly { readonly row: number; readonly id: string }[]
  readonly errors: readonly { readonly row: number; readonly path: string; readonly message: string }[]
}

/**
 * A case whose outcome a re-screen changed, as the server sends it (`RescreenFlip` in
 * src/cases/rescreen.ts; a type test ties the two): the rules that changed it, by id, whose
 * headings the run carries, and the evidence items whose findings changed, told by what they
 * say. No evidence ids: the page names rules and evidence in words, never ids.
 */
export interface RescreenFlip {
  readonly caseId: string
  readonly district: string
  readonly programme: string
  readonly associationName: string
  readonly from: Outcome
  readonly to: Outcome
  readonly changedRules: readonly string[]
  readonly changedEvidence: readonly RescreenEvidence[]
}

/** An evidence item whose finding a re-screen changed (`RescreenEvidence` in src/cases/rescreen.ts). */
export interface RescreenEvidence {
  readonly conduct: Conduct
  readonly actor: Actor
  readonly date: string
  readonly source: SourceKind
  readonly verified: boolean
  /** Dated after the day of the last screening. */
  readonly newSinceLastScreening: boolean
  readonly before: FindingStatus | null
  readonly after: FindingStatus | null
}

export interface RescreenRun {
  readonly id: string
  readonly startedAt?: string
  readonly at?: string
  readonly createdAt?: string
  readonly finishedAt?: string | null
  /** The display name of who started the run (never a username); null when no user has it now. */
  readonly startedBy?: string | null
  readonly from?: unknown
  readonly to?: unknown
  readonly checked?: number
  readonly changed?: number
  readonly screened?: number
  readonly flips: readonly RescreenFlip[]
  /** The heading of each rule the flips name. */
  readonly rules?: readonly { readonly id: string; readonly heading: { readonly sv: string; readonly en: string } }[]
}
