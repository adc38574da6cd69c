// Decisions, the second approval (four eyes) and the data of the decision letter.
import { Effect } from 'effect'
import { type ScreeningResult } from '@vbe/core/grants'
import {
  appendAudit,
  Clock,
  Conflict,
  CurrentUser,
  Forbidden,
  Invalid,
  NotFound,
  transaction,
  type FieldProblemText,
} from '@vbe/server-kit'
import { type DecisionKind } from '../db/tables.js'
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

export interface DecisionInput {
  readonly kind: DecisionKind
  readonly amount?: number | undefined
  readonly reasons: string
  readonly letterLocale: 'sv' | 'en'
}

/**
 * Decides a case. Where a democracy finding is not met or needs assessment, the
 * decision waits for a second officer's approval (four eyes), whichever way it goes.
 */
export function decide(id: string, input: DecisionInput): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    // Where a democracy finding needs a person's assessment, the decision is a proposal
    // that waits for a second signature (four eyes).
    const { row, to } = yield* actOn(id, (r) => (r.human_required ? 'propose' : 'decide'))
    const problems: FieldProblemText[] = []
    if (input.kind === 'partial') {
      if (input.amount === undefined)
        problems.push({
          path: 'amount',
          message: { sv: 'måste fyllas i när bidraget beviljas delvis', en: 'is required for a partial grant' },
        })
      else if (input.amount >= row.amount_requested) {
        problems.push({
          path: 'amount',
          message: {
            sv: `måste vara mindre än de ${row.amount_requested} kr som föreningen sökte (bevilja i stället hela beloppet)`,
            en: `must be less than the ${row.amount_requested} kr applied for (use approve for the full amount)`,
          },
        })
      }
    } else if (input.amount !== undefined)
      problems.push({
        path: 'amount',
        message: { sv: 'ska bara anges när bidraget beviljas delvis', en: `only applies to a partial grant, not to ${input.kind}` },
      })
    if (problems.length > 0)
      return yield* new Invalid({ detail: { sv: 'Beslutet innehåller fel.', en: 'The decision is invalid.' }, problems })
    const requiresSecond = row.human_required
    const now = (yield* Clock).now()
    const amount = input.kind === 'approve' ? row.amount_requested : input.kind === 'partial' ? input.amount! : null
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        // A re-screen (which changes screenings, not the case's version) may have changed
        // whether four eyes apply since the case was read: decide on the current screening only.
        const current = yield* db('decision.screening', (k) =>
          k.selectFrom('gs_screenings').select('human_required').where('case_id', '=', id).forShare().executeTakeFirst(),
        )
        if (current && current.human_required !== requiresSecond) {
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
            .values({
              case_id: id,
              kind: input.kind,
              amount,
              reasons: input.reasons,
              letter_locale: input.letterLocale,
              decided_by: user.username,
              decided_at: now,
              requires_second: requiresSecond,
              approved_by: null,
              approved_at: null,
            })
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
            status: requiresSecond ? 'awaiting_approval' : 'decided',
            kind: input.kind,
            amount,
            reasons: input.reasons,
            outcome: row.outcome,
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
        else yield* db('decision.reject', (k) => k.deleteFrom('gs_decisions').where('case_id', '=', id).execute())
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
