// Work on a case under review: evidence and notes.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import { type LocalizedText } from '@vbe/core'
import { screener, type Application } from '@vbe/core/grants'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, jsonb, NotFound, transaction } from '@vbe/server-kit'
import { changedRules, recordCatalogue, saveReasons, screeningRow, type FindingTuple } from '../screenings/store.js'
import { Plugins, actOn, type CaseDetail, type Fx, db, touch, caseDetail } from './store.js'
import { parseOrInvalid, screenApplication } from './screen.js'

/** Officers add an evidence item (with its source); the case is re-screened. */
export function addEvidence(id: string, evidence: unknown): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const { row, to } = yield* actOn(id, 'evidence')
    const old = row.application as Application
    const next = yield* parseOrInvalid({ ...old, evidence: [...old.evidence, evidence] }).pipe(
      Effect.mapError(
        (e) =>
          new Invalid({
            detail: { sv: 'Underlaget innehåller fel.', en: 'The evidence item is invalid.' },
            problems: e.problems.map((p) => ({
              path: p.path.replace(/^application\.evidence\[\d+\]\.?/, '') || '(body)',
              message: p.message,
            })),
          }),
      ),
    )
    const result = yield* screenApplication(next)
    const catalogue = screener(yield* Plugins).catalogue
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        yield* db('case.evidence', (k) =>
          k
            .updateTable('gs_cases')
            .set({ application: jsonb(next) })
            .where('id', '=', id)
            .execute(),
        )
        const reasons = new Map<string, LocalizedText>()
        const { case_id: _, ...screening } = screeningRow(id, result, catalogue, now, reasons)
        yield* recordCatalogue(catalogue)
        yield* saveReasons(reasons)
        yield* db('case.rescreen', (k) => k.updateTable('gs_screenings').set(screening).where('case_id', '=', id).execute())
        yield* touch(id, to)
        yield* appendAudit({
          action: 'case.evidence.add',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: result.ruleset.version,
          before: { outcome: row.outcome },
          after: {
            evidence: next.evidence.at(-1),
            outcome: result.outcome,
            changedFindings: changedRules(JSON.parse(row.findings) as FindingTuple[], JSON.parse(screening.findings) as FindingTuple[]),
          },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

export function addNote(id: string, text: string): Fx<CaseDetail, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row, to } = yield* actOn(id, 'note')
    const now = (yield* Clock).now()
    const noteId = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        yield* db('note.insert', (k) =>
          k.insertInto('gs_notes').values({ id: noteId, case_id: id, author: user.username, text, at: now }).execute(),
        )
        yield* touch(id, to)
        yield* appendAudit({ action: 'case.note.add', entityType: 'case', entityId: id, district: row.district, after: { noteId, text } })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}
