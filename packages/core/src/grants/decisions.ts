import type { LocalizedText } from '../shared/text.js'
import type { Finding } from './rules.js'
import type { ScreeningResult } from './screen.js'

/**
 * The decision domain: what a decision on a grant case is, which findings stand against
 * the application once an officer has assessed the evidence, what granting against
 * them takes (an override reason per rule and a second signature), what a denial cites,
 * when the applicant must first be heard (kommunicering, förvaltningslagen 25 §), and
 * how a decision is corrected or reconsidered (36–39 §§). Everything here is data and
 * pure functions: the app stores, core judges.
 */

/** Approve the amount applied for, deny, or grant part of it. */
export const DECISION_KINDS = ['approve', 'deny', 'partial'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]

export interface DecisionKindTerms {
  /** Money is granted. */
  readonly grants: boolean
  /** The decision goes against the applicant (all or part of what they asked for is refused). */
  readonly adverse: boolean
  readonly name: LocalizedText
}

/** What each kind of decision means: whether it grants money and whether it is adverse to the applicant. */
export const DECISION_KIND_TERMS: Readonly<Record<DecisionKind, DecisionKindTerms>> = Object.freeze({
  approve: { grants: true, adverse: false, name: { sv: 'Bifall', en: 'Approved' } },
  deny: { grants: false, adverse: true, name: { sv: 'Avslag', en: 'Denied' } },
  partial: { grants: true, adverse: true, name: { sv: 'Delvis bifall', en: 'Partly approved' } },
})

/** How an officer has marked an evidence item: not yet, assessed and relevant, or dismissed (with a reason). */
export const EVIDENCE_ASSESSMENTS = ['unassessed', 'relevant', 'dismissed'] as const
export type EvidenceAssessmentStatus = (typeof EVIDENCE_ASSESSMENTS)[number]

export const EVIDENCE_ASSESSMENT_TERMS: Readonly<
  Record<EvidenceAssessmentStatus, { readonly name: LocalizedText; readonly needsReason: boolean }>
> = Object.freeze({
  unassessed: { name: { sv: 'Inte bedömd', en: 'Not assessed' }, needsReason: false },
  relevant: { name: { sv: 'Bedömd och relevant', en: 'Assessed and relevant' }, needsReason: false },
  dismissed: { name: { sv: 'Avfärdad', en: 'Dismissed' }, needsReason: true },
})

/** An officer's assessment of one evidence item. Items without one are unassessed. */
export interface EvidenceAssessment {
  readonly evidenceId: string
  readonly status: EvidenceAssessmentStatus
}

/** Why a decision is made again: the first decision, a correction of an obvious error, or a reconsideration on new facts. */
export const DECISION_BASES = ['original', 'correction', 'reconsideration'] as const
export type DecisionBasis = (typeof DECISION_BASES)[number]
export type RevisionBasis = Exclude<DecisionBasis, 'original'>
export const REVISION_BASES: readonly RevisionBasis[] = ['correction', 'reconsideration']

export interface DecisionBasisTerms {
  readonly name: LocalizedText
  /** The provision the decision rests on, for the record and the letter. */
  readonly provision: LocalizedText
  /** An adverse decision on this basis must first be communicated to the applicant. */
  readonly communicateAdverse: boolean
}

export const DECISION_BASIS_TERMS: Readonly<Record<DecisionBasis, DecisionBasisTerms>> = Object.freeze({
  original: {
    name: { sv: 'Beslut', en: 'Decision' },
    provision: { sv: 'förvaltningslagen (2017:900) 32 §', en: 'the Administrative Procedure Act (2017:900), section 32' },
    communicateAdverse: true,
  },
  correction: {
    name: { sv: 'Rättelse', en: 'Correction' },
    provision: { sv: 'förvaltningslagen (2017:900) 36 §', en: 'the Administrative Procedure Act (2017:900), section 36' },
    communicateAdverse: false,
  },
  reconsideration: {
    name: { sv: 'Omprövning', en: 'Reconsideration' },
    provision: { sv: 'förvaltningslagen (2017:900) 37–39 §§', en: 'the Administrative Procedure Act (2017:900), sections 37–39' },
    communicateAdverse: true,
  },
})

/** The provision kommunicering rests on. */
export const COMMUNICATION_PROVISION: LocalizedText = Object.freeze({
  sv: 'förvaltningslagen (2017:900) 25 §',
  en: 'the Administrative Procedure Act (2017:900), section 25',
})

/**
 * Where a finding stands once the evidence is assessed: `clear` (met, not applicable, or
 * resting only on dismissed evidence), `against` (it counts against the application),
 * `unresolved` (a democracy finding resting on evidence no officer has assessed).
 */
export type FindingStanding = 'clear' | 'against' | 'unresolved'

const FAILING: ReadonlySet<Finding['status']> = new Set(['not_met', 'needs_assessment'])

/** The standing of one finding, given the officers' assessments of the evidence it rests on. */
export function findingStanding(
  finding: Pick<Finding, 'kind' | 'status' | 'evidenceIds'>,
  assessments: ReadonlyMap<string, EvidenceAssessmentStatus>,
): FindingStanding {
  if (!FAILING.has(finding.status)) return 'clear'
  if (finding.kind !== 'democracy' || finding.evidenceIds.length === 0) return 'against'
  const marks = finding.evidenceIds.map((id) => assessments.get(id) ?? 'unassessed')
  if (marks.every((m) => m === 'dismissed')) return 'clear'
  if (marks.some((m) => m === 'unassessed')) return 'unresolved'
  return 'against'
}

export interface DecisionRequest {
  readonly kind: DecisionKind
  /** For a partial grant: the amount granted, below the amount applied for. */
  readonly amount?: number | undefined
  readonly amountRequested: number
  /**
   * The programme's maximum amount, when it has one. A grant of at most this amount needs
   * no override of the `max-amount` rule, even when the amount applied for is above it
   * (a partial grant capped at the maximum). Without it, every grant overrides that rule.
   */
  readonly maxAmount?: number | undefined
  /** One reason per rule the decision overrides, by rule id. */
  readonly overrides?: Readonly<Record<string, string>> | undefined
}

/** The rule of a programme's maximum amount (its finding compares the amount applied for). */
export const MAX_AMOUNT_RULE = 'max-amount'

/**
 * The largest grant that needs no override of `ruleId` even when its finding stands
 * against the application: the programme maximum for the `max-amount` rule, else null
 * (every grant against the rule overrides it).
 */
export function grantWithoutOverrideUpTo(ruleId: string, maxAmount: number | undefined): number | null {
  return ruleId === MAX_AMOUNT_RULE && maxAmount !== undefined ? maxAmount : null
}

/** The amount a decision grants: the amount applied for, the partial amount, or none (a denial, or a partial grant without one). */
export function amountGranted(request: Pick<DecisionRequest, 'kind' | 'amount' | 'amountRequested'>): number | undefined {
  if (request.kind === 'approve') return request.amountRequested
  return request.kind === 'partial' ? request.amount : undefined
}

/** A problem with a decision request, as a code with its field; the app words it. */
export type DecisionProblem =
  | { readonly path: 'amount'; readonly code: 'amount.required' | 'amount.notBelowRequested' | 'amount.onlyPartial' }
  | {
      readonly path: `overrides.${string}`
      readonly code: 'override.reasonMissing' | 'override.notFailed' | 'override.notNeeded'
      readonly ruleId: string
    }

export interface DecisionGuard {
  /** Rules with a finding that stands against the application or is unresolved, in screening order. */
  readonly failedRules: readonly string[]
  /**
   * The rules a grant must override (each with a reason): `failedRules` when money is
   * granted, except the programme maximum when the amount granted is within it; else none.
   */
  readonly overridesNeeded: readonly string[]
  /** The rules a denial cites: those whose findings stand against the application (democracy only on assessed evidence). */
  readonly citedRules: readonly string[]
  /** Evidence items (assessed relevant) that carry a democracy finding into the decision. */
  readonly carriedEvidence: readonly string[]
  /** The decision needs a second signature by another person (a democracy finding, or a grant that overrides a rule). */
  readonly secondSignature: boolean
  /** The decision goes against the applicant, so it must first be communicated (where the basis asks for it). */
  readonly adverse: boolean
  readonly problems: readonly DecisionProblem[]
}

const unique = (ids: readonly string[]) => [...new Set(ids)]

/**
 * Judges a decision request against the screening and the evidence assessments: which
 * rules it must override and cite, whether it needs a second signature, whether it is
 * adverse, and what is wrong with it (an override without a reason names its rule).
 */
export function guardDecision(
  screening: Pick<ScreeningResult, 'findings' | 'humanDecisionRequired'>,
  assessments: readonly EvidenceAssessment[],
  request: DecisionRequest,
): DecisionGuard {
  const marks = new Map(assessments.map((a) => [a.evidenceId, a.status] as const))
  const standings = screening.findings.map((f) => ({ f, s: findingStanding(f, marks) }))
  const failedRules = unique(standings.filter((x) => x.s !== 'clear').map((x) => x.f.ruleId))
  const citedRules = unique(standings.filter((x) => x.s === 'against').map((x) => x.f.ruleId))
  const carriedEvidence = unique(standings.filter((x) => x.s === 'against' && x.f.kind === 'democracy').flatMap((x) => x.f.evidenceIds))
  const terms = DECISION_KIND_TERMS[request.kind]
  const granted = amountGranted(request)
  const overridesNeeded = terms.grants
    ? failedRules.filter((ruleId) => {
        const upTo = grantWithoutOverrideUpTo(ruleId, request.maxAmount)
        return upTo === null || granted === undefined || granted > upTo
      })
    : []
  const problems: DecisionProblem[] = []
  if (request.kind === 'partial') {
    if (request.amount === undefined) problems.push({ path: 'amount', code: 'amount.required' })
    else if (request.amount >= request.amountRequested) problems.push({ path: 'amount', code: 'amount.notBelowRequested' })
  } else if (request.amount !== undefined) problems.push({ path: 'amount', code: 'amount.onlyPartial' })
  const given = request.overrides ?? {}
  for (const ruleId of overridesNeeded) {
    if ((given[ruleId] ?? '').trim() === '') problems.push({ path: `overrides.${ruleId}`, code: 'override.reasonMissing', ruleId })
  }
  for (const ruleId of Object.keys(given)) {
    if (overridesNeeded.includes(ruleId)) continue
    // A failed rule the grant stays within (the programme maximum) needs no override; a blank one is no override at all.
    if (failedRules.includes(ruleId) && terms.grants) {
      if ((given[ruleId] ?? '').trim() !== '') problems.push({ path: `overrides.${ruleId}`, code: 'override.notNeeded', ruleId })
    } else problems.push({ path: `overrides.${ruleId}`, code: 'override.notFailed', ruleId })
  }
  return {
    failedRules,
    overridesNeeded,
    citedRules: request.kind === 'deny' ? citedRules : [],
    carriedEvidence,
    secondSignature: screening.humanDecisionRequired || overridesNeeded.length > 0,
    adverse: terms.adverse,
    problems,
  }
}

/** A communication (kommunicering) as the gate reads it. */
export interface CommunicationRecord {
  /** The last day the applicant may reply (Stockholm date, YYYY-MM-DD). */
  readonly deadline: string
  /** When the applicant's reply was recorded, if it was. */
  readonly repliedOn: string | null
}

export type CommunicationGate =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not-communicated' }
  | { readonly ok: false; readonly reason: 'before-deadline'; readonly deadline: string }

/**
 * May an adverse decision be made today? Only after the applicant was sent the material
 * (a communication since the last decision) and either has replied or the deadline has
 * passed (the deadline day itself is the applicant's). Non-adverse decisions, and bases
 * that do not ask for it, pass.
 */
export function communicationGate(input: {
  readonly adverse: boolean
  readonly basis: DecisionBasis
  readonly communications: readonly CommunicationRecord[]
  readonly today: string
}): CommunicationGate {
  if (!input.adverse || !DECISION_BASIS_TERMS[input.basis].communicateAdverse) return { ok: true }
  const latest = input.communications.at(-1)
  if (latest === undefined) return { ok: false, reason: 'not-communicated' }
  if (latest.repliedOn !== null || input.today > latest.deadline) return { ok: true }
  return { ok: false, reason: 'before-deadline', deadline: latest.deadline }
}
