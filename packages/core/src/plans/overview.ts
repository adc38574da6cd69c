/**
 * The city overview: every district's current plan held against the city's templates
 * on one date, the situation pictures by date, and what the city as a whole lacks.
 * Pure: the caller reads the plans (and decides whom it may show them to).
 */
import type { IsoDate, LocalizedText } from '../shared/index.js'
import { isIsoDate } from '../shared/calendar/days.js'
import { invalidArgument } from '../shared/calendar/check.js'
import { analysePlan, type PlanAnalysis, type Severity } from './analyse.js'
import type { Plan, PlanStatus, SituationPicture, Template } from './schemas.js'
import { isSituationPictureStale } from './staleness.js'
import { templatesFor } from './templates.js'
import { itemLabel } from './item-labels.js'

/** A stored plan as the overview reads it. Callers may pass their own records with more fields; they come back as given. */
export interface OverviewPlan {
  readonly id: string
  readonly district: string
  readonly year: number
  readonly status: PlanStatus
  readonly document: Plan
}

export interface CityOverviewOptions {
  /** The districts of the city. Each gets a row, with or without a plan; a district that only appears in the plans gets one too. */
  readonly districts?: readonly string[]
  /** The templates every district answers; their guidelines and directive points are the columns. Default: `templatesFor()`. */
  readonly templates?: readonly Template[]
  /** The templates a district's plan is analysed against (the city's and its own sections). Default: `templates`. */
  readonly templatesFor?: (district: string) => readonly Template[]
}

export interface OverviewColumn {
  readonly templateId: string
  /** Each item with a short label for its column head and its full title; `id` is a key, never shown. */
  readonly items: ReadonlyArray<{ readonly id: string; readonly short: LocalizedText; readonly title: LocalizedText }>
}

export interface DistrictOverview<P extends OverviewPlan = OverviewPlan> {
  readonly district: string
  /** The district's current plan: the one for the latest year. */
  readonly plan: P | null
  readonly analysis: PlanAnalysis | null
  /** Per item of the city's templates: the number of activities covering it (0 = gap); a section answered in text counts 1. */
  readonly cells: Readonly<Record<string, number>>
}

export interface SituationPictureEntry {
  readonly district: string
  readonly planId: string
  readonly year: number
  readonly status: PlanStatus
  readonly date: IsoDate
  readonly summary: string
  readonly localProblemPicture: SituationPicture['localProblemPicture'] | null
  readonly sources: SituationPicture['sources']
  /** More than twelve months old on the overview date (`isSituationPictureStale`). */
  readonly stale: boolean
}

export interface CityOverview<P extends OverviewPlan = OverviewPlan> {
  readonly on: IsoDate
  readonly columns: readonly OverviewColumn[]
  /** One row per district, by district id. */
  readonly rows: ReadonlyArray<DistrictOverview<P>>
  /** The situation picture of every plan, newest first. */
  readonly situationPictures: readonly SituationPictureEntry[]
  readonly city: {
    readonly districts: number
    readonly withPlan: number
    /** The newest and the oldest current situation picture. */
    readonly newest: IsoDate | null
    readonly oldest: IsoDate | null
    /** Districts whose current situation picture is stale. */
    readonly stale: readonly string[]
    /** Guidelines and directive points no district's current plan covers, by id (the columns give their words). */
    readonly uncoveredEverywhere: readonly string[]
    /** The current plans' findings, added up. */
    readonly findings: Readonly<Record<Severity, number>>
    /** The current situation picture of every district, newest first. */
    readonly pictures: readonly SituationPictureEntry[]
  }
}

const COLUMN_KINDS: ReadonlySet<string> = new Set(['guideline', 'directive-point'])

// Newest first; on the same date by district, then the later plan year first.
const byDateDesc = (a: SituationPictureEntry, b: SituationPictureEntry) =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.district !== b.district ? (a.district < b.district ? -1 : 1) : b.year - a.year

function pictureOf(plan: OverviewPlan, on: IsoDate): SituationPictureEntry {
  const p = plan.document.situationPicture
  return {
    district: plan.district,
    planId: plan.id,
    year: plan.year,
    status: plan.status,
    date: p.date,
    summary: p.summary,
    localProblemPicture: p.localProblemPicture ?? null,
    sources: p.sources,
    stale: isSituationPictureStale(p.date, on),
  }
}

/**
 * The city overview on `on`: each district's current plan (its latest year) analysed
 * against the city's templates, coverage per guideline and directive point, situation
 * pictures newest first with the stale ones marked, and the city's totals.
 */
export function cityOverview<P extends OverviewPlan>(plans: readonly P[], on: IsoDate, options: CityOverviewOptions = {}): CityOverview<P> {
  if (!isIsoDate(on)) invalidArgument('cityOverview', 'on', 'date.invalid', on)
  const base = options.templates ?? templatesFor()
  const analysedWith = options.templatesFor ?? (() => base)
  const baseIds = new Set(base.map((t) => t.id))
  const columns: OverviewColumn[] = base.map((t) => ({
    templateId: t.id,
    items: t.items.filter((i) => COLUMN_KINDS.has(i.kind)).map((i) => ({ id: i.id, ...itemLabel(i.id, i.title) })),
  }))

  const current = new Map<string, P>()
  for (const p of plans) {
    const seen = current.get(p.district)
    if (!seen || p.year > seen.year) current.set(p.district, p)
  }
  const districts = [...new Set([...(options.districts ?? []), ...plans.map((p) => p.district)])].sort()

  const rows = districts.map((district): DistrictOverview<P> => {
    const plan = current.get(district)
    if (!plan) return { district, plan: null, analysis: null, cells: {} }
    const analysis = analysePlan(plan.document, { templates: analysedWith(district), on })
    const cells: Record<string, number> = {}
    for (const c of analysis.coverage) {
      if (!baseIds.has(c.templateId)) continue
      for (const i of c.items) cells[i.id] = i.activityIds.length || (i.covered ? 1 : 0)
    }
    return { district, plan, analysis, cells }
  })

  type WithPlan = DistrictOverview<P> & { plan: P; analysis: PlanAnalysis }
  const withPlan = rows.filter((r): r is WithPlan => r.plan !== null && r.analysis !== null)
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const r of withPlan) for (const k of ['error', 'warning', 'info'] as const) findings[k] += r.analysis.summary.findings[k]
  const pictures = withPlan.map((r) => pictureOf(r.plan, on)).sort(byDateDesc)
  const itemIds = columns.flatMap((c) => c.items.map((i) => i.id))

  return {
    on,
    columns,
    rows,
    situationPictures: plans.map((p) => pictureOf(p, on)).sort(byDateDesc),
    city: {
      districts: districts.length,
      withPlan: withPlan.length,
      newest: pictures[0]?.date ?? null,
      oldest: pictures.at(-1)?.date ?? null,
      stale: pictures.filter((p) => p.stale).map((p) => p.district),
      uncoveredEverywhere: withPlan.length === 0 ? [] : itemIds.filter((id) => withPlan.every((r) => !r.cells[id])),
      findings,
      pictures,
    },
  }
}
