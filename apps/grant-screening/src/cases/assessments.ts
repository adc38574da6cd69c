// Evidence assessment: a named officer marks each evidence item unassessed, assessed and
// relevant, or dismissed with a reason. Only relevant items carry a democracy finding into
// a decision, and only they may appear in a letter to the applicant.
import { Effect } from 'effect'
import { EVIDENCE_ASSESSMENT_TERMS, type Application, type EvidenceAssessmentStatus } from '@vbe/core/grants'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, NotFound, transaction } from '@vbe/server-kit'
import { actOn, caseDetail, db, touch, type CaseDetail, type Fx } from './store.js'

export interface AssessmentInput {
  readonly status: EvidenceAssessmentStatus
  readonly reason?: string | undefined
}

/** Records an officer's assessment of one evidence item of the case (404 for an item the case does not have). */
export function assessEvidence(
  id: string,
  evidenceId: string,
  input: AssessmentInput,
): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row, to } = yield* actOn(id, 'assess')
    const item = (row.application as Application).evidence.find((e) => e.id === evidenceId)
    if (!item) return yield* new NotFound({ entity: { sv: 'underlaget', en: 'evidence item' }, id: evidenceId })
    const reason = input.reason?.trim() ?? ''
    if (EVIDENCE_ASSESSMENT_TERMS[input.status].needsReason && reason === '')
      return yield* new Invalid({
        detail: { sv: 'Bedömningen innehåller fel.', en: 'The assessment is invalid.' },
        problems: [{ path: 'reason', message: { sv: 'behövs när underlaget avfärdas', en: 'is required to dismiss an evidence item' } }],
      })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const before = yield* db('assessment.get', (k) =>
          k
            .selectFrom('gs_evidence_assessments')
            .select(['status', 'reason'])
            .where('case_id', '=', id)
            .where('evidence_id', '=', evidenceId)
            .executeTakeFirst(),
        )
        const values = {
          status: input.status,
          reason: reason === '' ? null : reason,
          assessed_by: user.username,
          assessed_by_name: user.displayName,
          assessed_at: now,
        }
        yield* db('assessment.put', (k) =>
          k
            .insertInto('gs_evidence_assessments')
            .values({ case_id: id, evidence_id: evidenceId, ...values })
            .onConflict((oc) => oc.columns(['case_id', 'evidence_id']).doUpdateSet(values))
            .execute(),
        )
        yield* touch(id, to)
        yield* appendAudit({
          action: 'case.evidence.assess',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: { evidenceId, status: before?.status ?? 'unassessed', reason: before?.reason ?? null },
          after: { evidenceId, status: input.status, reason: values.reason },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}
