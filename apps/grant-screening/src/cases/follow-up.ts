// Follow-up of granted cases: report dates and reclaims (återkrav).
import { Effect } from 'effect'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, NotFound, transaction } from '@vbe/server-kit'
import { db, actOn, type CaseDetail, type Fx, touch, caseDetail, caseRow, requireNoConflict } from './store.js'
import { grantedDecision } from './decisions.js'

export function setFollowUp(
  id: string,
  input: { reportDue?: string | null | undefined; reportReceivedOn?: string | null | undefined },
): Fx<CaseDetail, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const { row } = yield* actOn(id, 'follow-up')
    const decision = yield* grantedDecision(id)
    if (!decision || decision.kind === 'deny') {
      return yield* new Conflict({
        detail: {
          sv: 'Uppföljning gäller ett beviljat bidrag när beslutet är fattat.',
          en: 'Follow-up applies to a granted case once it is decided.',
        },
      })
    }
    const set: { report_due?: string | null; report_received_on?: string | null } = {}
    if (input.reportDue !== undefined) set.report_due = input.reportDue
    if (input.reportReceivedOn !== undefined) set.report_received_on = input.reportReceivedOn
    yield* transaction(
      Effect.gen(function* () {
        yield* db('followup', (k) => k.updateTable('gs_cases').set(set).where('id', '=', id).execute())
        yield* touch(id)
        yield* appendAudit({
          action: 'case.follow-up',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: { reportDue: row.report_due, reportReceivedOn: row.report_received_on },
          after: input,
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

export function reclaim(
  id: string,
  input: { amount: number; reasons: string; letterLocale?: 'sv' | 'en' | undefined },
): Fx<CaseDetail, NotFound | Forbidden | Conflict | Invalid> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row } = yield* actOn(id, 'reclaim')
    const decision = yield* grantedDecision(id)
    if (!decision || decision.kind === 'deny' || decision.amount === null) {
      return yield* new Conflict({
        detail: {
          sv: 'Återkrav gäller ett beviljat bidrag när beslutet är fattat.',
          en: 'A reclaim (återkrav) applies to a granted case once it is decided.',
        },
      })
    }
    if (input.amount > decision.amount) {
      return yield* new Invalid({
        detail: { sv: 'Återkravet innehåller fel.', en: 'The reclaim is invalid.' },
        problems: [
          {
            path: 'amount',
            message: {
              sv: `får vara högst ${decision.amount} kr, det belopp som beviljades`,
              en: `must be at most the ${decision.amount} kr granted`,
            },
          },
        ],
      })
    }
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('reclaim.get', (k) =>
          k.selectFrom('gs_reclaims').select('case_id').where('case_id', '=', id).executeTakeFirst(),
        )
        if (existing)
          return yield* new Conflict({
            detail: { sv: 'Det finns redan ett beslut om återkrav i ärendet.', en: 'A reclaim has already been decided for this case.' },
          })
        yield* db('reclaim.insert', (k) =>
          k
            .insertInto('gs_reclaims')
            .values({
              case_id: id,
              amount: input.amount,
              reasons: input.reasons,
              decided_by: user.username,
              decided_at: now,
              // The reclaim names the decision it takes money back from.
              decision_id: decision.id,
              letter_locale: input.letterLocale ?? decision.letter_locale,
            })
            .execute(),
        )
        yield* touch(id)
        yield* appendAudit({
          action: 'case.reclaim',
          entityType: 'case',
          entityId: id,
          district: row.district,
          after: { ...input, decisionId: decision.id },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** For the reclaim letter: the case, its reclaim and the decision reclaimed from (the current one, or one it replaced). The read is logged. */
export function reclaimLetterData(id: string) {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const rc = yield* db('reclaim.get', (k) => k.selectFrom('gs_reclaims').selectAll().where('case_id', '=', id).executeTakeFirst())
    if (!rc)
      return yield* new Conflict({
        detail: { sv: 'Det finns inget beslut om återkrav i ärendet.', en: 'No reclaim has been decided for this case.' },
      })
    const decisionId = rc.decision_id ?? ''
    const current = yield* db('reclaim.decision', (k) =>
      k.selectFrom('gs_decisions').select(['decided_at', 'approved_at', 'amount']).where('id', '=', decisionId).executeTakeFirst(),
    )
    const replaced = current
      ? undefined
      : yield* db('reclaim.decision.old', (k) =>
          k
            .selectFrom('gs_decision_history')
            .select(['decided_at', 'approved_at', 'amount'])
            .where('id', '=', decisionId)
            .executeTakeFirst(),
        )
    const decision = current ?? replaced
    yield* appendAudit({ action: 'case.reclaim.letter.read', entityType: 'case', entityId: id, district: row.district })
    return { row, reclaim: rc, decision: decision ?? null }
  })
}
