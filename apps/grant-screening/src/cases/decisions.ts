// Decisions, the second approval (four eyes) and the data of the decision letter.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import { type DecisionGuard, type ScreeningResult } from '@vbe/core/grants'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, jsonb, NotFound, transaction } from '@vbe/server-kit'
import type { Tables } from '../db/tables.js'
import { checkDecision, requireCommunicated, type DecisionInput } from './guard.js'
import { freezeLetter } from '../letter/issue.js'
import {
  transition,
  actOn,
  type CaseDetail,
  type Fx,
  db,
  caseDetail,
  decisionView,
  type CaseRow,
  type DecisionView,
  caseRow,
  requireNoConflict,
  screeningOf,
} from './store.js'

export type { DecisionInput } from './guard.js'

/** The columns a new decision row gets from its guard and input. */
export function decisionColumns(
  id: string,
  input: DecisionInput,
  guard: DecisionGuard,
  amountRequested: number,
  by: { username: string; at: Date },
): Omit<Tables['gs_decisions'], 'case_id' | 'basis' | 'refers_to'> {
  return {
    id: randomUUID(),
    kind: input.kind,
    amount: input.kind === 'approve' ? amountRequested : input.kind === 'partial' ? (input.amount ?? null) : null,
    reasons: input.reasons,
    letter_locale: input.letterLocale,
    decided_by: by.username,
    decided_at: by.at,
    requires_second: guard.secondSignature,
    approved_by: null,
    approved_at: null,
    overrides: guard.overridesNeeded.map((ruleId) => ({ ruleId, reason: (input.overrides?.[ruleId] ?? '').trim() })),
    cited_rules: guard.citedRules,
    carried_evidence: guard.carriedEvidence,
  }
}

/** A decision row's JSON columns as jsonb, for an insert. */
export const jsonColumns = <T extends Pick<Tables['gs_decisions'], 'overrides' | 'cited_rules' | 'carried_evidence'>>(c: T): T => ({
  ...c,
  overrides: jsonb(c.overrides),
  cited_rules: jsonb(c.cited_rules),
  carried_evidence: jsonb(c.carried_evidence),
})

/**
 * Decides a case. A decision waits for a second signature (four eyes) where a democracy
 * finding needs a person's assessment or a grant overrides a failed rule (each with a
 * reason); a denial cites the rules standing against the application; an adverse
 * decision waits for kommunicering.
 */
export function decide(id: string, input: DecisionInput): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    // Who may decide, and in which status, is the same for a decision and a proposal:
    // refuse first, then judge the request, then take the action the judgement names.
    const { row: first } = yield* actOn(id, 'decide')
    const guard = yield* checkDecision(first, input)
    const { row, to } = yield* actOn(id, guard.secondSignature ? 'propose' : 'decide')
    yield* requireCommunicated(row, guard, 'original', null)
    const requiresSecond = guard.secondSignature
    const now = (yield* Clock).now()
    const columns = decisionColumns(id, input, guard, row.amount_requested, { username: user.username, at: now })
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        // A re-screen (which changes screenings, not the case's version) may have changed
        // whether four eyes apply since the case was read: decide on the current screening only.
        const current = yield* db('decision.screening', (k) =>
          k.selectFrom('gs_screenings').select('human_required').where('case_id', '=', id).forShare().executeTakeFirst(),
        )
        if (current && current.human_required !== row.human_required) {
          return yield* new Conflict({
            detail: {
              sv: 'Ärendet har prövats om med ändrade regler medan du arbetade med det. Ladda om ärendet och försök igen.',
              en: 'The case was re-screened under changed rules while you were working on it. Reload the case and try again.',
            },
          })
        }
        yield* db('decision.insert', (k) =>
          k
            .insertInto('gs_decisions')
            .values(jsonColumns({ ...columns, case_id: id, basis: 'original' as const, refers_to: null }))
            .execute(),
        )
        yield* appendAudit({
          action: requiresSecond ? 'case.decision.propose' : 'case.decision.final',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: row.ruleset,
          before: { status: row.status },
          after: {
            status: to,
            decisionId: columns.id,
            kind: input.kind,
            amount: columns.amount,
            reasons: input.reasons,
            outcome: row.outcome,
            overrides: columns.overrides,
            citedRules: guard.citedRules,
            carriedEvidence: guard.carriedEvidence,
          },
        })
        // A decision without a second signature is signed now: its letter is issued and frozen.
        if (!requiresSecond) yield* freezeLetter(id)
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** The second signature: another person, an approver without a conflict, approves or sends the decision back. */
export function approve(id: string, approveIt: boolean, comment: string | undefined): Fx<CaseDetail, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    // Four eyes: the lifecycle refuses the second signature to whoever made the decision.
    const { row, to } = yield* actOn(id, approveIt ? 'approve' : 'send-back')
    const decision = yield* db('decision.get', (k) =>
      k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow(),
    )
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        if (approveIt)
          yield* db('decision.approve', (k) =>
            k.updateTable('gs_decisions').set({ approved_by: user.username, approved_at: now }).where('case_id', '=', id).execute(),
          )
        else {
          yield* db('decision.reject', (k) => k.deleteFrom('gs_decisions').where('case_id', '=', id).execute())
          // A proposed correction or reconsideration sent back: the decision it would have replaced is current again.
          if (decision.refers_to !== null) yield* restoreReplaced(id, decision.refers_to)
        }
        yield* appendAudit({
          action: approveIt ? 'case.decision.approve' : 'case.decision.send-back',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: row.ruleset,
          before: { status: row.status, decision: decisionView(decision) },
          after: { status: to, ...(comment ? { comment } : {}) },
        })
        // The second signature issues the letter the approver previewed, and freezes it.
        if (approveIt) yield* freezeLetter(id)
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

export function grantedDecision(id: string) {
  return db('decision.get', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirst())
}

/** For the letter: a decided case's screening and decision. */
export function letterData(
  id: string,
): Fx<{ row: CaseRow; decision: DecisionView; screening: ScreeningResult }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const decision = yield* grantedDecision(id)
    if (row.status !== 'decided' || !decision) {
      return yield* new Conflict({
        detail: {
          sv: 'Beslutsbrevet finns när ärendet är beslutat (efter en eventuell andra underskrift).',
          en: 'The decision letter exists once the case is decided (after any second approval).',
        },
      })
    }
    yield* appendAudit({ action: 'case.letter.read', entityType: 'case', entityId: id, district: row.district })
    return { row, decision: decisionView(decision), screening: yield* screeningOf(row) }
  })
}

/** Makes a replaced decision the case's current one again (inside the caller's transaction). */
export function restoreReplaced(caseId: string, decisionId: string) {
  return Effect.gen(function* () {
    const old = yield* db('decision.history.get', (k) =>
      k.selectFrom('gs_decision_history').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow(),
    )
    const { superseded_by: _by, superseded_at: _at, ...columns } = old
    yield* db('decision.history.restore', (k) => k.deleteFrom('gs_decision_history').where('id', '=', decisionId).execute())
    yield* db('decision.restore', (k) =>
      k
        .insertInto('gs_decisions')
        .values(jsonColumns({ ...columns, case_id: caseId }))
        .execute(),
    )
  })
}
