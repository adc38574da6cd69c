// Plans as stored: rows, views, reads, and the guarded write of a new version.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { analysePlan, diffPlans, PLAN_WORKFLOW, type Plan, type PlanAction, type PlanDiff, type PlanStatus } from '@vbe/core/plans'
import {
  appendAudit,
  authorise,
  Clock,
  Conflict,
  CurrentUser,
  inScope,
  iso,
  jsonb,
  NotFound,
  query,
  scopeDistricts,
  scopeOf,
  transaction,
  DatabaseError,
  etagOf,
  parseIfMatch as parseVersionIfMatch,
  versionGuard,
  type AppError,
  type SessionUser,
  type Text,
} from '@vbe/server-kit'
import type { LocalizedText } from '@vbe/core'
import { stockholmTime } from '@vbe/core/calendar'
import { type Tables } from '../db/tables.js'
import { districtName, districtTemplates } from '@vbe/districts'
import { permissions, subjectOf, type Action, type Row, type R, today } from './rules.js'

/** One saved version as stored: `by` is the username, for the workflow's four-eyes rules only. */
export interface StoredHistoryEntry {
  readonly version: number
  readonly action: string
  readonly status: string
  readonly by: string
  readonly at: string
  readonly decisionReference?: string
  readonly comment?: string
}

/** One saved version as the API shows it: `by` is the saver's display name (null when not a user), never a username. */
export type HistoryEntry = Omit<StoredHistoryEntry, 'by'> & { readonly by: string | null }

/** Display names by username (vbe_users.display_name); a name that is no user's (the demo seed) is absent. */
export type DisplayNames = ReadonlyMap<string, string>

/** The display names of these usernames, from server-kit's users table: what the API shows instead of usernames. */
export function displayNames(usernames: Iterable<string>): Effect.Effect<DisplayNames, DatabaseError, R> {
  const wanted = [...new Set(usernames)]
  if (wanted.length === 0) return Effect.succeed(new Map())
  return query('users.displayNames', (db: Kysely<Tables>) =>
    db.selectFrom('vbe_users').select(['username', 'display_name']).where('username', 'in', wanted).execute(),
  ).pipe(Effect.map((rows) => new Map(rows.map((r) => [r.username, r.display_name]))))
}

/** The display name for a stored actor, or null when the actor is not a user (the demo seed, say). */
export const nameOf = (names: DisplayNames, username: string): string | null => names.get(username) ?? null

/** The history as the API shows it: each saver's display name instead of the username. */
export const namedHistory = (history: readonly StoredHistoryEntry[], names: DisplayNames): HistoryEntry[] =>
  history.map((h) => ({ ...h, by: nameOf(names, h.by) }))

export interface PlanSummary {
  readonly id: string
  readonly district: string
  readonly districtName: string
  readonly year: number
  readonly status: PlanStatus
  readonly version: number
  readonly revisionOf: string | null
  readonly updatedAt: string
  /** The display name of who saved the current version; null when that was not a user (the demo seed). */
  readonly updatedBy: string | null
  readonly coverage: ReadonlyArray<{
    readonly templateId: string
    readonly title: LocalizedText
    readonly percent: number
    readonly covered: number
    readonly total: number
  }>
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
  /** The display name of who saved the current version (null when not a user). */
  readonly updatedBy: string | null
  readonly updatedAt: string
  readonly document: Plan
  /** The version the request was based on. */
  readonly baseVersion: number
  /** What others changed since that version (null when the base version does not exist). */
  readonly theirs: PlanDiff | null
  /** What the refused request would have changed against its base. */
  readonly mine: PlanDiff | null
}

/**
 * The prompt earlier versions of the plan editor wrote into a new plan's situation picture as if it were text.
 * It is a hint, never content: read back, it is an empty summary (so it is neither exported nor counted).
 */
const UNTOUCHED_PROMPTS: ReadonlySet<string> = new Set(['Lägesbilden skrivs här: vad visar den aktuella lokala lägesbilden?'])

export const docOf = (row: { document: unknown }): Plan => {
  const plan = row.document as Plan
  return UNTOUCHED_PROMPTS.has(plan.situationPicture.summary.trim())
    ? { ...plan, situationPicture: { ...plan.situationPicture, summary: '' } }
    : plan
}

export function summarise(
  row: Row,
  on: string,
  names: DisplayNames,
  analysis = analysePlan(docOf(row), { templates: districtTemplates(row.district), on }),
): PlanSummary {
  return {
    id: row.id,
    district: row.district,
    districtName: districtName(row.district),
    year: Number(row.year),
    status: row.status as PlanStatus,
    version: Number(row.version),
    revisionOf: row.revision_of,
    updatedAt: iso(row.updated_at),
    updatedBy: nameOf(names, row.updated_by),
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

export const loadRow = (id: string, forUpdate = false) =>
  Effect.gen(function* () {
    const user = yield* CurrentUser
    const row = yield* query('plans.get', (db: Kysely<Tables>) => {
      const q = db.selectFrom('pe_plans').selectAll().where('id', '=', id)
      return (forUpdate ? q.forUpdate() : q).executeTakeFirst()
    })
    if (!row || !inScope(user, row.district)) return yield* new NotFound({ entity: { sv: 'planen', en: 'plan' }, id })
    return row
  })

export const historyOf = (planId: string) =>
  query('plans.history', (db: Kysely<Tables>) =>
    db
      .selectFrom('pe_plan_versions')
      .select(['version', 'action', 'status', 'saved_by', 'saved_at', 'meta'])
      .where('plan_id', '=', planId)
      .orderBy('version')
      .execute(),
  ).pipe(
    Effect.map((rows) =>
      rows.map((r): StoredHistoryEntry => {
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

export function detailOf(row: Row): Effect.Effect<PlanDetail, DatabaseError, R> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const clock = yield* Clock
    const history = yield* historyOf(row.id)
    const names = yield* displayNames([row.updated_by, ...history.map((h) => h.by)])
    return {
      ...summarise(row, today(clock), names),
      document: docOf(row),
      history: namedHistory(history, names),
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
    const names = yield* displayNames(rows.map((r) => r.updated_by))
    return rows.map((r) => summarise(r, on, names))
  })
}

export function getPlan(id: string): Effect.Effect<PlanDetail, AppError, R> {
  return Effect.flatMap(loadRow(id), detailOf)
}

/** An instant as people in Stockholm read it: `2026-06-01 11:00`. */
function wallClock(at: Date | string): string {
  const t = stockholmTime(new Date(at))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${t.date} ${pad(Math.floor(t.minutes / 60))}:${pad(t.minutes % 60)}`
}

/** The plan's If-Match header as the version a change is based on (the kit's parser; 428 when missing). */
export const parseIfMatch = (header: string | undefined) =>
  parseVersionIfMatch(header, { readFrom: 'GET /api/plans/{id}', etag: { sv: 'planens ETag', en: 'the plan ETag' } })

export { etagOf }

export function conflictFor(row: Row, baseVersion: number, mine: Plan | null, detail: Text): Effect.Effect<never, AppError, R> {
  return Effect.gen(function* () {
    const base = yield* query('plans.version', (db: Kysely<Tables>) =>
      db
        .selectFrom('pe_plan_versions')
        .select('document')
        .where('plan_id', '=', row.id)
        .where('version', '=', baseVersion)
        .executeTakeFirst(),
    )
    const current = docOf(row)
    const info: ConflictInfo = {
      version: Number(row.version),
      status: row.status as PlanStatus,
      updatedBy: nameOf(yield* displayNames([row.updated_by]), row.updated_by),
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
/** The user may take `action` on the plan (role, district, status, four eyes): the status it leads to, else a 403 or 409 saying why. */
export const authoriseOn = (row: Row, user: SessionUser, action: PlanAction) =>
  Effect.flatMap(historyOf(row.id), (history) =>
    authorise(PLAN_WORKFLOW, user, { action, status: row.status as PlanStatus, subject: subjectOf(row, history) }),
  )

export function writeVersion<T>(
  id: string,
  baseVersion: number,
  check: (row: Row, user: SessionUser) => Effect.Effect<T, AppError, R>,
  change: (
    doc: Plan,
    row: Row,
    checked: T,
  ) => Effect.Effect<{ document: Plan; action: string; meta?: Record<string, unknown>; audit?: Record<string, unknown> }, AppError>,
  mine?: Plan,
): Effect.Effect<PlanDetail, AppError, R> {
  return transaction(
    Effect.gen(function* () {
      const user = yield* CurrentUser
      const clock = yield* Clock
      const row = yield* loadRow(id, true)
      if (Number(row.version) !== baseVersion) {
        const by = nameOf(yield* displayNames([row.updated_by]), row.updated_by)
        return yield* conflictFor(row, baseVersion, mine ?? null, {
          sv: `Planen har ändrats sedan version ${baseVersion} (If-Match): den är nu version ${row.version}, sparad${by === null ? '' : ` av ${by}`} ${wallClock(row.updated_at)}. Ingenting sparades. \`current\` visar den andra ändringen.`,
          en: `The plan has changed since version ${baseVersion} (If-Match): it is now version ${row.version}, saved${by === null ? '' : ` by ${by}`} at ${wallClock(row.updated_at)}. Nothing was saved; \`current\` shows the other change.`,
        })
      }
      const checked = yield* check(row, user)
      const before = docOf(row)
      const next = yield* change(before, row, checked)
      const diff = diffPlans(before, next.document)
      if (diff.identical && !next.meta) return yield* detailOf(row)
      const version = baseVersion + 1
      const now = clock.now()
      // The row lock makes a miss here unlikely; the guard answers it with 409 all the same.
      yield* versionGuard(
        query('plans.update', (db: Kysely<Tables>) =>
          db
            .updateTable('pe_plans')
            .set({ document: jsonb(next.document), status: next.document.status, version, updated_at: now, updated_by: user.username })
            .where('id', '=', id)
            .where('version', '=', baseVersion)
            .executeTakeFirst(),
        ),
        {
          detail: {
            sv: 'Planen ändrades medan den sparades. Ingenting sparades; läs in planen igen.',
            en: 'The plan changed while it was being saved. Nothing was saved; load the plan again.',
          },
        },
      )
      yield* query('plans.version.insert', async (db: Kysely<Tables>) => {
        await db
          .insertInto('pe_plan_versions')
          .values({
            plan_id: id,
            version,
            status: next.document.status,
            document: jsonb(next.document),
            action: next.action,
            meta: jsonb(next.meta ?? null),
            saved_by: user.username,
            saved_at: now,
          })
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
          changed: [
            ...diff.plan.map((f) => f.path),
            ...diff.activities.added.map((a) => `activities[${a.id}] added`),
            ...diff.activities.removed.map((a) => `activities[${a.id}] removed`),
            ...diff.activities.changed.map((a) => `activities[${a.id}]`),
          ],
          ...next.audit,
        },
      })
      const updated = yield* loadRow(id)
      return yield* detailOf(updated)
    }),
  )
}
