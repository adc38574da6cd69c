/**
 * The API's shapes as the UI reads them (docs/grant-screening.md and the exchange format
 * in docs/grants.md). The grant domain's shapes and vocabularies (application, evidence,
 * findings, screening result, case statuses, decision kinds, evidence kinds) have one
 * home, core, and are imported from there as types only: a value import from
 * `@vbe/core/grants` takes its schemas and zod into the bundle (about 130 kB). The lists
 * the filters and forms offer are therefore written here, in the order the UI shows them,
 * and `everyOf` makes the compiler hold each to core's type: a value core lacks, or one
 * core has that a list leaves out, does not compile. Their labels are UI data (messages/).
 */

import type { Lang, Localized } from '@vbe/web-kit/types'
import type {
  Actor,
  ApplicationInput,
  CaseAuthorship,
  CaseStatus as Status,
  Conduct,
  DecisionBasis,
  DecisionKind,
  EvidenceAssessmentStatus as AssessmentStatus,
  EvidenceSourceKind as SourceKind,
  FindingStatus,
  Outcome,
  RuleKind,
  ScreeningResult,
} from '@vbe/core/grants'
export { ROLES, type Lang, type Localized, type Role, type Session, type User } from '@vbe/web-kit/types'
export type { Actor, AssessmentStatus, Conduct, DecisionKind, FindingStatus, Outcome, RuleKind, SourceKind, Status }

/** Values missing from a list of every `T`, or `never` when none is. */
type Missing<T, L extends readonly unknown[]> = Exclude<T, L[number]>

/** A list of every value of core's union `T`: the compiler rejects an unknown value, and names a missing one. */
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Missing<T, L>] extends [never] ? unknown : { readonly missing: Missing<T, L> })): L =>
    list

export const STATUSES = everyOf<Status>()([
  'new',
  'in_review',
  'awaiting_reply',
  'awaiting_approval',
  'awaiting_revision_approval',
  'decided',
])
export const OUTCOMES = everyOf<Outcome>()(['eligible', 'ineligible', 'requires_assessment'])
export const FINDING_STATUSES = everyOf<FindingStatus>()(['met', 'not_met', 'needs_assessment', 'not_applicable'])
export const RULE_KINDS = everyOf<RuleKind>()(['formal', 'democracy', 'follow-up'])
export const CONDUCTS = everyOf<Conduct>()([
  'violence',
  'threat',
  'coercion',
  'rights-violation',
  'encouraging-violence',
  'discrimination',
  'anti-democratic-activity',
  'enabling-violent-extremism',
])
export const ACTORS = everyOf<Actor>()(['organisation', 'representative'])
export const SOURCE_KINDS = everyOf<SourceKind>()([
  'court-judgment',
  'police-report',
  'authority-statement',
  'media',
  'own-observation',
  'tip',
])
export const DECISION_KINDS = everyOf<DecisionKind>()(['approve', 'deny', 'partial'])
export const ASSESSMENTS = everyOf<AssessmentStatus>()(['unassessed', 'relevant', 'dismissed'])
/** The roles of an association's people: the app's own vocabulary (its schema, src/db/tables.ts), not core's. */
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

export interface RuleRef {
  readonly id: string
  readonly heading: Localized
}

export interface Decision {
  readonly id: string
  readonly basis: DecisionBasis
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
  readonly decisionGuide: {
    /** A grant of at most `grantUpTo` (the programme maximum, for its rule) needs no override of the rule. */
    readonly failedRules: readonly (RuleRef & { readonly grantUpTo: number | null })[]
    readonly denialCites: readonly RuleRef[]
    readonly fourEyes: boolean
    /** Conditions resting on unassessed evidence: no denial or lower amount until they are assessed. */
    readonly toAssess: readonly RuleRef[]
  }
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
