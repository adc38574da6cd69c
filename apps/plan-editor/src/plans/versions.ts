// A plan's analysis, its versions, and the redline between two.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { analysePlan, diffPlans, type Plan, type PlanAnalysis, type PlanDiff } from '@vbe/core/plans'
import { Clock, iso, NotFound, query, type AppError } from '@vbe/server-kit'
import { type Tables } from '../db/tables.js'
import { templatesForDistrict } from '../plugins.js'
import { today, type R } from './rules.js'
import { docOf, historyOf, loadRow, type HistoryEntry } from './store.js'

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

export function planVersion(
  id: string,
  version: number,
): Effect.Effect<{ version: number; status: string; document: Plan; by: string; at: string }, AppError, R> {
  return Effect.gen(function* () {
    const row = yield* loadRow(id)
    const v = yield* query('plans.version', (db: Kysely<Tables>) =>
      db.selectFrom('pe_plan_versions').selectAll().where('plan_id', '=', row.id).where('version', '=', version).executeTakeFirst(),
    )
    if (!v) return yield* new NotFound({ entity: { sv: 'planversionen', en: 'plan version' }, id: `${id}@${version}` })
    return { version: Number(v.version), status: v.status, document: docOf(v), by: v.saved_by, at: iso(v.saved_at) }
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
