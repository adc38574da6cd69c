// Cases as stored: their rows, views, the queue, and the guarded reads and writes every action uses.
import { Context, Effect } from 'effect'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { stockholmDay } from '@vbe/core/calendar'
import { CASE_LIFECYCLE, ruleHeading, type Application, type CaseAction, type CaseAuthorship, type ScreeningResult } from '@vbe/core/grants'
import {
  appendAudit,
  authorise,
  Clock,
  CurrentUser,
  Db,
  Forbidden,
  iso,
  NotFound,
  hasRole,
  query,
  scopeDistricts,
  scopeOf,
  versionGuard,
  type Conflict,
  type DatabaseError,
} from '@vbe/server-kit'
import { type CaseStatus, type PersonRole, type Tables } from '../db/tables.js'
import { restore, type ScreeningColumns } from '../screenings/store.js'
import {
  assessmentViews,
  communicationView,
  decisionGuide,
  decisionRecord,
  decisionView,
  displayNames,
  nameOf,
  replacedView,
  replyDue,
  showCommunication,
  showDecision,
  toAssessments,
  type AssessmentView,
  type DecisionGuide,
  type ShownCommunication,
  type ShownDecision,
  type ShownReplacedDecision,
} from './record.js'

export { decisionView, type DecisionView } from './record.js'

/** The plugins (district programmes and rules) the app screens with. */
export class Plugins extends Context.Tag('grants/Plugins')<Plugins, ComposedPlugins>() {}

export type Deps = Db | Clock | CurrentUser | Plugins
export type Fx<A, E = never> = Effect.Effect<A, E | DatabaseError, Deps>

export const db = <A>(operation: string, f: (db: import('kysely').Kysely<Tables>) => Promise<A>) => query(operation, f)

export interface PersonInput {
  readonly role: PersonRole
  readonly name: string
  readonly email?: string | undefined
  readonly phone?: string | undefined
}

export interface CaseSummary {
  id: string
  applicationRef: string
  district: string
  programme: string
  associationName: string
  amountRequested: number
  outcome: ScreeningResult['outcome']
  humanDecisionRequired: boolean
  status: CaseStatus
  reportDue: string | null
  reportReceivedOn: string | null
  createdAt: string
  updatedAt: string
}

export interface CaseDetail extends CaseSummary {
  /** The case's number in its authority's diarium (as its letters give it); null until the first letter assigns it. */
  caseNumber: string | null
  /** The last day of the applicant's reply to a communication, while the reply is awaited (no adverse decision before it); else null. */
  replyDue: string | null
  application: Application
  screening: ScreeningResult
  rules: { id: string; heading: { sv: string; en: string } }[]
  persons: { id: string; role: PersonRole; name: string; email: string | null; phone: string | null; erased: boolean }[]
  /** `author` is the writer's display name (null when no user has that username). */
  notes: { id: string; author: string | null; text: string; at: string }[]
  decision: ShownDecision | null
  /** Decisions a correction or reconsideration replaced, newest first. */
  decisionHistory: ShownReplacedDecision[]
  /** Communications (kommunicering) sent to the applicant, oldest first. */
  communications: ShownCommunication[]
  /** Every evidence item with its assessment. */
  evidenceAssessments: AssessmentView[]
  /** What a decision on the case must override, cite and have signed. */
  decisionGuide: DecisionGuide
  /** `decidedBy` is the display name of who decided the reclaim (null when no user has that username). */
  reclaim: { amount: number; reasons: string; decidedBy: string | null; decidedAt: string; decisionId: string | null } | null
  conflict: { declared: boolean; conflict: boolean }
  /** The parts of this case's work the signed-in user did; each bars them from the second signature (CASE_LIFECYCLE's forbidSelf). */
  yourAuthorship: CaseAuthorship[]
  version: number
}

/** A case with its current screening's columns. */
export type CaseRow = Tables['gs_cases'] & ScreeningColumns
/** The queue's columns: no application or screening documents, no personal data. */
const SUMMARY_COLUMNS = [
  'c.id',
  'c.application_ref',
  'c.district',
  'c.programme',
  'c.association_name',
  'c.amount_requested',
  's.outcome',
  's.human_required',
  'c.status',
  'c.report_due',
  'c.report_received_on',
  'c.created_at',
  'c.updated_at',
] as const
type SummaryRow = Pick<
  CaseRow,
  | 'id'
  | 'application_ref'
  | 'district'
  | 'programme'
  | 'association_name'
  | 'amount_requested'
  | 'outcome'
  | 'human_required'
  | 'status'
  | 'report_due'
  | 'report_received_on'
  | 'created_at'
  | 'updated_at'
>
export const SCREENING_COLUMNS = ['s.outcome', 's.human_required', 's.ruleset', 's.screened_on', 's.findings'] as const

/** Cases joined with their screenings, as `c` and `s`. */
export const casesWithScreening = (k: import('kysely').Kysely<Tables>) =>
  k.selectFrom('gs_cases as c').innerJoin('gs_screenings as s', 's.case_id', 'c.id')

export const summary = (r: SummaryRow): CaseSummary => ({
  id: r.id,
  applicationRef: r.application_ref,
  district: r.district,
  programme: r.programme,
  associationName: r.association_name,
  amountRequested: r.amount_requested,
  outcome: r.outcome as ScreeningResult['outcome'],
  humanDecisionRequired: r.human_required,
  status: r.status,
  reportDue: r.report_due,
  reportReceivedOn: r.report_received_on,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

/** A case in the user's scope, or NotFound (other districts' cases do not exist for them). */
export function caseRow(id: string): Fx<CaseRow, NotFound> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const scope = scopeOf(user)
    const row = yield* db('case.get', (k) => {
      let q = casesWithScreening(k)
        .selectAll('c')
        .select([...SCREENING_COLUMNS])
        .where('c.id', '=', id)
      if (scope !== null) q = q.where('c.district', 'in', scopeDistricts(scope))
      return q.executeTakeFirst()
    })
    if (!row) return yield* new NotFound({ entity: { sv: 'ärendet', en: 'case' }, id })
    return row
  })
}

export function declarationOf(caseId: string, userId: string) {
  return db('conflict.get', (k) =>
    k.selectFrom('gs_conflicts').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst(),
  )
}

/**
 * Officers and approvers must declare "no conflict of interest" before they open a
 * case; one who declared a conflict is excluded from it.
 */
export function requireNoConflict(row: CaseRow): Fx<void, Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    if (!hasRole(user, ['officer', 'approver'])) return
    const d = yield* declarationOf(row.id, user.id)
    if (!d) {
      return yield* new Forbidden({
        detail: {
          sv: 'Ange om du är jävig innan du öppnar ärendet.',
          en: 'Declare whether you have a conflict of interest before opening this case.',
        },
        code: 'conflict-declaration-required',
      })
    }
    if (d.conflict) {
      return yield* new Forbidden({
        detail: {
          sv: 'Du har anmält jäv i ärendet och får inte handlägga det.',
          en: 'You declared a conflict of interest in this case and are excluded from it.',
        },
        code: 'conflict-declared',
      })
    }
  })
}

/**
 * The user may take `action` on the case: it is in their scope (else 404), core's case
 * lifecycle allows it (role, district, status, and four eyes: 403 or 409), and they have
 * declared no conflict of interest (unless `declared: false`, for the declaration
 * itself). `action` may depend on the case (decide or propose). Answers the case and the
 * status the action leads to.
 */
export function actOn(
  id: string,
  action: CaseAction | ((row: CaseRow) => CaseAction),
  options: { readonly declared?: boolean } = {},
): Fx<{ row: CaseRow; to: CaseStatus }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    const decision = yield* db('decision.author', (k) =>
      k.selectFrom('gs_decisions').select('decided_by').where('case_id', '=', id).executeTakeFirst(),
    )
    const assessors = yield* db('assessment.authors', (k) =>
      k.selectFrom('gs_evidence_assessments').select('assessed_by').where('case_id', '=', id).execute(),
    )
    const subject = {
      district: row.district,
      authors: { decidedBy: decision ? [decision.decided_by] : [], assessedBy: assessors.map((a) => a.assessed_by) },
    }
    const to = yield* authorise(CASE_LIFECYCLE, user, {
      action: typeof action === 'function' ? action(row) : action,
      status: row.status,
      subject,
    })
    if (options.declared !== false) yield* requireNoConflict(row)
    return { row, to }
  })
}

/** The full case. Reading it is logged, as it holds personal data. */
export function caseDetail(id: string, options: { logRead?: boolean } = {}): Fx<CaseDetail, NotFound | Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    if (options.logRead !== false) yield* requireNoConflict(row)
    const [persons, notes, rec, reclaim, declaration, number] = yield* Effect.all([
      db('persons', (k) => k.selectFrom('gs_persons').selectAll().where('case_id', '=', id).orderBy('role').orderBy('name').execute()),
      db('notes', (k) => k.selectFrom('gs_notes').selectAll().where('case_id', '=', id).orderBy('at').execute()),
      decisionRecord(id),
      db('reclaim', (k) => k.selectFrom('gs_reclaims').selectAll().where('case_id', '=', id).executeTakeFirst()),
      declarationOf(id, user.id),
      db('case-number', (k) => k.selectFrom('gs_case_numbers').select('case_number').where('case_id', '=', id).executeTakeFirst()),
    ])
    const { decision } = rec
    const application = row.application as Application
    const assessments = assessmentViews(application, rec.assessments)
    if (options.logRead !== false) yield* appendAudit({ action: 'case.read', entityType: 'case', entityId: id, district: row.district })
    const screening = yield* screeningOf(row)
    const maxAmount = (yield* Plugins).programme(row.programme)?.parameters.maxAmount
    const names = yield* displayNames([
      ...notes.map((n) => n.author),
      ...[...(decision ? [decision] : []), ...rec.history].flatMap((d) => [d.decided_by, d.approved_by]),
      ...rec.communications.flatMap((c) => [c.sent_by, c.reply_recorded_by]),
      reclaim?.decided_by ?? null,
    ])
    return {
      ...summary(row),
      caseNumber: number?.case_number ?? null,
      replyDue: replyDue(
        rec.communications,
        row.status === 'decided' && decision ? decision.decided_at : null,
        stockholmDay((yield* Clock).now()),
      ),
      application,
      screening,
      rules: [...new Set(screening.findings.map((f) => f.ruleId))].map((ruleId) => ({
        id: ruleId,
        heading: ruleHeading(ruleId) ?? { sv: ruleId, en: ruleId },
      })),
      persons: persons.map((p) => ({ id: p.id, role: p.role, name: p.name, email: p.email, phone: p.phone, erased: p.erased_at !== null })),
      notes: notes.map((n) => ({ id: n.id, author: nameOf(names, n.author), text: n.text, at: iso(n.at) })),
      decision: decision ? showDecision(decisionView(decision), names, user.username) : null,
      decisionHistory: rec.history.map((d) => showDecision(replacedView(d), names, user.username)),
      communications: rec.communications.map((c) => showCommunication(communicationView(c), names)),
      evidenceAssessments: assessments,
      decisionGuide: decisionGuide(screening, toAssessments(assessments), row.amount_requested, maxAmount),
      reclaim: reclaim
        ? {
            amount: reclaim.amount,
            reasons: reclaim.reasons,
            decidedBy: nameOf(names, reclaim.decided_by),
            decidedAt: iso(reclaim.decided_at),
            decisionId: reclaim.decision_id,
          }
        : null,
      conflict: { declared: declaration !== undefined, conflict: declaration?.conflict ?? false },
      yourAuthorship: [
        ...(decision?.decided_by === user.username ? (['decidedBy'] as const) : []),
        ...(rec.assessments.some((a) => a.assessed_by === user.username) ? (['assessedBy'] as const) : []),
      ],
      version: row.version,
    }
  })
}

/** The full screening result of a case row. */
export const screeningOf = (row: CaseRow) => Effect.flatMap(Plugins, (plugins) => restore(row.application_ref, row.programme, row, plugins))

export interface QueueFilter {
  readonly status?: CaseStatus | undefined
  readonly programme?: string | undefined
  readonly outcome?: ScreeningResult['outcome'] | undefined
  readonly dueBefore?: string | undefined
  readonly q?: string | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

/** The queue: summaries only, no personal data, in the user's scope. */
export function listCases(filter: QueueFilter): Fx<{ items: CaseSummary[]; total: number }> {
  return Effect.gen(function* () {
    const scope = scopeOf(yield* CurrentUser)
    return yield* db('cases.list', async (k) => {
      // Filters on the cases alone, so the count needs no join and the page is read in
      // index order (gs_cases_queue_order); only the page's rows are joined.
      let q = k.selectFrom('gs_cases as c')
      if (scope !== null) q = q.where('c.district', 'in', scopeDistricts(scope))
      if (filter.status) q = q.where('c.status', '=', filter.status)
      if (filter.programme) q = q.where('c.programme', '=', filter.programme)
      if (filter.outcome) q = q.where('c.id', 'in', k.selectFrom('gs_screenings').select('case_id').where('outcome', '=', filter.outcome))
      if (filter.dueBefore) q = q.where('c.report_due', '<=', filter.dueBefore)
      if (filter.q) q = q.where('c.association_name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
      const [rows, count] = await Promise.all([
        q
          .innerJoin('gs_screenings as s', 's.case_id', 'c.id')
          .select([...SUMMARY_COLUMNS])
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id')
          .limit(filter.limit ?? 200)
          .offset(filter.offset ?? 0)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(summary), total: Number(count.n) }
    })
  })
}

export function touch(id: string, status?: CaseStatus) {
  return Effect.flatMap(Clock, (clock) =>
    db('case.touch', (k) =>
      k
        .updateTable('gs_cases')
        .set((eb) => ({ updated_at: clock.now(), version: eb('version', '+', 1), ...(status ? { status } : {}) }))
        .where('id', '=', id)
        .execute(),
    ),
  )
}

/**
 * Moves the case to `status` inside the caller's transaction, only if nobody changed it
 * since `row` was read (its version): two officers deciding at once on two servers, or a
 * decision racing new evidence that would call for four eyes, end in one change and a
 * 409 for the other, never in both or in a decision on stale findings.
 */
export function transition(row: CaseRow, status: CaseStatus) {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    yield* versionGuard(
      db('case.transition', (k) =>
        k
          .updateTable('gs_cases')
          .set({ updated_at: now, version: row.version + 1, status })
          .where('id', '=', row.id)
          .where('version', '=', row.version)
          .returning('id')
          .execute(),
      ),
      {
        detail: {
          sv: 'Någon annan ändrade ärendet medan du arbetade med det (till exempel ett beslut eller ny bevisning). Ladda om ärendet och försök igen.',
          en: 'Someone else changed the case while you were working on it (a decision or new evidence, for example). Reload the case and try again.',
        },
      },
    )
  })
}
