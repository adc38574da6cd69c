import { diagnosed, requireShapes, ValidationError, fieldProblems, type LocalizedText } from '../shared/index.js'
import { actors, responsibilities, risks, type Level, type MeasureId } from '../strategy/index.js'
import { templateSchema, type Activity, type Indicator, type Plan, type Template, type TemplateItem } from './schemas.js'
import { diagnosePlan } from './parse.js'
import { isSituationPictureStale } from './staleness.js'
import { finding, type PlanFinding, type Severity } from './finding.js'
import { contentFindings } from './readiness.js'
import { LEVEL_WORDS, strategyItemLabel } from './item-labels.js'
import { isIsoDate } from '../shared/calendar/days.js'
import { invalidArgument } from '../shared/calendar/check.js'

export type { PlanFinding, Severity } from './finding.js'

export interface CoverageItem {
  readonly id: string
  readonly kind: TemplateItem['kind']
  readonly title: LocalizedText
  readonly asks: LocalizedText
  readonly activityIds: readonly string[]
  readonly covered: boolean
}

export interface TemplateCoverage {
  readonly templateId: string
  readonly version: string
  readonly title: LocalizedText
  readonly items: readonly CoverageItem[]
  readonly gaps: readonly string[]
}

export interface TemplateSummary {
  readonly templateId: string
  readonly version: string
  readonly covered: number
  readonly total: number
  /** Whole per cent, rounded down, so 11 of 12 never shows as 100. */
  readonly percent: number
  readonly gaps: readonly string[]
}

export interface PlanAnalysis {
  readonly on: string
  readonly coverage: readonly TemplateCoverage[]
  readonly indicatorFindings: readonly PlanFinding[]
  readonly responsibilityFindings: readonly PlanFinding[]
  readonly riskFindings: readonly PlanFinding[]
  /** The yearly revision (a current situation picture) and what a plan needs before it goes to the committee. */
  readonly revisionFindings: readonly PlanFinding[]
  readonly summary: {
    readonly templates: readonly TemplateSummary[]
    readonly findings: Readonly<Record<Severity, number>>
  }
}

export interface AnalyseOptions {
  readonly templates: readonly Template[]
  /** The date the plan is analysed at, YYYY-MM-DD. */
  readonly on: string
}

// Measures by the levels that own them, computed once from the strategy data.
const ownerLevels = new Map<string, Set<Level>>()
const centralOwners = new Map<string, string[]>()
for (const r of responsibilities) {
  if (r.role !== 'owns' || r.target.kind !== 'measure') continue
  const levels = ownerLevels.get(r.target.id) ?? new Set<Level>()
  levels.add(r.level)
  ownerLevels.set(r.target.id, levels)
  if (r.level === 'central') centralOwners.set(r.target.id, [...(centralOwners.get(r.target.id) ?? []), r.actorId])
}

const isEffect = (i: Indicator) => i.kind === 'effect'
/** A strategy item's title in both languages, for a message (never its id). */
const titleOf = (id: string): LocalizedText => strategyItemLabel(id)?.title ?? { sv: id, en: id }

function activityItemIds(activity: Activity, kind: TemplateItem['kind']): readonly string[] {
  switch (kind) {
    case 'guideline':
      return activity.guidelines
    case 'perspective':
      return activity.perspectives
    case 'measure':
      return activity.measures
    case 'directive-point':
      return activity.directivePoints
    case 'section':
      return activity.sections
  }
}

function coverageOf(plan: Plan, template: Template): TemplateCoverage {
  const byItem = new Map<string, string[]>()
  for (const activity of plan.activities) {
    for (const item of template.items) {
      if (activityItemIds(activity, item.kind).includes(item.id)) {
        const list = byItem.get(item.id)
        if (list) list.push(activity.id)
        else byItem.set(item.id, [activity.id])
      }
    }
  }
  const answered = new Set(plan.sections.filter((s) => s.text.trim() !== '').map((s) => s.id))
  const items = template.items.map((item) => {
    const activityIds = byItem.get(item.id) ?? []
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      asks: item.asks,
      activityIds,
      covered: activityIds.length > 0 || answered.has(item.id),
    }
  })
  return {
    templateId: template.id,
    version: template.version,
    title: template.title,
    items,
    gaps: items.filter((i) => !i.covered).map((i) => i.id),
  }
}

function indicatorFindings(plan: Plan): PlanFinding[] {
  const out: PlanFinding[] = []
  const guidelinesWithActivities = new Set<string>()
  const guidelinesWithEffect = new Set<string>()
  for (const a of plan.activities) {
    const hasEffect = a.indicators.some(isEffect)
    for (const g of a.guidelines) {
      guidelinesWithActivities.add(g)
      if (hasEffect) guidelinesWithEffect.add(g)
    }
    for (const i of a.indicators) {
      if (!isEffect(i)) {
        out.push(
          finding(
            'not-effect-follow-up',
            'info',
            `Indikatorn "${i.name}" räknar ${i.kind === 'activity' ? 'genomförda aktiviteter' : 'prestationer'} och räknas inte som uppföljning av effekt.`,
            `The indicator "${i.name}" counts ${i.kind === 'activity' ? 'activities carried out' : 'outputs'} and does not count as effect follow-up.`,
            { activityId: a.id, indicatorId: i.id },
          ),
        )
        continue
      }
      const missing = [
        i.baseline ? undefined : { sv: 'utgångsvärde', en: 'baseline' },
        i.target ? undefined : { sv: 'målvärde', en: 'target' },
        i.dataSource?.trim() ? undefined : { sv: 'datakälla', en: 'data source' },
      ].filter((m): m is { sv: string; en: string } => m !== undefined)
      if (missing.length > 0) {
        out.push(
          finding(
            'effect-indicator-incomplete',
            'error',
            `Effektindikatorn "${i.name}" saknar ${missing.map((m) => m.sv).join(', ')}; utan dem går effekten inte att följa upp.`,
            `The effect indicator "${i.name}" has no ${missing.map((m) => m.en).join(', ')}; without them its effect cannot be followed up.`,
            { activityId: a.id, indicatorId: i.id },
          ),
        )
      }
    }
    if (!hasEffect) {
      out.push(
        finding(
          'activity-without-effect-indicator',
          'warning',
          `Aktiviteten "${a.title}" har ingen effektindikator.`,
          `The activity "${a.title}" has no effect indicator.`,
          { activityId: a.id },
        ),
      )
    }
  }
  for (const g of guidelinesWithActivities) {
    if (!guidelinesWithEffect.has(g)) {
      out.push(
        finding(
          'guideline-without-effect-indicator',
          'error',
          `Riktlinjen ”${titleOf(g).sv}” har aktiviteter men ingen effektindikator; reservationerna 2017 krävde indikatorer på effekt, inte på genomförda aktiviteter.`,
          `The guideline “${titleOf(g).en}” has activities but no effect indicator; the 2017 reservations asked for indicators of effect, not of activities carried out.`,
          { itemId: g },
        ),
      )
    }
  }
  return out
}

function responsibilityFindings(plan: Plan): PlanFinding[] {
  const out: PlanFinding[] = []
  for (const a of plan.activities) {
    const actor = actors.find(a.responsible.actorId)
    if (actor && actor.level !== a.responsible.level) {
      out.push(
        finding(
          'actor-level-mismatch',
          'error',
          `Aktiviteten "${a.title}" anger ${actor.title.sv} på ${LEVEL_WORDS[a.responsible.level].sv}, men strategin placerar aktören på ${LEVEL_WORDS[actor.level].sv}.`,
          `The activity "${a.title}" names ${actor.title.en} at ${LEVEL_WORDS[a.responsible.level].en}, but the strategy places that actor at ${LEVEL_WORDS[actor.level].en}.`,
          { activityId: a.id, itemId: actor.id },
        ),
      )
    }
    const involved = new Set([a.responsible.actorId, ...a.partners])
    for (const m of a.measures) {
      const levels = ownerLevels.get(m)
      if (!levels?.has('central')) continue
      const owners = centralOwners.get(m as MeasureId) ?? []
      if (a.responsible.level === 'district' && !levels.has('district')) {
        out.push(
          finding(
            'claims-central-responsibility',
            'warning',
            `Stadsdelen anges som ansvarig för åtgärden ”${titleOf(m).sv}” i "${a.title}", men strategin ger det ansvaret till central nivå (${owners.map((o) => actors.byId(o).title.sv).join(', ')}). Beskriv stadsdelens bidrag och ange den centrala ägaren.`,
            `The district is named responsible for the measure “${titleOf(m).en}” in "${a.title}", but the strategy gives that responsibility to the central level (${owners.map((o) => actors.byId(o).title.en).join(', ')}). Describe the district's contribution and name the central owner.`,
            { activityId: a.id, itemId: m },
          ),
        )
      }
      if (!owners.some((o) => involved.has(o))) {
        out.push(
          finding(
            'central-counterpart-missing',
            'warning',
            `Åtgärden ”${titleOf(m).sv}” ägs centralt, men "${a.title}" nämner ingen central motpart (${owners.map((o) => actors.byId(o).title.sv).join(', ')}).`,
            `The measure “${titleOf(m).en}” is owned centrally, but "${a.title}" names no central counterpart (${owners.map((o) => actors.byId(o).title.en).join(', ')}).`,
            { activityId: a.id, itemId: m },
          ),
        )
      }
    }
  }
  return out
}

const R1 = risks.byId('R1')
const R3 = risks.byId('R3')

function riskFindings(plan: Plan): PlanFinding[] {
  const out: PlanFinding[] = []
  for (const a of plan.activities) {
    const preventive = a.perspectives.includes('P2')
    const atResidents = a.targetGroup?.kind === 'residents'
    if (!preventive && !atResidents) continue
    const why = preventive
      ? { sv: 'är förebyggande', en: 'is preventive' }
      : { sv: 'riktar sig till en grupp invånare', en: 'is aimed at a group of residents' }
    for (const risk of [R1, R3]) {
      const handled = a.risks.some((r) => r.riskId === risk.id && r.mitigation.trim() !== '')
      if (!handled) {
        out.push(
          finding(
            'risk-not-handled',
            'error',
            `"${a.title}" ${why.sv} men beskriver inte hur risken ”${risk.title.sv}” hanteras: ${risk.demands.sv}`,
            `"${a.title}" ${why.en} but does not describe how the risk “${risk.title.en}” is handled: ${risk.demands.en}`,
            { activityId: a.id, itemId: risk.id },
          ),
        )
      }
    }
  }
  return out
}

function revisionFindings(plan: Plan, on: string): PlanFinding[] {
  const out: PlanFinding[] = []
  const picture = plan.situationPicture
  // The editor analyses a half-typed plan too; a date that is not yet a date is the schema's to report.
  if (isIsoDate(picture.date) && isSituationPictureStale(picture.date, on)) {
    out.push(
      finding(
        'situation-picture-stale',
        'error',
        `Lägesbilden är från ${picture.date}, mer än tolv månader före ${on}. Planen ska revideras årligen utifrån en aktuell lägesbild.`,
        `The situation picture is from ${picture.date}, more than twelve months before ${on}. The plan must be revised every year from a current situation picture.`,
        { itemId: 'D2' },
      ),
    )
  }
  if (picture.date > on) {
    out.push(
      finding(
        'situation-picture-in-future',
        'warning',
        `Lägesbilden är daterad ${picture.date}, efter ${on}.`,
        `The situation picture is dated ${picture.date}, after ${on}.`,
      ),
    )
  }
  const onYear = Number(on.slice(0, 4))
  if (plan.year < onYear) {
    out.push(
      finding(
        'plan-year-passed',
        'error',
        `Planen gäller ${plan.year}, som har passerat. Gör en årlig revidering för ${onYear}.`,
        `The plan is for ${plan.year}, which has passed. Make the yearly revision for ${onYear}.`,
        { itemId: 'D2' },
      ),
    )
  }
  if (picture.summary.trim() === '') {
    out.push(
      finding(
        'situation-picture-summary-missing',
        'error',
        'Lägesbilden har ingen text. Beskriv vad den aktuella lokala lägesbilden visar.',
        'The situation picture has no text. Describe what the current local situation picture shows.',
        { itemId: 'D2' },
      ),
    )
  }
  if (!picture.localProblemPicture) {
    out.push(
      finding(
        'local-problem-picture-missing',
        'warning',
        'Lägesbilden saknar den lokala problembilden från samverkansavtalet med polisen, som direktivet och riktlinjen om samarbete med polisen förutsätter.',
        'The situation picture lacks the local problem picture from the police cooperation agreement, which the directive and the guideline on cooperation with the police expect.',
        { itemId: 'D1' },
      ),
    )
  }
  return out
}

/**
 * Holds a plan against templates at a date: coverage of every template item, and
 * findings on indicators, responsibilities, risks and revision. Pure and synchronous.
 */
export function analysePlan(plan: Plan, options: AnalyseOptions): PlanAnalysis {
  requireShapes('Plan analysis', [
    ['plan', plan, 'object'],
    ['options', options, 'object'],
  ])
  requireShapes('Plan analysis', [
    ['options.templates', options.templates, 'array'],
    ['options.on', options.on, 'string'],
  ])
  if (!isIsoDate(options.on)) invalidArgument('Plan analysis', 'options.on', 'date.invalid', options.on)
  return diagnosed(
    () => analyse(plan, options),
    () => {
      diagnosePlan(plan, 'plan')
      options.templates.forEach((t, i) => {
        const r = templateSchema.safeParse(t)
        if (!r.success)
          throw new ValidationError(
            'Template',
            fieldProblems(r.error).map((p) => ({ ...p, path: `options.templates[${i}]${p.path === '(root)' ? '' : `.${p.path}`}` })),
          )
      })
    },
  )
}

function analyse(plan: Plan, options: AnalyseOptions): PlanAnalysis {
  const coverage = options.templates.map((t) => coverageOf(plan, t))
  const indicator = indicatorFindings(plan)
  const responsibility = responsibilityFindings(plan)
  const risk = riskFindings(plan)
  // The revision findings include what the plan needs before it can go to the committee.
  const revision = [...revisionFindings(plan, options.on), ...contentFindings(plan, coverage)]
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of [...indicator, ...responsibility, ...risk, ...revision]) counts[f.severity]++
  return {
    on: options.on,
    coverage,
    indicatorFindings: indicator,
    responsibilityFindings: responsibility,
    riskFindings: risk,
    revisionFindings: revision,
    summary: {
      templates: coverage.map((c) => {
        const covered = c.items.length - c.gaps.length
        return {
          templateId: c.templateId,
          version: c.version,
          covered,
          total: c.items.length,
          percent: Math.floor((covered * 100) / c.items.length),
          gaps: c.gaps,
        }
      }),
      findings: counts,
    },
  }
}
