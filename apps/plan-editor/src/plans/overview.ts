// The city overview of every district's plan.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { analysePlan, type Plan } from '@vbe/core/plans'
import { Clock, query, DatabaseError } from '@vbe/server-kit'
import { type Tables } from '../db/tables.js'
import { districtName, PLUGINS, templatesForDistrict } from '../plugins.js'
import { summarise, docOf, type PlanSummary } from './store.js'
import { today, type R, type Row } from './rules.js'

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

export function overview(): Effect.Effect<Overview, DatabaseError, R> {
  return Effect.gen(function* () {
    const on = today(yield* Clock)
    const rows = yield* query('overview.plans', (db: Kysely<Tables>) => db.selectFrom('pe_plans').selectAll().orderBy('district').orderBy('year', 'desc').execute())
    const districts = [...new Set([...PLUGINS.map((p) => p.id), ...rows.map((r) => r.district)])].sort()
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
