import { randomUUID } from 'node:crypto'
import { Context, Effect } from 'effect'
import { sql } from 'kysely'
import { ValidationError, type LocalizedText } from '@vbe/core'
import type { ComposedPlugins } from '@vbe/core/plugins'
import {
  parseApplication,
  ProgrammeNotInForceError,
  ruleHeading,
  screener,
  storeScreening,
  CASE_LIFECYCLE,
  OPEN_CASE_STATUSES,
  UnknownProgrammeError,
  type CaseAction,
  type Application,
  type ScreeningResult,
} from '@vbe/core/grants'
import {
  appendAudit,
  appendAuditBatchAs,
  authorise,
  hasRole,
  inScope,
  scopeDistricts,
  scopeOf,
  insertRows,
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
  type FieldProblemText,
  type SessionUser,
} from '@vbe/server-kit'
import { stockholmDay } from './plugins.js'
import { type CaseStatus, type DecisionKind, type PersonRole, type Tables } from './schema.js'
import { changedRules, encodeFindings, recordCatalogue, restore, saveReasons, screeningRow, type FindingTuple, type ScreeningColumns } from './screenings.js'

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

/** A case with its current screening's columns. */
type CaseRow = Tables['gs_cases'] & ScreeningColumns
/** The queue's columns: no application or screening documents, no personal data. */
const SUMMARY_COLUMNS = ['c.id', 'c.application_ref', 'c.district', 'c.programme', 'c.association_name', 'c.amount_requested', 's.outcome', 's.human_required', 'c.status', 'c.report_due', 'c.report_received_on', 'c.created_at', 'c.updated_at'] as const
type SummaryRow = Pick<CaseRow, 'id' | 'application_ref' | 'district' | 'programme' | 'association_name' | 'amount_requested' | 'outcome' | 'human_required' | 'status' | 'report_due' | 'report_received_on' | 'created_at' | 'updated_at'>
const SCREENING_COLUMNS = ['s.outcome', 's.human_required', 's.ruleset', 's.screened_on', 's.findings'] as const

/** Cases joined with their screenings, as `c` and `s`. */
const casesWithScreening = (k: import('kysely').Kysely<Tables>) => k.selectFrom('gs_cases as c').innerJoin('gs_screenings as s', 's.case_id', 'c.id')

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


/** Screens one application with the app's plugins on the clock's day; programme problems become field problems. */
export function screenApplication(application: Application): Effect.Effect<ScreeningResult, Invalid, Clock | Plugins> {
  return Effect.gen(function* () {
    const plugins = yield* Plugins
    const on = stockholmDay((yield* Clock).now())
    try {
      return screener(plugins).screen(application, on)
    } catch (error) {
      if (error instanceof UnknownProgrammeError || error instanceof ProgrammeNotInForceError) {
        return yield* new Invalid({
          detail: { sv: 'Ansökan gäller ett bidragsprogram som inte kan prövas.', en: 'The application names a programme that cannot be screened.' },
          problems: [{ path: 'application.programme', message: programmeProblem(error) }],
        })
      }
      throw error
    }
  })
}

/** Why a programme cannot be screened, in both languages. */
function programmeProblem(error: UnknownProgrammeError | ProgrammeNotInForceError): LocalizedText {
  if (error instanceof UnknownProgrammeError) {
    const known = error.known.join(', ')
    return {
      sv: `okänt bidragsprogram ${JSON.stringify(error.programme)}. Programmen som finns: ${known || '(inga: inget stadsdelstillägg har ett bidragsprogram)'}`,
      en: error.message,
    }
  }
  const until = error.effective.to === undefined ? '' : ` till ${error.effective.to}`
  return { sv: `bidragsprogrammet ${JSON.stringify(error.programme)} gäller inte ${error.on}: det gäller från ${error.effective.from}${until}`, en: error.message }
}

/** Parses an application from outside, naming each bad field under `prefix`. */
export function parseOrInvalid(input: unknown, prefix = 'application'): Effect.Effect<Application, Invalid> {
  const parsed = parseApplication(input)
  if (parsed instanceof ValidationError) {
    return Effect.fail(new Invalid({ detail: { sv: 'Ansökan innehåller fel.', en: 'The application is invalid.' }, problems: parsed.problems.map((p) => ({ path: p.path === '(root)' ? prefix : `${prefix}.${p.path}`, message: p.message })) }))
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
    if (!inScope(user, district)) {
      return yield* new Invalid({
        detail: { sv: 'Du kan bara ta emot ansökningar till din egen stadsdel.', en: 'You can only take in applications for your own district.' },
        problems: [
          {
            path: 'application.programme',
            message: { sv: `hör till ${district}, men du arbetar i ${user.district ?? 'ingen stadsdel'}`, en: `belongs to ${district}; you work in ${user.district ?? 'no district'}` },
          },
        ],
      })
    }
    const result = yield* screenApplication(application)
    const now = (yield* Clock).now()
    const id = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('case.dup', (k) => k.selectFrom('gs_cases').select('id').where('programme', '=', application.programme).where('application_ref', '=', application.id).executeTakeFirst())
        if (existing) {
          return yield* new Conflict({
            detail: { sv: `Ansökan ${application.id} i ${application.programme} finns redan som ärende ${existing.id}.`, en: `Application ${application.id} in ${application.programme} is already case ${existing.id}.` },
            current: { id: existing.id },
          })
        }
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
        const catalogue = screener(yield* Plugins).catalogue
        const reasons = new Map<string, LocalizedText>()
        const screening = screeningRow(id, result, catalogue, now, reasons)
        yield* recordCatalogue(catalogue)
        yield* saveReasons(reasons)
        yield* db('case.screening', (k) => k.insertInto('gs_screenings').values(screening).execute())
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
      let q = casesWithScreening(k).selectAll('c').select([...SCREENING_COLUMNS]).where('c.id', '=', id)
      if (scope !== null) q = q.where('c.district', 'in', scopeDistricts(scope))
      return q.executeTakeFirst()
    })
    if (!row) return yield* new NotFound({ entity: { sv: 'ärendet', en: 'case' }, id })
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
    if (!hasRole(user, ['officer', 'approver'])) return
    const d = yield* declarationOf(row.id, user.id)
    if (!d) {
      return yield* new Forbidden({
        detail: { sv: 'Ange om du är jävig innan du öppnar ärendet.', en: 'Declare whether you have a conflict of interest before opening this case.' },
        code: 'conflict-declaration-required',
      })
    }
    if (d.conflict) {
      return yield* new Forbidden({
        detail: { sv: 'Du har anmält jäv i ärendet och får inte handlägga det.', en: 'You declared a conflict of interest in this case and are excluded from it.' },
        code: 'conflict-declared',
      })
    }
  })
}

/**
 * The user may take `action` on the case: it is in their scope (else 404), the case
 * lifecycle allows it (role, district, status and four eyes: 403 or 409), and they have
 * declared no conflict of interest. `action` may depend on the case (decide or propose).
 * Answers the case and the status the action leads to.
 */
function actOn(id: string, action: CaseAction | ((row: CaseRow) => CaseAction), options: { declared?: boolean } = {}): Fx<{ row: CaseRow; to: CaseStatus }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* caseRow(id)
    const decision = yield* grantedDecision(id)
    const subject = { district: row.district, authors: { decidedBy: decision ? [decision.decided_by] : [] } }
    const to = yield* authorise(CASE_LIFECYCLE, user, { action: typeof action === 'function' ? action(row) : action, status: row.status, subject })
    if (options.declared !== false) yield* requireNoConflict(row)
    return { row, to }
  })
}

export function declareConflict(id: string, conflict: boolean, comment: string | undefined): Fx<{ declared: true; conflict: boolean }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row } = yield* actOn(id, 'declare', { declared: false })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const prior = yield* declarationOf(id, user.id)
        if (prior?.conflict && !conflict) {
          return yield* new Conflict({
            detail: { sv: 'Du har anmält jäv i ärendet. Jävet står fast och kan inte tas tillbaka här.', en: 'You declared a conflict of interest in this case; that exclusion stands and cannot be withdrawn here.' },
          })
        }
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
    const screening = yield* screeningOf(row)
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

/** The full screening result of a case row. */
const screeningOf = (row: CaseRow) => Effect.flatMap(Plugins, (plugins) => restore(row.application_ref, row.programme, row, plugins))

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
      // Filters on the cases alone, so the count needs no join and the page is read in
      // index order (gs_cases_queue_order); only the page's rows are joined.
      let q = k.selectFrom('gs_cases as c')
      if (scope !== null) q = q.where('c.district', '=', scope)
      if (filter.status) q = q.where('c.status', '=', filter.status)
      if (filter.programme) q = q.where('c.programme', '=', filter.programme)
      if (filter.outcome) q = q.where('c.id', 'in', k.selectFrom('gs_screenings').select('case_id').where('outcome', '=', filter.outcome))
      if (filter.dueBefore) q = q.where('c.report_due', '<=', filter.dueBefore)
      if (filter.q) q = q.where('c.association_name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
      const [rows, count] = await Promise.all([
        q.innerJoin('gs_screenings as s', 's.case_id', 'c.id').select([...SUMMARY_COLUMNS]).orderBy('c.created_at', 'desc').orderBy('c.id').limit(filter.limit ?? 200).offset(filter.offset ?? 0).execute(),
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

/**
 * Moves the case to `status` inside the caller's transaction, only if nobody changed it
 * since `row` was read (its version): two officers deciding at once on two servers, or a
 * decision racing new evidence that would call for four eyes, end in one change and a
 * 409 for the other, never in both or in a decision on stale findings.
 */
function transition(row: CaseRow, status: CaseStatus) {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const updated = yield* db('case.transition', (k) =>
      k.updateTable('gs_cases').set({ updated_at: now, version: row.version + 1, status }).where('id', '=', row.id).where('version', '=', row.version).returning('id').execute(),
    )
    if (updated.length === 0) {
      return yield* new Conflict({
        detail: {
          sv: 'Någon annan ändrade ärendet medan du arbetade med det (till exempel ett beslut eller ny bevisning). Ladda om ärendet och försök igen.',
          en: 'Someone else changed the case while you were working on it (a decision or new evidence, for example). Reload the case and try again.',
        },
      })
    }
  })
}

/** Officers add an evidence item (with its source); the case is re-screened. */
export function addEvidence(id: string, evidence: unknown): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const { row, to } = yield* actOn(id, 'evidence')
    const old = row.application as Application
    const next = yield* parseOrInvalid({ ...old, evidence: [...old.evidence, evidence] }).pipe(
      Effect.mapError((e) => new Invalid({ detail: { sv: 'Underlaget innehåller fel.', en: 'The evidence item is invalid.' }, problems: e.problems.map((p) => ({ path: p.path.replace(/^application\.evidence\[\d+\]\.?/, '') || '(body)', message: p.message })) })),
    )
    const result = yield* screenApplication(next)
    const catalogue = screener(yield* Plugins).catalogue
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        yield* db('case.evidence', (k) => k.updateTable('gs_cases').set({ application: jsonb(next) }).where('id', '=', id).execute())
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
          after: { evidence: next.evidence.at(-1), outcome: result.outcome, changedFindings: changedRules(JSON.parse(row.findings) as FindingTuple[], JSON.parse(screening.findings) as FindingTuple[]) },
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
        yield* db('note.insert', (k) => k.insertInto('gs_notes').values({ id: noteId, case_id: id, author: user.username, text, at: now }).execute())
        yield* touch(id, to)
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
    // Where a democracy finding needs a person's assessment, the decision is a proposal
    // that waits for a second signature (four eyes).
    const { row, to } = yield* actOn(id, (r) => (r.human_required ? 'propose' : 'decide'))
    const problems: FieldProblemText[] = []
    if (input.kind === 'partial') {
      if (input.amount === undefined) problems.push({ path: 'amount', message: { sv: 'måste fyllas i när bidraget beviljas delvis', en: 'is required for a partial grant' } })
      else if (input.amount >= row.amount_requested) {
        problems.push({
          path: 'amount',
          message: {
            sv: `måste vara mindre än de ${row.amount_requested} kr som föreningen sökte (bevilja i stället hela beloppet)`,
            en: `must be less than the ${row.amount_requested} kr applied for (use approve for the full amount)`,
          },
        })
      }
    } else if (input.amount !== undefined) problems.push({ path: 'amount', message: { sv: 'ska bara anges när bidraget beviljas delvis', en: `only applies to a partial grant, not to ${input.kind}` } })
    if (problems.length > 0) return yield* new Invalid({ detail: { sv: 'Beslutet innehåller fel.', en: 'The decision is invalid.' }, problems })
    const requiresSecond = row.human_required
    const now = (yield* Clock).now()
    const amount = input.kind === 'approve' ? row.amount_requested : input.kind === 'partial' ? input.amount! : null
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        // A re-screen (which changes screenings, not the case's version) may have changed
        // whether four eyes apply since the case was read: decide on the current screening only.
        const current = yield* db('decision.screening', (k) => k.selectFrom('gs_screenings').select('human_required').where('case_id', '=', id).forShare().executeTakeFirst())
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
            .values({ case_id: id, kind: input.kind, amount, reasons: input.reasons, letter_locale: input.letterLocale, decided_by: user.username, decided_at: now, requires_second: requiresSecond, approved_by: null, approved_at: null })
            .execute(),
        )
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
    // Four eyes: the lifecycle refuses the second signature to whoever made the decision.
    const { row, to } = yield* actOn(id, approveIt ? 'approve' : 'send-back')
    const decision = yield* db('decision.get', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow())
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        if (approveIt) yield* db('decision.approve', (k) => k.updateTable('gs_decisions').set({ approved_by: user.username, approved_at: now }).where('case_id', '=', id).execute())
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
    const { row } = yield* actOn(id, 'follow-up')
    const decision = yield* grantedDecision(id)
    if (!decision || decision.kind === 'deny') {
      return yield* new Conflict({ detail: { sv: 'Uppföljning gäller ett beviljat bidrag när beslutet är fattat.', en: 'Follow-up applies to a granted case once it is decided.' } })
    }
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
    const { row } = yield* actOn(id, 'reclaim')
    const decision = yield* grantedDecision(id)
    if (!decision || decision.kind === 'deny' || decision.amount === null) {
      return yield* new Conflict({ detail: { sv: 'Återkrav gäller ett beviljat bidrag när beslutet är fattat.', en: 'A reclaim (återkrav) applies to a granted case once it is decided.' } })
    }
    if (input.amount > decision.amount) {
      return yield* new Invalid({
        detail: { sv: 'Återkravet innehåller fel.', en: 'The reclaim is invalid.' },
        problems: [{ path: 'amount', message: { sv: `får vara högst ${decision.amount} kr, det belopp som beviljades`, en: `must be at most the ${decision.amount} kr granted` } }],
      })
    }
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('reclaim.get', (k) => k.selectFrom('gs_reclaims').select('case_id').where('case_id', '=', id).executeTakeFirst())
        if (existing) return yield* new Conflict({ detail: { sv: 'Det finns redan ett beslut om återkrav i ärendet.', en: 'A reclaim has already been decided for this case.' } })
        yield* db('reclaim.insert', (k) => k.insertInto('gs_reclaims').values({ case_id: id, amount: input.amount, reasons: input.reasons, decided_by: user.username, decided_at: now }).execute())
        yield* touch(id)
        yield* appendAudit({ action: 'case.reclaim', entityType: 'case', entityId: id, district: row.district, after: input })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** For the letter: a decided case's screening and decision. */
export function letterData(id: string): Fx<{ row: CaseRow; decision: DecisionView; screening: ScreeningResult }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const decision = yield* grantedDecision(id)
    if (row.status !== 'decided' || !decision) {
      return yield* new Conflict({
        detail: { sv: 'Beslutsbrevet finns när ärendet är beslutat (efter en eventuell andra underskrift).', en: 'The decision letter exists once the case is decided (after any second approval).' },
      })
    }
    yield* appendAudit({ action: 'case.letter.read', entityType: 'case', entityId: id, district: row.district })
    return { row, decision: decisionView(decision), screening: yield* screeningOf(row) }
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
  /** The heading of each rule the flips name, for the reader. */
  rules: { id: string; heading: { sv: string; en: string } }[]
}

const headingsOf = (flips: readonly RescreenFlip[]): RescreenRun['rules'] =>
  [...new Set(flips.flatMap((f) => f.changedRules))].map((id) => ({ id, heading: ruleHeading(id) ?? { sv: id, en: id } }))

/** Per district: how many open cases a run checked and how many it changed. */
export type RescreenCounts = Record<string, { checked: number; changed: number }>

const RESCREEN_COLUMNS = [
  ['case_id', 'text'],
  ['outcome', 'text'],
  ['human_required', 'boolean'],
  ['ruleset', 'text'],
  ['screened_on', 'text'],
  ['findings', 'text'],
] as const

/**
 * Re-screens every open case in the user's scope (a district admin's district, or the
 * whole city) with the current rules on today's date, in batches, and
 * stores the new results. Cases whose outcome flips are listed in the run; every
 * changed case gets an audit event. Each batch reads the cases and then their
 * screenings by key range (two index scans), and writes its changes with one bulk
 * insert into a temporary table and one update from it, in one transaction with the
 * batch's audit events.
 */
export function rescreenOpenCases(options: { batch?: number; onProgress?: (done: number) => void } = {}): Fx<RescreenRun> {
  const batch = options.batch ?? 10_000
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const plugins = yield* Plugins
    const scope = scopeOf(user)
    const now = (yield* Clock).now()
    const on = stockholmDay(now)
    const s = screener(plugins)
    const catalogue = s.catalogue
    yield* recordCatalogue(catalogue)
    const flips: RescreenFlip[] = []
    // Every district the run covers has its counts, so that the run is shown to that district only.
    const districts: RescreenCounts = Object.fromEntries((scope ?? plugins.plugins.map((p) => p.id)).map((d) => [d, { checked: 0, changed: 0 }]))
    let checked = 0
    let changed = 0
    let after = ''
    for (;;) {
      const cases = yield* db('rescreen.read', (k) =>
        k
          .selectFrom('gs_cases')
          .select(['id', 'district', 'programme', 'association_name', 'application'])
          .where('status', 'in', [...OPEN_CASE_STATUSES])
          .$if(scope !== null, (q) => q.where('district', 'in', scopeDistricts(scope ?? [])))
          .where('id', '>', after)
          .orderBy('id')
          .limit(batch)
          .execute(),
      )
      if (cases.length === 0) break
      const first = cases[0]!.id
      after = cases[cases.length - 1]!.id
      const stored = yield* db('rescreen.read-screenings', (k) =>
        k.selectFrom('gs_screenings').select(['case_id', 'outcome', 'ruleset', 'findings']).where('case_id', '>=', first).where('case_id', '<=', after).execute(),
      )
      const before = new Map(stored.map((r) => [r.case_id, r]))
      const rows: unknown[][] = []
      const reasons = new Map<string, LocalizedText>()
      const events: Parameters<typeof appendAuditBatchAs>[1][number][] = []
      for (const c of cases) {
        checked++
        const counts = (districts[c.district] ??= { checked: 0, changed: 0 })
        counts.checked++
        const old = before.get(c.id)
        if (!old) continue
        let result: ScreeningResult
        try {
          result = s.screen(c.application as Application, on)
        } catch {
          continue // a programme no longer in force: leave the case as it is
        }
        const own = new Map<string, LocalizedText>()
        const tuples = encodeFindings(storeScreening(result, catalogue).findings, own)
        const findings = JSON.stringify(tuples)
        // Equal text means equal findings; different text may still be the same findings.
        const rules = findings === old.findings ? [] : changedRules(JSON.parse(old.findings) as FindingTuple[], tuples)
        if (rules.length === 0 && result.outcome === old.outcome && result.ruleset.version === old.ruleset) continue
        changed++
        counts.changed++
        for (const [key, reason] of own) reasons.set(key, reason)
        rows.push([c.id, result.outcome, result.humanDecisionRequired, result.ruleset.version, result.ruleset.on, findings])
        events.push({ action: 'case.rescreen', entityType: 'case', entityId: c.id, district: c.district, ruleset: result.ruleset.version, before: { outcome: old.outcome, ruleset: old.ruleset }, after: { outcome: result.outcome, changedRules: rules } })
        if (result.outcome !== old.outcome) flips.push({ caseId: c.id, district: c.district, programme: c.programme, associationName: c.association_name, from: old.outcome as ScreeningResult['outcome'], to: result.outcome, changedRules: rules })
      }
      if (rows.length > 0) {
        yield* transaction(
          Effect.gen(function* () {
            yield* db('rescreen.batch', (k) => sql`create temporary table gs_rescreen_batch (case_id text, outcome text, human_required boolean, ruleset text, screened_on text, findings text) on commit drop`.execute(k))
            yield* saveReasons(reasons)
            yield* insertRows('rescreen.batch', 'gs_rescreen_batch', RESCREEN_COLUMNS, rows)
            yield* db('rescreen.write', (k) =>
              sql`update gs_screenings s set outcome = b.outcome, human_required = b.human_required, ruleset = b.ruleset, screened_on = b.screened_on, findings = b.findings, screened_at = ${now}
                  from gs_rescreen_batch b where s.case_id = b.case_id`.execute(k),
            )
            yield* appendAuditBatchAs(user.username, events)
          }),
        )
      }
      options.onProgress?.(checked)
    }
    const run: RescreenRun = { id: randomUUID(), at: now.toISOString(), actor: user.username, checked, changed, flips, rules: headingsOf(flips) }
    yield* db('rescreen.run', (k) => k.insertInto('gs_rescreen_runs').values({ id: run.id, at: now, actor: run.actor, checked, changed, flips: jsonb(flips), districts: jsonb(districts) }).execute())
    return run
  })
}

/**
 * Re-screen runs, newest first, with the counts and flips in the user's scope. A user
 * with a district sees only the runs that covered it (a city-wide run, or one its own
 * district's admin started), never another district's.
 */
export function listRescreenRuns(): Fx<RescreenRun[]> {
  return Effect.gen(function* () {
    const scope = scopeOf(yield* CurrentUser)
    const rows = yield* db('rescreen.list', (k) => k.selectFrom('gs_rescreen_runs').selectAll().orderBy('at', 'desc').limit(50).execute())
    return rows.flatMap((r) => {
      const counts = r.districts as RescreenCounts
      if (scope !== null && !scope.some((d) => d in counts)) return []
      const flips = (r.flips as RescreenFlip[]).filter((f) => scope === null || scope.includes(f.district))
      const own = scope === null ? { checked: r.checked, changed: r.changed } : sumCounts(scope.map((d) => counts[d]))
      return [{ id: r.id, at: iso(r.at), actor: r.actor, checked: own.checked, changed: own.changed, flips, rules: headingsOf(flips) }]
    })
  })
}

const sumCounts = (counts: readonly (RescreenCounts[string] | undefined)[]) =>
  counts.reduce<{ checked: number; changed: number }>((sum, c) => ({ checked: sum.checked + (c?.checked ?? 0), changed: sum.changed + (c?.changed ?? 0) }), { checked: 0, changed: 0 })

// ---- GDPR -------------------------------------------------------------------------

export interface PersonMatch {
  id: string
  name: string
  role: PersonRole
  caseId: string
  district: string
  erased: boolean
}

/** GDPR search: persons on cases in the user's scope whose name, e-mail or phone contains `q`. */
export function findPersons(q: string): Fx<PersonMatch[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return Effect.flatMap(CurrentUser, (user) => {
    const scope = scopeOf(user)
    return db('persons.find', (k) =>
      k
        .selectFrom('gs_persons as p')
        .innerJoin('gs_cases as c', 'c.id', 'p.case_id')
        .select(['p.id', 'p.name', 'p.role', 'p.case_id', 'c.district', 'p.erased_at'])
        .where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern), eb('p.phone', 'ilike', pattern)]))
        .$if(scope !== null, (qb) => qb.where('c.district', 'in', scopeDistricts(scope ?? [])))
        .orderBy('p.name')
        .limit(100)
        .execute(),
    )
  }).pipe(Effect.map((rows) => rows.map((r) => ({ id: r.id, name: r.name, role: r.role, caseId: r.case_id, district: r.district, erased: r.erased_at !== null }))))
}

/** Everything stored about one person: the person record, the case it belongs to, and the audit events about them. */
export function exportPerson(personId: string): Fx<unknown, NotFound> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) => k.selectFrom('gs_persons').selectAll().where('id', '=', personId).executeTakeFirst())
    if (!p) return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    const c = yield* db('person.case', (k) => casesWithScreening(k).selectAll('c').select([...SCREENING_COLUMNS]).where('c.id', '=', p.case_id).executeTakeFirstOrThrow())
    // Persons on another district's cases do not exist for a user held to a district.
    if (!inScope(yield* CurrentUser, c.district)) return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
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
    if (!p || !inScope(yield* CurrentUser, p.district)) return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    if (p.erased_at) return yield* new Conflict({ detail: { sv: 'Personens uppgifter är redan raderade.', en: 'This person has already been erased.' } })
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
