// Correction (förvaltningslagen 36 §) and reconsideration (37–39 §§) of a decided case:
// a new decision that refers to the one it replaces; both stay in the record.
import { Effect } from 'effect'
import { type RevisionBasis } from '@vbe/core/grants'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, NotFound, transaction } from '@vbe/server-kit'
import { checkDecision, requireCommunicated, type DecisionInput } from './guard.js'
import { decisionColumns, jsonColumns } from './decisions.js'
import { freezeLetter } from '../letter/issue.js'
import { currentDecision } from './record.js'
import { actOn, caseDetail, db, transition, type CaseDetail, type Fx } from './store.js'

export interface RevisionInput extends DecisionInput {
  readonly basis: RevisionBasis
}

/**
 * Corrects or reconsiders the decision of a decided case (409 for a case not decided).
 * The new decision is judged as a first one (overrides, citations, kommunicering since
 * the old decision); where four eyes apply it waits for a second signature, and a
 * send-back makes the old decision current again.
 */
export function revise(id: string, input: RevisionInput): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row: first } = yield* actOn(id, input.basis === 'correction' ? 'correct' : 'reconsider')
    const guard = yield* checkDecision(first, input)
    const { row, to } = yield* actOn(
      id,
      guard.secondSignature ? 'propose-revision' : input.basis === 'correction' ? 'correct' : 'reconsider',
    )
    const old = yield* currentDecision(id)
    if (!old)
      return yield* new Conflict({
        detail: { sv: 'Ärendet har inget beslut att rätta eller ompröva.', en: 'The case has no decision to correct or reconsider.' },
      })
    yield* requireCommunicated(row, guard, input.basis, old.decided_at)
    const now = (yield* Clock).now()
    const columns = decisionColumns(id, input, guard, row.amount_requested, { username: user.username, at: now })
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        yield* db('decision.supersede', (k) =>
          k
            .insertInto('gs_decision_history')
            .values(jsonColumns({ ...old, superseded_by: columns.id, superseded_at: now }))
            .execute(),
        )
        yield* db('decision.replace', (k) => k.deleteFrom('gs_decisions').where('case_id', '=', id).execute())
        yield* db('decision.insert', (k) =>
          k
            .insertInto('gs_decisions')
            .values(jsonColumns({ ...columns, case_id: id, basis: input.basis, refers_to: old.id }))
            .execute(),
        )
        yield* appendAudit({
          action: `case.decision.${input.basis}`,
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: row.ruleset,
          before: { status: row.status, decisionId: old.id, kind: old.kind, amount: old.amount },
          after: {
            status: to,
            decisionId: columns.id,
            refersTo: old.id,
            kind: input.kind,
            amount: columns.amount,
            reasons: input.reasons,
            overrides: columns.overrides,
            citedRules: guard.citedRules,
          },
        })
        // A revision without a second signature is signed now: its own letter is issued and frozen
        // (the old decision's letter stays as it was issued).
        if (!guard.secondSignature) yield* freezeLetter(id)
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}
