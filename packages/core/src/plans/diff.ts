import { diagnosed, requireShapes } from '../shared/index.js'
import { diagnosePlan } from './parse.js'
import type { Activity, Indicator, Plan } from './schemas.js'

/** One field that differs: `path` is like `situationPicture.summary` or `risks[R3].mitigation`. */
export interface FieldChange {
  readonly path: string
  readonly before: unknown
  readonly after: unknown
}

export interface IndicatorChange {
  readonly id: string
  readonly name: string
  readonly fields: readonly FieldChange[]
}

export interface ActivityChange {
  readonly id: string
  readonly title: string
  readonly fields: readonly FieldChange[]
  readonly indicators: {
    readonly added: readonly Indicator[]
    readonly removed: readonly Indicator[]
    readonly changed: readonly IndicatorChange[]
  }
}

export interface PlanDiff {
  /** Changes outside the activities: status, contact point, situation picture, sections. */
  readonly plan: readonly FieldChange[]
  readonly activities: {
    readonly added: readonly Activity[]
    readonly removed: readonly Activity[]
    readonly changed: readonly ActivityChange[]
  }
  readonly identical: boolean
}

/** Arrays whose elements are matched by a key rather than by position. */
const KEYED: Record<string, string> = { risks: 'riskId', followUps: 'period', sections: 'id', sources: 'title' }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) if (!same(a[k], b[k])) return false
    return true
  }
  return false
}

function diffValue(path: string, key: string, a: unknown, b: unknown, out: FieldChange[]): void {
  if (same(a, b)) return
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffValue(path ? `${path}.${k}` : k, k, a[k], b[k], out)
    return
  }
  const keyField = KEYED[key]
  if (keyField && Array.isArray(a) && Array.isArray(b) && [...a, ...b].every(isObject)) {
    const index = (list: unknown[]) => new Map(list.map((x) => [String((x as Record<string, unknown>)[keyField]), x]))
    const before = index(a)
    const after = index(b)
    for (const k of new Set([...before.keys(), ...after.keys()])) diffValue(`${path}[${k}]`, '', before.get(k), after.get(k), out)
    return
  }
  out.push({ path, before: a, after: b })
}

function fieldsOf<T extends Record<string, unknown>>(a: T, b: T, skip: readonly string[]): FieldChange[] {
  const out: FieldChange[] = []
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!skip.includes(k)) diffValue(k, k, a[k], b[k], out)
  }
  return out
}

function byId<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const a = new Map(before.map((x) => [x.id, x]))
  const b = new Map(after.map((x) => [x.id, x]))
  return {
    added: after.filter((x) => !a.has(x.id)),
    removed: before.filter((x) => !b.has(x.id)),
    both: after.filter((x) => a.has(x.id)).map((x) => [a.get(x.id)!, x] as const),
  }
}

/**
 * A field-level redline between two versions of a plan: activities and indicators
 * added, removed or changed (matched by id), and every other field that differs.
 */
export function diffPlans(a: Plan, b: Plan): PlanDiff {
  requireShapes('Plan comparison', [
    ['a', a, 'object'],
    ['b', b, 'object'],
  ])
  return diagnosed(
    () => diff(a, b),
    () => {
      diagnosePlan(a, 'a')
      diagnosePlan(b, 'b')
    },
  )
}

function diff(a: Plan, b: Plan): PlanDiff {
  const plan = fieldsOf(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, ['activities'])
  const acts = byId(a.activities, b.activities)
  const changed: ActivityChange[] = []
  for (const [before, after] of acts.both) {
    const fields = fieldsOf(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, ['indicators', 'id'])
    const inds = byId(before.indicators, after.indicators)
    const indicatorChanges = inds.both
      .map(([x, y]) => ({
        id: y.id,
        name: y.name,
        fields: fieldsOf(x as unknown as Record<string, unknown>, y as unknown as Record<string, unknown>, ['id']),
      }))
      .filter((c) => c.fields.length > 0)
    if (fields.length > 0 || inds.added.length > 0 || inds.removed.length > 0 || indicatorChanges.length > 0) {
      changed.push({
        id: after.id,
        title: after.title,
        fields,
        indicators: { added: inds.added, removed: inds.removed, changed: indicatorChanges },
      })
    }
  }
  return {
    plan,
    activities: { added: acts.added, removed: acts.removed, changed },
    identical: plan.length === 0 && acts.added.length === 0 && acts.removed.length === 0 && changed.length === 0,
  }
}
