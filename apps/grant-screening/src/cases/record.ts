// The decision record of a case: its decisions (current and replaced), communications
// (kommunicering) and evidence assessments, as stored and as the API shows them.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import {
  EVIDENCE_ASSESSMENTS,
  findingStanding,
  grantWithoutOverrideUpTo,
  guardDecision,
  ruleHeading,
  type Application,
  type DecisionBasis,
  type EvidenceAssessment,
  type EvidenceAssessmentStatus,
  type ScreeningResult,
} from '@vbe/core/grants'
import { iso, query } from '@vbe/server-kit'
import type { LocalizedText } from '@vbe/core'
import type { DecisionColumns, DecisionKind, Tables } from '../db/tables.js'

const db = <A>(operation: string, f: (db: Kysely<Tables>) => Promise<A>) => query(operation, f)

export interface RuleRef {
  id: string
  heading: LocalizedText
}
export const ruleRef = (id: string): RuleRef => ({ id, heading: ruleHeading(id) ?? { sv: id, en: id } })

export interface DecisionView {
  id: string
  basis: DecisionBasis
  /** The decision this one corrects or reconsiders. */
  refersTo: string | null
  kind: DecisionKind
  amount: number | null
  reasons: string
  letterLocale: 'sv' | 'en'
  decidedBy: string
  decidedAt: string
  requiresSecondApproval: boolean
  approvedBy: string | null
  approvedAt: string | null
  /** Each rule a grant overrode, with the officer's reason. */
  overrides: { rule: RuleRef; reason: string }[]
  /** The rules a denial cites. */
  citedRules: RuleRef[]
  /** Evidence items, assessed relevant, that carry a democracy finding into the decision. */
  carriedEvidence: string[]
}
export interface ReplacedDecisionView extends DecisionView {
  supersededBy: string
  supersededAt: string
}

/** Display names by username (vbe_users.display_name); a username that is no user's is absent. */
export type DisplayNames = ReadonlyMap<string, string>

/** The display names of these usernames, read once for a case view: the API shows names, never usernames. */
export function displayNames(usernames: Iterable<string | null>) {
  const wanted = [...new Set([...usernames].filter((u): u is string => u !== null))]
  if (wanted.length === 0) return Effect.succeed<DisplayNames>(new Map())
  return db('users.displayNames', (k) =>
    k.selectFrom('vbe_users').select(['username', 'display_name']).where('username', 'in', wanted).execute(),
  ).pipe(Effect.map((rows): DisplayNames => new Map(rows.map((r) => [r.username, r.display_name]))))
}

/** A stored username's display name, or null when no user has it (the UI then names no one). */
export const nameOf = (names: DisplayNames, username: string | null): string | null =>
  username === null ? null : (names.get(username) ?? null)

/** A decision as the case view shows it: display names instead of usernames, and whether the viewer made it. */
export interface ShownDecision extends Omit<DecisionView, 'decidedBy' | 'approvedBy'> {
  /** The deciding officer's display name, or null when no user has that username. */
  decidedBy: string | null
  /** The approver's display name, or null (not approved, or no user has that username). */
  approvedBy: string | null
  /** The signed-in user made this decision (so they cannot give it its second signature). */
  decidedByYou: boolean
}
export interface ShownReplacedDecision extends ShownDecision {
  supersededBy: string
  supersededAt: string
}

export function showDecision<V extends DecisionView>(
  v: V,
  names: DisplayNames,
  viewer: string,
): Omit<V, 'decidedBy' | 'approvedBy'> & Pick<ShownDecision, 'decidedBy' | 'approvedBy' | 'decidedByYou'> {
  return { ...v, decidedBy: nameOf(names, v.decidedBy), approvedBy: nameOf(names, v.approvedBy), decidedByYou: v.decidedBy === viewer }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const overrideList = (v: unknown): { ruleId: string; reason: string }[] =>
  Array.isArray(v)
    ? v.filter(
        (o): o is { ruleId: string; reason: string } =>
          o !== null &&
          typeof o === 'object' &&
          typeof (o as Record<string, unknown>)['ruleId'] === 'string' &&
          typeof (o as Record<string, unknown>)['reason'] === 'string',
      )
    : []

export const decisionView = (d: DecisionColumns): DecisionView => ({
  id: d.id,
  basis: d.basis,
  refersTo: d.refers_to,
  kind: d.kind,
  amount: d.amount,
  reasons: d.reasons,
  letterLocale: d.letter_locale,
  decidedBy: d.decided_by,
  decidedAt: iso(d.decided_at),
  requiresSecondApproval: d.requires_second,
  approvedBy: d.approved_by,
  approvedAt: d.approved_at ? iso(d.approved_at) : null,
  overrides: overrideList(d.overrides).map((o) => ({ rule: ruleRef(o.ruleId), reason: o.reason })),
  citedRules: strings(d.cited_rules).map(ruleRef),
  carriedEvidence: strings(d.carried_evidence),
})

export interface CommunicationView {
  id: string
  proposedKind: DecisionKind
  proposedAmount: number | null
  material: string
  citedRules: RuleRef[]
  letterLocale: 'sv' | 'en'
  deadline: string
  sentBy: string
  sentAt: string
  reply: string | null
  repliedOn: string | null
  replyRecordedBy: string | null
}

/** A communication as the case view shows it: who sent it and who recorded the reply by display name (null when unknown). */
export interface ShownCommunication extends Omit<CommunicationView, 'sentBy' | 'replyRecordedBy'> {
  sentBy: string | null
  replyRecordedBy: string | null
}
export const showCommunication = (c: CommunicationView, names: DisplayNames): ShownCommunication => ({
  ...c,
  sentBy: nameOf(names, c.sentBy),
  replyRecordedBy: nameOf(names, c.replyRecordedBy),
})

export const communicationView = (c: Tables['gs_communications']): CommunicationView => ({
  id: c.id,
  proposedKind: c.proposed_kind,
  proposedAmount: c.proposed_amount,
  material: c.material,
  citedRules: strings(c.cited_rules).map(ruleRef),
  letterLocale: c.letter_locale,
  deadline: c.deadline,
  sentBy: c.sent_by,
  sentAt: iso(c.sent_at),
  reply: c.reply,
  repliedOn: c.replied_on,
  replyRecordedBy: c.reply_recorded_by,
})

/** One evidence item's assessment; the letter leaves out every item that is not `relevant`. */
export interface AssessmentView {
  evidenceId: string
  status: EvidenceAssessmentStatus
  reason: string | null
  /** The assessing officer's name (not their username), or null while unassessed. */
  assessedBy: string | null
  assessedAt: string | null
}

/** Every evidence item of the application with its assessment (unassessed where none is recorded). */
export function assessmentViews(application: Application, rows: readonly Tables['gs_evidence_assessments'][]): AssessmentView[] {
  const byId = new Map(rows.map((r) => [r.evidence_id, r] as const))
  return application.evidence.map((e) => {
    const r = byId.get(e.id)
    return r
      ? { evidenceId: e.id, status: r.status, reason: r.reason, assessedBy: r.assessed_by_name, assessedAt: iso(r.assessed_at) }
      : { evidenceId: e.id, status: EVIDENCE_ASSESSMENTS[0], reason: null, assessedBy: null, assessedAt: null }
  })
}

export const toAssessments = (views: readonly AssessmentView[]): EvidenceAssessment[] =>
  views.map((v) => ({ evidenceId: v.evidenceId, status: v.status }))

/** What the decision dialog needs to know: the rules a grant must override, what a denial cites, and who must sign. */
export interface DecisionGuide {
  /**
   * Rules standing against the application or unresolved: a grant needs an override reason
   * for each and a second signature, except a grant of at most `grantUpTo` (the programme
   * maximum, for its rule); null when every grant overrides the rule.
   */
  failedRules: (RuleRef & { grantUpTo: number | null })[]
  /** The rules a denial would cite. */
  denialCites: RuleRef[]
  /** A democracy finding makes every decision wait for a second signature. */
  fourEyes: boolean
  /** Rules whose findings rest on evidence no officer has assessed: no adverse decision until it is assessed. */
  toAssess: RuleRef[]
}

export function decisionGuide(
  screening: ScreeningResult,
  assessments: readonly EvidenceAssessment[],
  amountRequested: number,
  maxAmount: number | undefined,
): DecisionGuide {
  const deny = guardDecision(screening, assessments, { kind: 'deny', amountRequested })
  return {
    failedRules: deny.failedRules.map((id) => ({ ...ruleRef(id), grantUpTo: grantWithoutOverrideUpTo(id, maxAmount) })),
    denialCites: deny.citedRules.map(ruleRef),
    fourEyes: screening.humanDecisionRequired,
    toAssess: unresolvedRules(screening, assessments).map(ruleRef),
  }
}

/** Rules with a finding that rests on evidence no officer has assessed yet (core's `unresolved` standing). */
export function unresolvedRules(screening: Pick<ScreeningResult, 'findings'>, assessments: readonly EvidenceAssessment[]): string[] {
  const marks = new Map(assessments.map((a) => [a.evidenceId, a.status] as const))
  return [...new Set(screening.findings.filter((f) => findingStanding(f, marks) === 'unresolved').map((f) => f.ruleId))]
}

/**
 * The last day the applicant may reply to the latest communication (since `since`, the
 * current decision of a decided case), while that reply is awaited: not yet replied and the
 * deadline not passed on `today`. Null when no reply is awaited.
 */
export function replyDue(communications: readonly Tables['gs_communications'][], since: Date | null, today: string): string | null {
  const latest = communications.filter((c) => since === null || c.sent_at >= since).at(-1)
  return latest !== undefined && latest.replied_on === null && today <= latest.deadline ? latest.deadline : null
}

/** Everything of a case's decision record, for the case view. */
export function decisionRecord(caseId: string) {
  return Effect.all({
    decision: db('decision', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', caseId).executeTakeFirst()),
    history: db('decision.history', (k) =>
      k.selectFrom('gs_decision_history').selectAll().where('case_id', '=', caseId).orderBy('decided_at', 'desc').execute(),
    ),
    communications: communicationsOf(caseId),
    assessments: assessmentRows(caseId),
  })
}

export const replacedView = (d: Tables['gs_decision_history']): ReplacedDecisionView => ({
  ...decisionView(d),
  supersededBy: d.superseded_by,
  supersededAt: iso(d.superseded_at),
})

export const communicationsOf = (caseId: string) =>
  db('communications', (k) => k.selectFrom('gs_communications').selectAll().where('case_id', '=', caseId).orderBy('sent_at').execute())

export const assessmentRows = (caseId: string) =>
  db('assessments', (k) => k.selectFrom('gs_evidence_assessments').selectAll().where('case_id', '=', caseId).execute())

export const currentDecision = (caseId: string) =>
  db('decision.get', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', caseId).executeTakeFirst())
