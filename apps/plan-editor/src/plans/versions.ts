// A plan's analysis, its versions, and the redline between two.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { analysePlan, diffPlans, type Plan, type PlanAnalysis, type PlanDiff } from '@vbe/core/plans'
import { Clock, iso, NotFound, query, type AppError } from '@vbe/server-kit'
import { type Tables } from '../db/tables.js'
import { districtTemplates } from '@vbe/districts'
import { today, type R } from './rules.js'
import { displayNames, docOf, historyOf, loadRow, namedHistory, nameOf, type HistoryEntry } from './store.js'

export function planAnalysis(id: string, on?: string): Effect.Effect<PlanAnalysis, AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const date = on ?? today(yield* Clock)
    return analysePlan(docOf(row), { templates: districtTemplates(row.district), on: date })
  })
}

export function listVersions(id: string): Effect.Effect<HistoryEntry[], AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const history = yield* historyOf(row.id)
    return namedHistory(history, yield* displayNames(history.map((h) => h.by)))
  })
}

export function planVersion(
  id: string,
  version: number,
): Effect.Effect<{ version: number; status: string; document: Plan; by: string | null; at: string }, AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const v = yield* query('plans.version', (db: Kysely<Tables>) =>
      db.selectFrom('pe_plan_versions').selectAll().where('plan_id', '=', row.id).where('version', '=', version).executeTakeFirst(),
    )
    if (!v) return yield* new NotFound({ entity: { sv: 'planversionen', en: 'plan version' }, id: `${id}@${version}` })
    const by = nameOf(yield* displayNames([v.saved_by]), v.saved_by)
    return { version: Number(v.version), status: v.status, document: docOf(v), by, at: iso(v.saved_at) }
  })
}

export function redline(
  id: string,
  from: number,
  to: number,
): Effect.Effect<{ from: number; to: number; diff: PlanDiff; fromDocument: Plan; toDocument: Plan }, AppError, R> {
  return Effect.gen(function* () {
    const a = yield* planVersion(id, from)
    const b = yield* planVersion(id, to)
    return { from, to, diff: diffPlans(a.document, b.document), fromDocument: a.document, toDocument: b.document }
  })
}
