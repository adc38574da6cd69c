import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import {
  analysePlan,
  diffPlans,
  planAuthors,
  planSchema,
  PLAN_TRANSITIONS,
  PLAN_WORKFLOW,
  TERTIALS,
  type Plan,
  type PlanAnalysis,
  type PlanDiff,
  type PlanInput,
  type PlanStatus,
  type PlanAction,
  type PlanTransition,
  type Tertial,
} from '@vbe/core/plans'
import {
  actorOf,
  appendAudit,
  appendAuditAs,
  authorise,
  inScope,
  scopeDistricts,
  scopeOf,
  Clock,
  Conflict,
  CurrentUser,
  Forbidden,
  invalid,
  iso,
  isUniqueViolation,
  jsonb,
  NotFound,
  PreconditionRequired,
  query,
  transaction,
  DatabaseError,
  type AppError,
  type Db,
  type SessionUser,
  type Text,
  textIn,
} from '@vbe/server-kit'
import { allowedActions, type LocalizedText } from '@vbe/core'
import type { Tables } from './db.js'
import { districtName, pluginFor, PLUGINS, templatesForDistrict } from './districts.js'

type R = Db | Clock | CurrentUser
type Row = Tables['pe_plans']

/** The workflow's steps (core's plan workflow table says who may take which, from which status). */
export type Action = PlanTransition
export const ACTIONS: readonly Action[] = PLAN_TRANSITIONS

const alreadyPlanned = (document: { district: string; year: number }): LocalizedText => ({
  sv: `Det finns redan en plan för ${document.district} ${document.year} (fältet year).`,
  en: `There is already a plan for ${document.district} ${document.year} (field year).`,
})


export interface HistoryEntry {
  readonly version: number
  readonly action: string
  readonly status: string
  readonly by: string
  readonly at: string
  readonly decisionReference?: string
  readonly comment?: string
}

export interface PlanSummary {
  readonly id: string
  readonly district: string
  readonly districtName: string
  readonly year: number
  readonly status: PlanStatus
  readonly version: number
  readonly revisionOf: string | null
  readonly updatedAt: string
  readonly updatedBy: string
  readonly coverage: ReadonlyArray<{ readonly templateId: string; readonly title: LocalizedText; readonly percent: number; readonly covered: number; readonly total: number }>
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number }
}

export interface PlanDetail extends PlanSummary {
  readonly document: Plan
  readonly history: readonly HistoryEntry[]
  /** What the current user may do now. */
  readonly can: { readonly edit: boolean; readonly followUp: boolean; readonly actions: readonly Action[] }
}

/** What a 409 carries: the plan as it is now and the other change, field by field. */
export interface ConflictInfo {
  readonly version: number
  readonly status: PlanStatus
  readonly updatedBy: string
  readonly updatedAt: string
  readonly document: Plan
  /** The version the request was based on. */
  readonly baseVersion: number
  /** What others changed since that version (null when the base version does not exist). */
  readonly theirs: PlanDiff | null
  /** What the refused request would have changed against its base. */
  readonly mine: PlanDiff | null
}

export const today = (clock: { now: () => Date }) => clock.now().toISOString().slice(0, 10)

/** Who did which part of a plan's work, from its history: core's workflow bars them from deciding on it. */
const subjectOf = (row: Row, history: readonly HistoryEntry[]) => ({ district: row.district, authors: planAuthors(history) })

/** What the user may do with the plan now, by core's plan workflow table. */
function permissions(user: SessionUser, row: Row, history: readonly HistoryEntry[]): PlanDetail['can'] {
  const input = { status: row.status as PlanStatus, actor: actorOf(user), subject: subjectOf(row, history) }
  const may = allowedActions(PLAN_WORKFLOW, input)
  return { edit: may.includes('edit'), followUp: may.includes('follow-up'), actions: PLAN_TRANSITIONS.filter((a) => may.includes(a)) }
}

/** The user may take `action` on the plan (role, district, status, four eyes), else a 403 or 409 saying why. */
const authoriseOn = (row: Row, user: SessionUser, action: PlanAction) =>
  Effect.flatMap(historyOf(row.id), (history) => authorise(PLAN_WORKFLOW, user, { action, status: row.status as PlanStatus, subject: subjectOf(row, history) }))

const docOf = (row: { document: unknown }) => row.document as Plan

function summarise(row: Row, on: string): PlanSummary {
  const document = docOf(row)
  const analysis = analysePlan(document, { templates: templatesForDistrict(row.district), on })
  return {
    id: row.id,
    district: row.district,
    districtName: districtName(row.district),
    year: Number(row.year),
    status: row.status as PlanStatus,
    version: Number(row.version),
    revisionOf: row.revision_of,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    coverage: analysis.summary.templates.map((t) => ({
      templateId: t.templateId,
      title: analysis.coverage.find((c) => c.templateId === t.templateId)?.title ?? { sv: t.templateId, en: t.templateId },
      percent: t.percent,
      covered: t.covered,
      total: t.total,
    })),
    findings: analysis.summary.findings,
  }
}

const loadRow = (id: string, forUpdate = false) =>
  Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* query('plans.get', (db: Kysely<Tables>) => {
      const q = db.selectFrom('pe_plans').selectAll().where('id', '=', id)
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst()
    })
    if (!row || !inScope(user, row.district)) return yield* new NotFound({ entity: { sv: 'planen', en: 'plan' }, id })
    return row
  })

const historyOf = (planId: string) =>
  query('plans.history', (db: Kysely<Tables>) =>
    db.selectFrom('pe_plan_versions').select(['version', 'action', 'status', 'saved_by', 'saved_at', 'meta']).where('plan_id', '=', planId).orderBy('version').execute(),
  ).pipe(
    Effect.map((rows) =>
      rows.map((r): HistoryEntry => {
        const meta = (r.meta ?? {}) as { decisionReference?: string; comment?: string }
        return {
          version: Number(r.version),
          action: r.action,
          status: r.status,
          by: r.saved_by,
          at: iso(r.saved_at),
          ...(meta.decisionReference ? { decisionReference: meta.decisionReference } : {}),
          ...(meta.comment ? { comment: meta.comment } : {}),
        }
      }),
    ),
  )

function detailOf(row: Row): Effect.Effect<PlanDetail, DatabaseError, R> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const clock = yield* Clock
    const history = yield* historyOf(row.id)
    const status = row.status as PlanStatus
    return {
      ...summarise(row, today(clock)),
      document: docOf(row),
      history,
      can: permissions(user, row, history),
    }
  })
}

export interface ListFilter {
  readonly district?: string | undefined
  readonly year?: number | undefined
  readonly status?: PlanStatus | undefined
}

export function listPlans(filter: ListFilter = {}): Effect.Effect<PlanSummary[], DatabaseError, R> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const on = today(yield* Clock)
    const scope = scopeOf(user)
    const rows = yield* query('plans.list', (db: Kysely<Tables>) => {
      let q = db.selectFrom('pe_plans').selectAll()
      if (scope !== null) q = q.where('district', 'in', scopeDistricts(scope))
      if (filter.district) q = q.where('district', '=', filter.district)
      if (filter.year !== undefined) q = q.where('year', '=', filter.year)
      if (filter.status) q = q.where('status', '=', filter.status)
      return q.orderBy('district').orderBy('year', 'desc').execute()
    })
    return rows.map((r) => summarise(r, on))
  })
}

export function getPlan(id: string): Effect.Effect<PlanDetail, AppError, R> {
  return Effect.flatMap(loadRow(id), detailOf)
}

/** Inserts a plan and its first version, with an audit event. Used by create, revise and the demo seed. */
export function insertPlan(actor: string, input: PlanInput, revisionOf: string | null, action: 'create' | 'revise-yearly') {
  return transaction(
    Effect.gen(function* () {
      const clock = yield* Clock
      const document = planSchema.parse(input)
      const id = randomUUID()
      const now = clock.now()
      const existing = yield* query('plans.exists', (db: Kysely<Tables>) =>
        db.selectFrom('pe_plans').select('id').where('district', '=', document.district).where('year', '=', document.year).executeTakeFirst(),
      )
      if (existing) return yield* new Conflict({ detail: alreadyPlanned(document), current: { id: existing.id } })
      yield* query('plans.insert', async (db: Kysely<Tables>) => {
        await db
          .insertInto('pe_plans')
          .values({ id, district: document.district, year: document.year, status: document.status, document: jsonb(document), version: 1, revision_of: revisionOf, created_at: now, updated_at: now, updated_by: actor })
          .execute()
        await db
          .insertInto('pe_plan_versions')
          .values({ plan_id: id, version: 1, status: document.status, document: jsonb(document), action, meta: jsonb(revisionOf ? { revisionOf } : null), saved_by: actor, saved_at: now })
          .execute()
      }).pipe(
        Effect.catchIf(
          (e) => isUniqueViolation(e.cause),
          () => new Conflict({ detail: alreadyPlanned(document) }),
        ),
      )
      yield* appendAuditAs(actor, {
        action: `plan.${action}`,
        entityType: 'plan',
        entityId: id,
        district: document.district,
        after: { district: document.district, year: document.year, status: document.status, version: 1, revisionOf },
      })
      return id
    }),
  )
}

export type CreateInput =
  | {
      readonly from: 'template'
      readonly year: number
      readonly district?: string | undefined
      readonly contactPoint?: Plan['contactPoint'] | undefined
      readonly situationPicture?: PlanInput['situationPicture'] | undefined
    }
  | { readonly from: 'revision'; readonly sourcePlanId: string; readonly year?: number | undefined }

const shiftYear = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28')

/** The yearly revision of a plan: same content for the next year, follow-ups cleared, last follow-up as the new baseline. */
export function yearlyRevision(source: Plan, year: number): PlanInput {
  const years = year - source.year
  return {
    ...source,
    year,
    status: 'draft',
    activities: source.activities.map((a) => ({
      ...a,
      period: { from: shiftYear(a.period.from, years), to: shiftYear(a.period.to, years) },
      indicators: a.indicators.map((i) => {
        const last = [...i.followUps].sort((x, y) => TERTIALS.indexOf(y.period) - TERTIALS.indexOf(x.period))[0]
        return { ...i, followUps: [], ...(last ? { baseline: { value: last.value, date: last.date } } : {}) }
      }),
    })),
  }
}

export function createPlan(input: CreateInput): Effect.Effect<PlanDetail, AppError, R> {
  return transaction(
    Effect.gen(function* () {
      const user = yield* CurrentUser
      const clock = yield* Clock
      let plan: PlanInput
      let revisionOf: string | null = null
      if (input.from === 'template') {
        const district = input.district ?? user.district
        if (!district) {
          return yield* invalid({ sv: 'Ange stadsdelen.', en: 'Name the district.' }, [{ path: 'district', message: { sv: 'måste fyllas i för användare utan stadsdel', en: 'is required for users without a district' } }])
        }
        // Officers write plans for their own district only; an account with no district writes none.
        if (user.district === null) {
          return yield* new Forbidden({
            detail: { sv: 'Ditt konto hör inte till någon stadsdel, så du kan inte skapa planer.', en: 'Your account belongs to no district, so you cannot create plans.' },
            code: 'district',
          })
        }
        if (district !== user.district) {
          return yield* new Forbidden({
            detail: {
              sv: `Du kan bara skapa planer för din egen stadsdel (${user.district}). Fältet district är ${district}.`,
              en: `You can create plans only for your own district (${user.district}); field district is ${district}.`,
            },
            code: 'district',
          })
        }
        const plugin = pluginFor(district)
        plan = {
          district,
          year: input.year,
          status: 'draft',
          contactPoint: input.contactPoint ?? { function: 'Samordnare mot våldsbejakande extremism', unit: `${districtName(district)} stadsdelsförvaltning` },
          situationPicture: input.situationPicture ?? { date: today(clock), sources: [], summary: 'Lägesbilden skrivs här: vad visar den aktuella lokala lägesbilden?' },
          sections: (plugin?.planSections ?? []).map((s) => ({ id: s.id, text: '' })),
          activities: [],
        }
      } else {
        const source = yield* loadRow(input.sourcePlanId)
        if (user.district !== source.district) {
          return yield* new Forbidden({
            detail: {
              sv: `Du kan bara revidera planer i din egen stadsdel. Planen i fältet sourcePlanId hör till ${source.district}.`,
              en: `You can revise plans only in your own district; the plan in field sourcePlanId is ${source.district}'s.`,
            },
            code: 'district',
          })
        }
        const doc = docOf(source)
        const year = input.year ?? doc.year + 1
        if (year <= doc.year) {
          return yield* invalid({ sv: 'Revideringen måste gälla ett senare år.', en: 'The revision must be for a later year.' }, [
            { path: 'year', message: { sv: `måste vara senare än ${doc.year}, året för planen som revideras`, en: `must be after ${doc.year}, the year of the source plan` } },
          ])
        }
        plan = yearlyRevision(doc, year)
        revisionOf = source.id
      }
      const id = yield* insertPlan(user.username, plan, revisionOf, revisionOf ? 'revise-yearly' : 'create')
      return yield* getPlan(id)
    }),
  )
}

/** Parses an If-Match header: `"7"`, `W/"7"` or `7`. Missing is 428; unreadable is 400 naming the header. */
export function parseIfMatch(header: string | undefined): Effect.Effect<number, AppError> {
  if (header === undefined || header.trim() === '')
    return Effect.fail(
      new PreconditionRequired({
        detail: {
          sv: 'Rubriken If-Match krävs: skicka den ETag (version) som ändringen bygger på, från GET /api/plans/{id}.',
          en: 'The If-Match header is required: send the ETag (version) the change is based on, from GET /api/plans/{id}.',
        },
      }),
    )
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!m) {
    return Effect.fail(
      invalid({ sv: 'Rubriken If-Match är ogiltig.', en: 'The If-Match header is invalid.' }, [{ path: 'header.if-match', message: { sv: 'måste vara planens ETag, till exempel "3"', en: 'must be the plan ETag, for example "3"' } }]),
    )
  }
  return Effect.succeed(Number(m[1]))
}

export const etagOf = (version: number) => `"${version}"`

function conflictFor(row: Row, baseVersion: number, mine: Plan | null, detail: Text): Effect.Effect<never, AppError, R> {
  return Effect.gen(function* () {
    const base = yield* query('plans.version', (db: Kysely<Tables>) =>
      db.selectFrom('pe_plan_versions').select('document').where('plan_id', '=', row.id).where('version', '=', baseVersion).executeTakeFirst(),
    )
    const current = docOf(row)
    const info: ConflictInfo = {
      version: Number(row.version),
      status: row.status as PlanStatus,
      updatedBy: row.updated_by,
      updatedAt: iso(row.updated_at),
      document: current,
      baseVersion,
      theirs: base ? diffPlans(docOf(base), current) : null,
      mine: base && mine ? diffPlans(docOf(base), mine) : null,
    }
    return yield* new Conflict({ detail, current: info })
  })
}

/**
 * Writes a new version of a plan when `baseVersion` is still the current one; otherwise
 * a 409 carrying the current version and the other change.
 */
function writeVersion<T>(
  id: string,
  baseVersion: number,
  check: (row: Row, user: SessionUser) => Effect.Effect<T, AppError, R>,
  change: (doc: Plan, row: Row, checked: T) => Effect.Effect<{ document: Plan; action: string; meta?: Record<string, unknown>; audit?: Record<string, unknown> }, AppError>,
  mine?: Plan,
): Effect.Effect<PlanDetail, AppError, R> {
  return transaction(
    Effect.gen(function* () {
      const user = yield* CurrentUser
      const clock = yield* Clock
      const row = yield* loadRow(id, true)
      if (Number(row.version) !== baseVersion) {
        return yield* conflictFor(
          row,
          baseVersion,
          mine ?? null,
          {
            sv: `Planen har ändrats sedan version ${baseVersion} (If-Match): den är nu version ${row.version}, sparad av ${row.updated_by} ${iso(row.updated_at)}. Ingenting sparades. \`current\` visar den andra ändringen.`,
            en: `The plan has changed since version ${baseVersion} (If-Match): it is now version ${row.version}, saved by ${row.updated_by} at ${iso(row.updated_at)}. Nothing was saved; \`current\` shows the other change.`,
          },
        )
      }
      const checked = yield* check(row, user)
      const before = docOf(row)
      const next = yield* change(before, row, checked)
      const diff = diffPlans(before, next.document)
      if (diff.identical && !next.meta) return yield* detailOf(row)
      const version = baseVersion + 1
      const now = clock.now()
      yield* query('plans.update', async (db: Kysely<Tables>) => {
        const res = await db
          .updateTable('pe_plans')
          .set({ document: jsonb(next.document), status: next.document.status, version, updated_at: now, updated_by: user.username })
          .where('id', '=', id)
          .where('version', '=', baseVersion)
          .executeTakeFirst()
        if (Number(res.numUpdatedRows) !== 1) throw new Error('concurrent update slipped past the row lock')
        await db
          .insertInto('pe_plan_versions')
          .values({ plan_id: id, version, status: next.document.status, document: jsonb(next.document), action: next.action, meta: jsonb(next.meta ?? null), saved_by: user.username, saved_at: now })
          .execute()
      })
      yield* appendAudit({
        action: `plan.${next.action}`,
        entityType: 'plan',
        entityId: id,
        district: row.district,
        before: { version: baseVersion, status: row.status },
        after: {
          version,
          status: next.document.status,
          changed: [...diff.plan.map((f) => f.path), ...diff.activities.added.map((a) => `activities[${a.id}] added`), ...diff.activities.removed.map((a) => `activities[${a.id}] removed`), ...diff.activities.changed.map((a) => `activities[${a.id}]`)],
          ...next.audit,
        },
      })
      const updated = yield* loadRow(id)
      return yield* detailOf(updated)
    }),
  )
}

export function savePlan(id: string, baseVersion: number, document: Plan): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        yield* authoriseOn(row, user, 'edit').pipe(
          // A returned plan is edited once its revision starts: say how.
          Effect.mapError((e) =>
            e._tag === 'Conflict' && row.status === 'returned'
              ? new Conflict({ detail: { sv: `${textIn(e.detail, 'sv')} Påbörja revideringen först (POST transitions { action: "revise" }).`, en: `${textIn(e.detail, 'en')} Start the revision first (POST transitions { action: "revise" }).` } })
              : e,
          ),
        )
        const problems = [
          document.district !== row.district ? { path: 'document.district', message: { sv: `får inte ändras (ska vara ${row.district})`, en: `must stay ${row.district}` } } : undefined,
          document.year !== Number(row.year)
            ? { path: 'document.year', message: { sv: `får inte ändras (ska vara ${row.year}). Gör en årlig revidering för ett annat år.`, en: `must stay ${row.year}; make a yearly revision for another year` } }
            : undefined,
          document.status !== row.status
            ? { path: 'document.status', message: { sv: `får inte ändras (ska vara ${row.status}). Byt status med POST /api/plans/{id}/transitions.`, en: `must stay ${row.status}; change the status through POST /api/plans/{id}/transitions` } }
            : undefined,
        ].filter((p) => p !== undefined)
        if (problems.length > 0) return yield* invalid({ sv: 'Plandokumentet innehåller fel.', en: 'The plan document is invalid.' }, problems)
      }),
    () => Effect.succeed({ document, action: 'save' }),
    document,
  )
}

export interface TransitionInput {
  readonly action: Action
  readonly decisionReference?: string | undefined
  readonly comment?: string | undefined
}

export function transition(id: string, baseVersion: number, input: TransitionInput): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        // Role, district, status, and nobody adopts or returns a plan they wrote or submitted.
        const to = yield* authoriseOn(row, user, input.action)
        if (input.action === 'return') {
          const problems = [
            !input.decisionReference?.trim()
              ? {
                  path: 'decisionReference',
                  message: {
                    sv: 'måste fyllas i när planen återremitteras: nämndens beslut, till exempel "SDN 2017-09-21 §10"',
                    en: 'is required when a plan is returned (återremiss): the committee decision, for example "SDN 2017-09-21 §10"',
                  },
                }
              : undefined,
            !input.comment?.trim()
              ? { path: 'comment', message: { sv: 'måste fyllas i när planen återremitteras: vad stadsdelen ska ändra', en: 'is required when a plan is returned: what the district must change' } }
              : undefined,
          ].filter((p) => p !== undefined)
          if (problems.length > 0) {
            return yield* invalid({ sv: 'En återremiss kräver nämndens beslut och en kommentar.', en: 'A return (återremiss) needs the committee decision and a comment.' }, problems)
          }
        }
        return to
      }),
    (doc, _row, to) => {
      const meta = { ...(input.decisionReference?.trim() ? { decisionReference: input.decisionReference.trim() } : {}), ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) }
      return Effect.succeed({ document: { ...doc, status: to }, action: input.action, meta, audit: meta })
    },
  )
}

export interface FollowUpInput {
  readonly value: number
  readonly date: string
  readonly note?: string | undefined
}

/** Enters (or, with `null`, removes) the follow-up value of one indicator for one tertial. */
export function setFollowUp(id: string, baseVersion: number, activityId: string, indicatorId: string, period: Tertial, input: FollowUpInput | null): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        yield* authoriseOn(row, user, 'follow-up')
        const activity = docOf(row).activities.find((a) => a.id === activityId)
        if (!activity) return yield* new NotFound({ entity: { sv: 'aktiviteten', en: 'activity' }, id: activityId })
        const indicator = activity.indicators.find((i) => i.id === indicatorId)
        if (!indicator) return yield* new NotFound({ entity: { sv: 'indikatorn', en: 'indicator' }, id: indicatorId })
        if (input === null && !indicator.followUps.some((f) => f.period === period)) {
          return yield* new NotFound({ entity: { sv: `uppföljning för ${period}`, en: `follow-up for ${period}` }, id: period })
        }
      }),
    (doc) =>
      Effect.succeed({
        document: {
          ...doc,
          activities: doc.activities.map((a) =>
            a.id !== activityId
              ? a
              : {
                  ...a,
                  indicators: a.indicators.map((i) =>
                    i.id !== indicatorId
                      ? i
                      : {
                          ...i,
                          followUps: [...i.followUps.filter((f) => f.period !== period), ...(input ? [{ period, value: input.value, date: input.date, note: input.note ?? '' }] : [])].sort(
                            (x, y) => TERTIALS.indexOf(x.period) - TERTIALS.indexOf(y.period),
                          ),
                        },
                  ),
                },
          ),
        },
        action: input ? 'follow-up' : 'follow-up-removed',
        audit: { activityId, indicatorId, period, value: input ? input.value : null },
      }),
  )
}

export function planAnalysis(id: string, on?: string): Effect.Effect<PlanAnalysis, AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const date = on ?? today(yield* Clock)
    return analysePlan(docOf(row), { templates: templatesForDistrict(row.district), on: date })
  })
}

export function listVersions(id: string): Effect.Effect<HistoryEntry[], AppError, R> {
  return Effect.flatMap(loadRow(id), (row) => historyOf(row.id))
}

export function planVersion(id: string, version: number): Effect.Effect<{ version: number; status: string; document: Plan; by: string; at: string }, AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const v = yield* query('plans.version', (db: Kysely<Tables>) =>
      db.selectFrom('pe_plan_versions').selectAll().where('plan_id', '=', row.id).where('version', '=', version).executeTakeFirst(),
    )
    if (!v) return yield* new NotFound({ entity: { sv: 'planversionen', en: 'plan version' }, id: `${id}@${version}` })
    return { version: Number(v.version), status: v.status, document: docOf(v), by: v.saved_by, at: iso(v.saved_at) }
  })
}

export function redline(id: string, from: number, to: number): Effect.Effect<{ from: number; to: number; diff: PlanDiff; fromDocument: Plan; toDocument: Plan }, AppError, R> {
  return Effect.gen(function* () {
    const a = yield* planVersion(id, from)
    const b = yield* planVersion(id, to)
    return { from, to, diff: diffPlans(a.document, b.document), fromDocument: a.document, toDocument: b.document }
  })
}

// ---------------------------------------------------------------------------
// The central overview
// ---------------------------------------------------------------------------

export interface OverviewRow {
  readonly district: string
  readonly districtName: string
  readonly plan: PlanSummary | null
  /** Per template item id: the number of activities covering it (0 = gap); items answered in sections count 1. */
  readonly cells: Readonly<Record<string, number>>
}

export interface SituationPictureEntry {
  readonly district: string
  readonly districtName: string
  readonly planId: string
  readonly year: number
  readonly status: string
  readonly date: string
  readonly summary: string
  readonly localProblemPicture: Plan['situationPicture']['localProblemPicture'] | null
  readonly sources: Plan['situationPicture']['sources']
  /** More than twelve months old at the overview date. */
  readonly stale: boolean
}

export interface Overview {
  readonly on: string
  readonly columns: ReadonlyArray<{ readonly templateId: string; readonly items: ReadonlyArray<{ readonly id: string; readonly title: { sv: string; en: string } }> }>
  readonly rows: readonly OverviewRow[]
  readonly situationPictures: readonly SituationPictureEntry[]
  readonly city: {
    readonly districts: number
    readonly withPlan: number
    readonly newest: string | null
    readonly oldest: string | null
    readonly stale: readonly string[]
    /** Directive points and guidelines no district's current plan covers. */
    readonly uncoveredEverywhere: readonly string[]
    readonly findings: { readonly error: number; readonly warning: number; readonly info: number }
    /** The current situation picture of every district, newest first. */
    readonly pictures: readonly SituationPictureEntry[]
  }
}

const monthsBefore = (on: string, months: number) => {
  const d = new Date(`${on}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}

/** The central overview over the districts in the user's scope: the whole city, or a district admin's own district. */
export function overview(): Effect.Effect<Overview, DatabaseError, R> {
  return Effect.gen(function* () {
    const on = today(yield* Clock)
    const scope = scopeOf(yield* CurrentUser)
    const rows = yield* query('overview.plans', (db: Kysely<Tables>) => {
      const q = db.selectFrom('pe_plans').selectAll()
      return (scope === null ? q : q.where('district', 'in', scopeDistricts(scope))).orderBy('district').orderBy('year', 'desc').execute()
    })
    const districts = [...new Set([...(scope ?? PLUGINS.map((p) => p.id)), ...rows.map((r) => r.district)])].sort()
    const base = templatesForDistrict('-')
    const columns = base.map((t) => ({ templateId: t.id, items: t.items.filter((i) => i.kind === 'guideline' || i.kind === 'directive-point').map((i) => ({ id: i.id, title: i.title })) }))
    const staleBefore = monthsBefore(on, 12)
    const pictureOf = (r: Row): SituationPictureEntry => {
      const p = docOf(r).situationPicture
      return {
        district: r.district,
        districtName: districtName(r.district),
        planId: r.id,
        year: Number(r.year),
        status: r.status,
        date: p.date,
        summary: p.summary,
        localProblemPicture: p.localProblemPicture ?? null,
        sources: p.sources,
        stale: p.date < staleBefore,
      }
    }
    const overviewRows: OverviewRow[] = districts.map((district) => {
      const current = rows.find((r) => r.district === district)
      if (!current) return { district, districtName: districtName(district), plan: null, cells: {} }
      const analysis = analysePlan(docOf(current), { templates: base, on })
      const cells: Record<string, number> = {}
      for (const c of analysis.coverage) for (const i of c.items) cells[i.id] = i.activityIds.length || (i.covered ? 1 : 0)
      return { district, districtName: districtName(district), plan: summarise(current, on), cells }
    })
    const currentPictures = overviewRows.flatMap((r) => (r.plan ? [pictureOf(rows.find((x) => x.id === r.plan!.id)!)] : [])).sort((a, b) => b.date.localeCompare(a.date))
    const withPlan = overviewRows.filter((r) => r.plan)
    const findings = { error: 0, warning: 0, info: 0 }
    for (const r of withPlan) for (const k of ['error', 'warning', 'info'] as const) findings[k] += r.plan!.findings[k]
    const itemIds = columns.flatMap((c) => c.items.map((i) => i.id))
    return {
      on,
      columns,
      rows: overviewRows,
      situationPictures: rows.map(pictureOf).sort((a, b) => b.date.localeCompare(a.date)),
      city: {
        districts: districts.length,
        withPlan: withPlan.length,
        newest: currentPictures[0]?.date ?? null,
        oldest: currentPictures.at(-1)?.date ?? null,
        stale: currentPictures.filter((p) => p.stale).map((p) => p.district),
        uncoveredEverywhere: withPlan.length === 0 ? [] : itemIds.filter((id) => withPlan.every((r) => !r.cells[id])),
        findings,
        pictures: currentPictures,
      },
    }
  })
}
