// The city overview of every district's plan.
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { cityOverview, type CityOverview, type PlanStatus } from '@vbe/core/plans'
import { Clock, CurrentUser, query, scopeDistricts, scopeOf, DatabaseError } from '@vbe/server-kit'
import { type Tables } from '../db/tables.js'
import { DISTRICT_PLUGINS, districtName, districtTemplates } from '@vbe/districts'
import { displayNames, summarise, docOf, type PlanSummary } from './store.js'
import { today, type R } from './rules.js'

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

type CoreEntry = CityOverview['situationPictures'][number]

/** A situation picture in the overview (core's entry), with the district's name; no local problem picture is `null`. */
export type SituationPictureEntry = Omit<CoreEntry, 'localProblemPicture'> & {
  readonly districtName: string
  readonly localProblemPicture: NonNullable<CoreEntry['localProblemPicture']> | null
}

/** Core's city overview with district names, and each current plan as its summary. */
export interface Overview extends Omit<CityOverview, 'rows' | 'situationPictures' | 'city'> {
  readonly rows: readonly OverviewRow[]
  readonly situationPictures: readonly SituationPictureEntry[]
  readonly city: Omit<CityOverview['city'], 'pictures'> & { readonly pictures: readonly SituationPictureEntry[] }
}

/**
 * Reads the plans in the user's scope and hands them to core's `cityOverview`; adds
 * district names and plan summaries. A district admin's overview is its own district's.
 */
export function overview(): Effect.Effect<Overview, DatabaseError, R> {
  return Effect.gen(function* () {
    const on = today(yield* Clock)
    const scope = scopeOf(yield* CurrentUser)
    const rows = yield* query('overview.plans', (db: Kysely<Tables>) => {
      const q = db.selectFrom('pe_plans').selectAll()
      return (scope === null ? q : q.where('district', 'in', scopeDistricts(scope))).orderBy('district').orderBy('year', 'desc').execute()
    })
    const plans = rows.map((row) => ({
      id: row.id,
      district: row.district,
      year: Number(row.year),
      status: row.status as PlanStatus,
      document: docOf(row),
      row,
    }))
    const names = yield* displayNames(rows.map((row) => row.updated_by))
    const districts = scope ?? DISTRICT_PLUGINS.map((p) => p.id)
    const o = cityOverview(plans, on, { districts, templates: districtTemplates('-'), templatesFor: districtTemplates })
    const named = ({ district, localProblemPicture, ...p }: CoreEntry): SituationPictureEntry => ({
      district,
      districtName: districtName(district),
      ...p,
      localProblemPicture: localProblemPicture ?? null,
    })
    return {
      ...o,
      rows: o.rows.map((r) => ({
        district: r.district,
        districtName: districtName(r.district),
        plan: r.plan && r.analysis && summarise(r.plan.row, on, names, r.analysis),
        cells: r.cells,
      })),
      situationPictures: o.situationPictures.map(named),
      city: { ...o.city, pictures: o.city.pictures.map(named) },
    }
  })
}
