import { randomUUID } from 'node:crypto'
import { Context, Effect } from 'effect'
import { sql } from 'kysely'
import { ValidationError, type FieldProblem } from '@vbe/core'
import type { ComposedPlugins } from '@vbe/core/plugins'
import {
  diffFindings,
  parseApplication,
  ProgrammeNotInForceError,
  ruleHeading,
  screener,
  UnknownProgrammeError,
  type Application,
  type ScreeningResult,
} from '@vbe/core/grants'
import {
  appendAudit,
  appendAuditBatchAs,
  Clock,
  Conflict,
  CurrentUser,
  Db,
  eraseFromAudit,
  Forbidden,
  Invalid,
  iso,
  jsonb,
  NotFound,
  query,
  transaction,
  type DatabaseError,
  type SessionUser,
} from '@vbe/server-kit'
import { stockholmDay } from './plugins.js'
import { OPEN_STATUSES, type CaseStatus, type DecisionKind, type PersonRole, type Tables } from './schema.js'

/** The plugins (district programmes and rules) the app screens with. */
export class Plugins extends Context.Tag('grants/Plugins')<Plugins, ComposedPlugins>() {}

type Deps = Db | Clock | CurrentUser | Plugins
type Fx<A, E = never> = Effect.Effect<A, E | DatabaseError, Deps>

const db = <A>(operation: string, f: (db: import('kysely').Kysely<Tables>) => Promise<A>) => query(operation, f)

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

export interface DecisionView {
  kind: DecisionKind
  amount: number | null
  reasons: string
  letterLocale: 'sv' | 'en'
  decidedBy: string
  decidedAt: string
  requiresSecondApproval: boolean
  approvedBy: string | null
  approvedAt: string | null
}

export interface CaseDetail extends CaseSummary {
  application: Application
  screening: ScreeningResult
  rules: { id: string; heading: { sv: string; en: string } }[]
  persons: { id: string; role: PersonRole; name: string; email: string | null; phone: string | null; erased: boolean }[]
  notes: { id: string; author: string; text: string; at: string }[]
  decision: DecisionView | null
  reclaim: { amount: number; reasons: string; decidedBy: string; decidedAt: string } | null
  conflict: { declared: boolean; conflict: boolean }
  version: number
}

type CaseRow = Tables['gs_cases']
/** The queue's columns: no application or screening documents, no personal data. */
const SUMMARY_COLUMNS = ['id', 'application_ref', 'district', 'programme', 'association_name', 'amount_requested', 'outcome', 'human_required', 'status', 'report_due', 'report_received_on', 'created_at', 'updated_at'] as const
type SummaryRow = Pick<CaseRow, (typeof SUMMARY_COLUMNS)[number]>

const summary = (r: SummaryRow): CaseSummary => ({
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

const has = (user: SessionUser, role: SessionUser['roles'][number]) => user.roles.includes(role)
const cityWide = (user: SessionUser) => user.district === null && (has(user, 'admin') || has(user, 'auditor'))
/** The districts whose cases a user may see: all (null) or their own. */
export const scopeOf = (user: SessionUser): string | null => (cityWide(user) ? null : (user.district ?? '\u0000none'))

/** Screens one application with the app's plugins on the clock's day; programme problems become field problems. */
export function screenApplication(application: Application): Effect.Effect<ScreeningResult, Invalid, Clock | Plugins> {
  return Effect.gen(function* () {
    const plugins = yield* Plugins
    const on = stockholmDay((yield* Clock).now())
    try {
      return screener(plugins).screen(application, on)
    } catch (error) {
      if (error instanceof UnknownProgrammeError || error instanceof ProgrammeNotInForceError) {
        return yield* new Invalid({ detail: 'The application names a programme that cannot be screened.', problems: [{ path: 'application.programme', message: error.message }] })
      }
      throw error
    }
  })
}

/** Parses an application from outside, naming each bad field under `prefix`. */
export function parseOrInvalid(input: unknown, prefix = 'application'): Effect.Effect<Application, Invalid> {
  const parsed = parseApplication(input)
  if (parsed instanceof ValidationError) {
    return Effect.fail(new Invalid({ detail: 'The application is invalid.', problems: parsed.problems.map((p) => ({ path: p.path === '(root)' ? prefix : `${prefix}.${p.path}`, message: p.message })) }))
  }
  return Effect.succeed(parsed)
}

const districtOfProgramme = (programme: string) => programme.split('/')[0]!

/** Intake: parse, check scope, screen, store the case and its persons, and audit it. */
export function createCase(input: unknown, persons: readonly PersonInput[] = []): Fx<CaseDetail, Invalid | Forbidden | Conflict | NotFound> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const application = yield* parseOrInvalid(input)
    const district = districtOfProgramme(application.programme)
    const scope = scopeOf(user)
    if (scope !== null && scope !== district) {
      return yield* new Invalid({ detail: 'You can only take in applications for your own district.', problems: [{ path: 'application.programme', message: `belongs to ${district}; you work in ${user.district ?? 'no district'}` }] })
    }
    const result = yield* screenApplication(application)
    const now = (yield* Clock).now()
    const id = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('case.dup', (k) => k.selectFrom('gs_cases').select('id').where('programme', '=', application.programme).where('application_ref', '=', application.id).executeTakeFirst())
        if (existing) return yield* new Conflict({ detail: `Application ${application.id} in ${application.programme} is already case ${existing.id}.`, current: { id: existing.id } })
        yield* db('case.insert', (k) =>
          k
            .insertInto('gs_cases')
            .values({
              id,
              application_ref: application.id,
              district,
              programme: application.programme,
              association_name: application.association.name,
              organisation_number: application.association.organisationNumber,
              amount_requested: application.amountRequested,
              application: jsonb(application),
              screening: jsonb(result),
              outcome: result.outcome,
              human_required: result.humanDecisionRequired,
              ruleset: result.ruleset.version,
              status: 'new',
              report_due: null,
              report_received_on: null,
              created_by: user.username,
              created_at: now,
              updated_at: now,
              version: 1,
            })
            .execute(),
        )
        yield* appendAudit({ action: 'case.create', entityType: 'case', entityId: id, district, ruleset: result.ruleset.version, after: { application, outcome: result.outcome } })
        for (const p of persons) {
          const personId = randomUUID()
          yield* db('person.insert', (k) => k.insertInto('gs_persons').values({ id: personId, case_id: id, role: p.role, name: p.name, email: p.email ?? null, phone: p.phone ?? null, erased_at: null }).execute())
          yield* appendAudit({ action: 'person.create', entityType: 'person', entityId: personId, district, after: { caseId: id, ...p } })
        }
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** A case in the user's scope, or NotFound (other districts' cases do not exist for them). */
function caseRow(id: string): Fx<CaseRow, NotFound> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const scope = scopeOf(user)
    const row = yield* db('case.get', (k) => {
      let q = k.selectFrom('gs_cases').selectAll().where('id', '=', id)
      if (scope !== null) q = q.where('district', '=', scope)
      return q.executeTakeFirst()
    })
    if (!row) return yield* new NotFound({ entity: 'case', id })
    return row
  })
}

function declarationOf(caseId: string, userId: string) {
  return db('conflict.get', (k) => k.selectFrom('gs_conflicts').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst())
}

/**
 * Officers and approvers must declare "no conflict of interest" before they open a
 * case; one who declared a conflict is excluded from it.
 */
function requireNoConflict(row: CaseRow): Fx<void, Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    if (!(has(user, 'officer') || has(user, 'approver'))) return
    const d = yield* declarationOf(row.id, user.id)
    if (!d) return yield* new Forbidden({ detail: 'Declare whether you have a conflict of interest before opening this case.', code: 'conflict-declaration-required' })
    if (d.conflict) return yield* new Forbidden({ detail: 'You declared a conflict of interest in this case and are excluded from it.', code: 'conflict-declared' })
  })
}

/** The user may act on the case: officer (or the given role), in scope, no conflict. */
function actOn(id: string, role: 'officer' | 'approver' = 'officer'): Fx<CaseRow, NotFound | Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    if (!has(user, role)) return yield* new Forbidden({ detail: `Only an ${role} can do this.`, code: 'role' })
    yield* requireNoConflict(row)
    return row
  })
}

export function declareConflict(id: string, conflict: boolean, comment: string | undefined): Fx<{ declared: true; conflict: boolean }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    if (!(has(user, 'officer') || has(user, 'approver'))) return yield* new Forbidden({ detail: 'Only officers and approvers declare conflicts of interest.', code: 'role' })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const prior = yield* declarationOf(id, user.id)
        if (prior?.conflict && !conflict) return yield* new Conflict({ detail: 'You declared a conflict of interest in this case; that exclusion stands and cannot be withdrawn here.' })
        if (prior && prior.conflict === conflict) return
        yield* db('conflict.upsert', (k) =>
          k
            .insertInto('gs_conflicts')
            .values({ case_id: id, user_id: user.id, username: user.username, conflict, comment: comment ?? null, at: now })
            .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ conflict, comment: comment ?? null, at: now }))
            .execute(),
        )
        yield* appendAudit({
          action: conflict ? 'case.conflict.excluded' : 'case.conflict.none',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: prior ? { conflict: prior.conflict } : null,
          after: { conflict, ...(comment ? { comment } : {}) },
        })
      }),
    )
    return { declared: true as const, conflict }
  })
}

/** The full case. Reading it is logged, as it holds personal data. */
export function caseDetail(id: string, options: { logRead?: boolean } = {}): Fx<CaseDetail, NotFound | Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    if (options.logRead !== false) yield* requireNoConflict(row)
    const [persons, notes, decision, reclaim, declaration] = yield* Effect.all([
      db('persons', (k) => k.selectFrom('gs_persons').selectAll().where('case_id', '=', id).orderBy('role').orderBy('name').execute()),
      db('notes', (k) => k.selectFrom('gs_notes').selectAll().where('case_id', '=', id).orderBy('at').execute()),
      db('decision', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirst()),
      db('reclaim', (k) => k.selectFrom('gs_reclaims').selectAll().where('case_id', '=', id).executeTakeFirst()),
      declarationOf(id, user.id),
    ])
    if (options.logRead !== false) yield* appendAudit({ action: 'case.read', entityType: 'case', entityId: id, district: row.district })
    const screening = row.screening as ScreeningResult
    return {
      ...summary(row),
      application: row.application as Application,
      screening,
      rules: [...new Set(screening.findings.map((f) => f.ruleId))].map((ruleId) => ({ id: ruleId, heading: ruleHeading(ruleId) ?? { sv: ruleId, en: ruleId } })),
      persons: persons.map((p) => ({ id: p.id, role: p.role, name: p.name, email: p.email, phone: p.phone, erased: p.erased_at !== null })),
      notes: notes.map((n) => ({ id: n.id, author: n.author, text: n.text, at: iso(n.at) })),
      decision: decision ? decisionView(decision) : null,
      reclaim: reclaim ? { amount: reclaim.amount, reasons: reclaim.reasons, decidedBy: reclaim.decided_by, decidedAt: iso(reclaim.decided_at) } : null,
      conflict: { declared: declaration !== undefined, conflict: declaration?.conflict ?? false },
      version: row.version,
    }
  })
}

const decisionView = (d: Tables['gs_decisions']): DecisionView => ({
  kind: d.kind,
  amount: d.amount,
  reasons: d.reasons,
  letterLocale: d.letter_locale,
  decidedBy: d.decided_by,
  decidedAt: iso(d.decided_at),
  requiresSecondApproval: d.requires_second,
  approvedBy: d.approved_by,
  approvedAt: d.approved_at ? iso(d.approved_at) : null,
})

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
      let q = k.selectFrom('gs_cases')
      if (scope !== null) q = q.where('district', '=', scope)
      if (filter.status) q = q.where('status', '=', filter.status)
      if (filter.programme) q = q.where('programme', '=', filter.programme)
      if (filter.outcome) q = q.where('outcome', '=', filter.outcome)
      if (filter.dueBefore) q = q.where('report_due', '<=', filter.dueBefore)
      if (filter.q) q = q.where('association_name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
      const [rows, count] = await Promise.all([
        q.select([...SUMMARY_COLUMNS]).orderBy('created_at', 'desc').orderBy('id').limit(filter.limit ?? 200).offset(filter.offset ?? 0).execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(summary), total: Number(count.n) }
    })
  })
}

function touch(id: string, status?: CaseStatus) {
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

/** Officers add an evidence item (with its source); the case is re-screened. */
export function addEvidence(id: string, evidence: unknown): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const row = yield* actOn(id)
    if (row.status === 'decided' || row.status === 'awaiting_approval') return yield* new Conflict({ detail: 'Evidence can only be added before a decision is proposed.' })
    const old = row.application as Application
    const next = yield* parseOrInvalid({ ...old, evidence: [...old.evidence, evidence] }).pipe(
      Effect.mapError((e) => new Invalid({ detail: 'The evidence item is invalid.', problems: e.problems.map((p) => ({ path: p.path.replace(/^application\.evidence\[\d+\]\.?/, '') || '(body)', message: p.message })) })),
    )
    const result = yield* screenApplication(next)
    yield* transaction(
      Effect.gen(function* () {
        yield* db('case.evidence', (k) =>
          k
            .updateTable('gs_cases')
            .set({ application: jsonb(next), screening: jsonb(result), outcome: result.outcome, human_required: result.humanDecisionRequired, ruleset: result.ruleset.version })
            .where('id', '=', id)
            .execute(),
        )
        yield* touch(id, row.status === 'new' ? 'in_review' : undefined)
        yield* appendAudit({
          action: 'case.evidence.add',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: result.ruleset.version,
          before: { outcome: row.outcome },
          after: { evidence: next.evidence.at(-1), outcome: result.outcome, changedFindings: diffFindings((row.screening as ScreeningResult).findings, result.findings).map((c) => c.ruleId) },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

export function addNote(id: string, text: string): Fx<CaseDetail, NotFound | Forbidden> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    if (!(has(user, 'officer') || has(user, 'approver'))) return yield* new Forbidden({ detail: 'Only officers and approvers add notes.', code: 'role' })
    yield* requireNoConflict(row)
    const now = (yield* Clock).now()
    const noteId = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        yield* db('note.insert', (k) => k.insertInto('gs_notes').values({ id: noteId, case_id: id, author: user.username, text, at: now }).execute())
        yield* touch(id, row.status === 'new' ? 'in_review' : undefined)
        yield* appendAudit({ action: 'case.note.add', entityType: 'case', entityId: id, district: row.district, after: { noteId, text } })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

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
    const row = yield* actOn(id)
    if (row.status === 'decided' || row.status === 'awaiting_approval') return yield* new Conflict({ detail: `The case is already ${row.status === 'decided' ? 'decided' : 'awaiting a second approval'}.` })
    const problems: FieldProblem[] = []
    if (input.kind === 'partial') {
      if (input.amount === undefined) problems.push({ path: 'amount', message: 'is required for a partial grant' })
      else if (input.amount >= row.amount_requested) problems.push({ path: 'amount', message: `must be less than the ${row.amount_requested} kr applied for (use approve for the full amount)` })
    } else if (input.amount !== undefined) problems.push({ path: 'amount', message: `only applies to a partial grant, not to ${input.kind}` })
    if (problems.length > 0) return yield* new Invalid({ detail: 'The decision is invalid.', problems })
    const requiresSecond = row.human_required
    const now = (yield* Clock).now()
    const amount = input.kind === 'approve' ? row.amount_requested : input.kind === 'partial' ? input.amount! : null
    yield* transaction(
      Effect.gen(function* () {
        yield* db('decision.insert', (k) =>
          k
            .insertInto('gs_decisions')
            .values({ case_id: id, kind: input.kind, amount, reasons: input.reasons, letter_locale: input.letterLocale, decided_by: user.username, decided_at: now, requires_second: requiresSecond, approved_by: null, approved_at: null })
            .execute(),
        )
        yield* touch(id, requiresSecond ? 'awaiting_approval' : 'decided')
        yield* appendAudit({
          action: requiresSecond ? 'case.decision.propose' : 'case.decision.final',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: row.ruleset,
          before: { status: row.status },
          after: { status: requiresSecond ? 'awaiting_approval' : 'decided', kind: input.kind, amount, reasons: input.reasons, outcome: row.outcome },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** The second signature: another person, an approver without a conflict, approves or sends the decision back. */
export function approve(id: string, approveIt: boolean, comment: string | undefined): Fx<CaseDetail, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* actOn(id, 'approver')
    if (row.status !== 'awaiting_approval') return yield* new Conflict({ detail: 'The case is not awaiting a second approval.' })
    const decision = yield* db('decision.get', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow())
    if (decision.decided_by === user.username) return yield* new Forbidden({ detail: 'Four eyes: the second approval must come from someone other than the officer who decided.', code: 'four-eyes' })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        if (approveIt) {
          yield* db('decision.approve', (k) => k.updateTable('gs_decisions').set({ approved_by: user.username, approved_at: now }).where('case_id', '=', id).execute())
          yield* touch(id, 'decided')
        } else {
          yield* db('decision.reject', (k) => k.deleteFrom('gs_decisions').where('case_id', '=', id).execute())
          yield* touch(id, 'in_review')
        }
        yield* appendAudit({
          action: approveIt ? 'case.decision.approve' : 'case.decision.send-back',
          entityType: 'case',
          entityId: id,
          district: row.district,
          ruleset: row.ruleset,
          before: { status: row.status, decision: decisionView(decision) },
          after: { status: approveIt ? 'decided' : 'in_review', ...(comment ? { comment } : {}) },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

function grantedDecision(id: string) {
  return db('decision.get', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirst())
}

export function setFollowUp(id: string, input: { reportDue?: string | null | undefined; reportReceivedOn?: string | null | undefined }): Fx<CaseDetail, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* actOn(id)
    const decision = yield* grantedDecision(id)
    if (row.status !== 'decided' || !decision || decision.kind === 'deny') return yield* new Conflict({ detail: 'Follow-up applies to a granted case once it is decided.' })
    const set: { report_due?: string | null; report_received_on?: string | null } = {}
    if (input.reportDue !== undefined) set.report_due = input.reportDue
    if (input.reportReceivedOn !== undefined) set.report_received_on = input.reportReceivedOn
    yield* transaction(
      Effect.gen(function* () {
        yield* db('followup', (k) => k.updateTable('gs_cases').set(set).where('id', '=', id).execute())
        yield* touch(id)
        yield* appendAudit({ action: 'case.follow-up', entityType: 'case', entityId: id, district: row.district, before: { reportDue: row.report_due, reportReceivedOn: row.report_received_on }, after: input })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

export function reclaim(id: string, input: { amount: number; reasons: string }): Fx<CaseDetail, NotFound | Forbidden | Conflict | Invalid> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* actOn(id)
    const decision = yield* grantedDecision(id)
    if (row.status !== 'decided' || !decision || decision.kind === 'deny' || decision.amount === null) return yield* new Conflict({ detail: 'A reclaim (återkrav) applies to a granted case once it is decided.' })
    if (input.amount > decision.amount) return yield* new Invalid({ detail: 'The reclaim is invalid.', problems: [{ path: 'amount', message: `must be at most the ${decision.amount} kr granted` }] })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('reclaim.get', (k) => k.selectFrom('gs_reclaims').select('case_id').where('case_id', '=', id).executeTakeFirst())
        if (existing) return yield* new Conflict({ detail: 'A reclaim has already been decided for this case.' })
        yield* db('reclaim.insert', (k) => k.insertInto('gs_reclaims').values({ case_id: id, amount: input.amount, reasons: input.reasons, decided_by: user.username, decided_at: now }).execute())
        yield* touch(id)
        yield* appendAudit({ action: 'case.reclaim', entityType: 'case', entityId: id, district: row.district, after: input })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** For the letter: a decided case's screening and decision. */
export function letterData(id: string): Fx<{ row: CaseRow; decision: DecisionView }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const decision = yield* grantedDecision(id)
    if (row.status !== 'decided' || !decision) return yield* new Conflict({ detail: 'The decision letter exists once the case is decided (after any second approval).' })
    yield* appendAudit({ action: 'case.letter.read', entityType: 'case', entityId: id, district: row.district })
    return { row, decision: decisionView(decision) }
  })
}

export interface RescreenFlip {
  caseId: string
  district: string
  programme: string
  associationName: string
  from: ScreeningResult['outcome']
  to: ScreeningResult['outcome']
  changedRules: string[]
}
export interface RescreenRun {
  id: string
  at: string
  actor: string
  checked: number
  changed: number
  flips: RescreenFlip[]
}

/**
 * Re-screens every open case with the current rules on today's date, in batches, and
 * stores the new results. Cases whose outcome flips are listed in the run; every
 * changed case gets an audit event.
 */
export function rescreenOpenCases(options: { batch?: number; onProgress?: (done: number) => void } = {}): Fx<RescreenRun> {
  const batch = options.batch ?? 5000
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const plugins = yield* Plugins
    const now = (yield* Clock).now()
    const on = stockholmDay(now)
    const s = screener(plugins)
    const flips: RescreenFlip[] = []
    let checked = 0
    let changed = 0
    let after = ''
    for (;;) {
      const rows = yield* db('rescreen.read', (k) =>
        k
          .selectFrom('gs_cases')
          .select(['id', 'district', 'programme', 'association_name', 'application', 'outcome', 'screening', 'ruleset'])
          .where('status', 'in', [...OPEN_STATUSES])
          .where('id', '>', after)
          .orderBy('id')
          .limit(batch)
          .execute(),
      )
      if (rows.length === 0) break
      after = rows[rows.length - 1]!.id
      const updates: Array<{ id: string; s: ScreeningResult; o: string; h: boolean; r: string }> = []
      const events: Parameters<typeof appendAuditBatchAs>[1][number][] = []
      for (const r of rows) {
        checked++
        let result: ScreeningResult
        try {
          result = s.screen(r.application as Application, on)
        } catch {
          continue // a programme no longer in force: leave the case as it is
        }
        const before = r.screening as ScreeningResult
        const changes = diffFindings(before.findings, result.findings)
        if (changes.length === 0 && result.outcome === r.outcome && result.ruleset.version === r.ruleset) continue
        changed++
        updates.push({ id: r.id, s: result, o: result.outcome, h: result.humanDecisionRequired, r: result.ruleset.version })
        const changedRules = [...new Set(changes.map((c) => c.ruleId))]
        events.push({ action: 'case.rescreen', entityType: 'case', entityId: r.id, district: r.district, ruleset: result.ruleset.version, before: { outcome: r.outcome, ruleset: r.ruleset }, after: { outcome: result.outcome, changedRules } })
        if (result.outcome !== r.outcome) flips.push({ caseId: r.id, district: r.district, programme: r.programme, associationName: r.association_name, from: r.outcome as ScreeningResult['outcome'], to: result.outcome, changedRules })
      }
      if (updates.length > 0) {
        yield* transaction(
          Effect.gen(function* () {
            yield* db('rescreen.write', (k) =>
              sql`update gs_cases c set screening = v.s, outcome = v.o, human_required = v.h, ruleset = v.r, updated_at = ${now}, version = c.version + 1
                  from jsonb_to_recordset(cast(${JSON.stringify(updates)} as text)::jsonb) as v(id text, s jsonb, o text, h boolean, r text)
                  where c.id = v.id`.execute(k),
            )
            yield* appendAuditBatchAs(user.username, events)
          }),
        )
      }
      options.onProgress?.(checked)
    }
    const run: RescreenRun = { id: randomUUID(), at: now.toISOString(), actor: user.username, checked, changed, flips }
    yield* db('rescreen.run', (k) => k.insertInto('gs_rescreen_runs').values({ id: run.id, at: now, actor: run.actor, checked, changed, flips: jsonb(flips) }).execute())
    return run
  })
}

/** Re-screen runs, newest first, with only the flips in the user's scope. */
export function listRescreenRuns(): Fx<RescreenRun[]> {
  return Effect.gen(function* () {
    const scope = scopeOf(yield* CurrentUser)
    const rows = yield* db('rescreen.list', (k) => k.selectFrom('gs_rescreen_runs').selectAll().orderBy('at', 'desc').limit(50).execute())
    return rows.map((r) => {
      const flips = (r.flips as RescreenFlip[]).filter((f) => scope === null || f.district === scope)
      return { id: r.id, at: iso(r.at), actor: r.actor, checked: scope === null ? r.checked : flips.length, changed: scope === null ? r.changed : flips.length, flips }
    })
  })
}

// ---- GDPR -------------------------------------------------------------------------

export interface PersonMatch {
  id: string
  name: string
  role: PersonRole
  caseId: string
  district: string
  erased: boolean
}

export function findPersons(q: string): Fx<PersonMatch[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return db('persons.find', (k) =>
    k
      .selectFrom('gs_persons as p')
      .innerJoin('gs_cases as c', 'c.id', 'p.case_id')
      .select(['p.id', 'p.name', 'p.role', 'p.case_id', 'c.district', 'p.erased_at'])
      .where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern), eb('p.phone', 'ilike', pattern)]))
      .orderBy('p.name')
      .limit(100)
      .execute(),
  ).pipe(Effect.map((rows) => rows.map((r) => ({ id: r.id, name: r.name, role: r.role, caseId: r.case_id, district: r.district, erased: r.erased_at !== null }))))
}

/** Everything stored about one person: the person record, the case it belongs to, and the audit events about them. */
export function exportPerson(personId: string): Fx<unknown, NotFound> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) => k.selectFrom('gs_persons').selectAll().where('id', '=', personId).executeTakeFirst())
    if (!p) return yield* new NotFound({ entity: 'person', id: personId })
    const c = yield* db('person.case', (k) => k.selectFrom('gs_cases').selectAll().where('id', '=', p.case_id).executeTakeFirstOrThrow())
    const events = yield* db('person.audit', (k) => k.selectFrom('vbe_audit_events').select(['seq', 'at', 'actor', 'action', 'after']).where('entity_type', '=', 'person').where('entity_id', '=', personId).orderBy('seq').execute())
    const exportedAt = (yield* Clock).now().toISOString()
    yield* appendAudit({ action: 'person.export', entityType: 'person', entityId: personId, district: c.district })
    return {
      exportedAt,
      person: { id: p.id, role: p.role, name: p.name, email: p.email, phone: p.phone, erased: p.erased_at !== null },
      case: { ...summary(c), association: (c.application as Application).association.name },
      auditEvents: events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, data: e.after })),
    }
  })
}

/** Erases a person: the record becomes a tombstone, and so do the audit payloads about them; the chain still verifies. */
export function erasePerson(personId: string, reason: string): Fx<{ erased: true; tombstones: number }, NotFound | Conflict> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) => k.selectFrom('gs_persons as p').innerJoin('gs_cases as c', 'c.id', 'p.case_id').select(['p.id', 'p.erased_at', 'c.district']).where('p.id', '=', personId).executeTakeFirst())
    if (!p) return yield* new NotFound({ entity: 'person', id: personId })
    if (p.erased_at) return yield* new Conflict({ detail: 'This person has already been erased.' })
    const now = (yield* Clock).now()
    return yield* transaction(
      Effect.gen(function* () {
        yield* db('person.erase', (k) => k.updateTable('gs_persons').set({ name: '[raderad / erased]', email: null, phone: null, erased_at: now }).where('id', '=', personId).execute())
        const { tombstoned } = yield* eraseFromAudit({ entities: [{ entityType: 'person', entityId: personId }], reason, subject: { entityType: 'person', entityId: personId }, district: p.district })
        return { erased: true as const, tombstones: tombstoned }
      }),
    )
  })
}
