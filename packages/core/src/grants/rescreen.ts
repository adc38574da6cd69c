// Re-screening: which applications change outcome when the rules or the date change, and which findings changed.
import { diagnosed, fieldProblem, requireShapes, ValidationError } from '../shared/index.js'
import type { Application } from './application.js'
import type { Finding } from './rules.js'
import { screener, type ScreeningResult, type ScreenOptions } from './screen.js'
import { checkOptions, diagnoseApplication } from './screen-input.js'

/** What findings are matched by: their rule and the evidence they rest on. */
export type ComparableFinding = Pick<Finding, 'ruleId' | 'evidenceIds'>

/** One finding that differs between two screenings; `before` or `after` is absent when the finding appears or goes away. */
export interface FindingChange<F extends ComparableFinding = Finding> {
  readonly ruleId: string
  readonly evidenceIds: readonly string[]
  readonly before?: F
  readonly after?: F
}

export interface RescreenChange {
  readonly applicationId: string
  readonly before: ScreeningResult
  readonly after: ScreeningResult
  readonly changedFindings: readonly FindingChange[]
}

const findingKey = (f: ComparableFinding) => (f.evidenceIds.length === 0 ? f.ruleId : `${f.ruleId}\u0000${f.evidenceIds.join('\u0000')}`)

const sameStatusAndReason = (a: Pick<Finding, 'status' | 'reason'>, b: Pick<Finding, 'status' | 'reason'>) =>
  a.status === b.status && a.reason.sv === b.reason.sv && a.reason.en === b.reason.en

/**
 * The findings that differ between two results, matched by rule and evidence. Two
 * matched findings differ when their status or reason does, or, for other shapes of
 * finding (a stored form, say), when `same` says so.
 */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): FindingChange[]
export function diffFindings<F extends ComparableFinding>(
  before: readonly F[],
  after: readonly F[],
  same: (a: F, b: F) => boolean,
): FindingChange<F>[]
export function diffFindings<F extends ComparableFinding>(
  before: readonly F[],
  after: readonly F[],
  same: (a: F, b: F) => boolean = sameStatusAndReason as never,
): FindingChange<F>[] {
  requireShapes('Findings', [
    ['before', before, 'array'],
    ['after', after, 'array'],
    ['same', same, 'function'],
  ])
  const check = (list: readonly F[], name: string) =>
    list.forEach((f: unknown, i) => {
      requireShapes('Findings', [[`${name}[${i}]`, f, 'object']])
      const x = f as Record<string, unknown>
      requireShapes('Findings', [
        [`${name}[${i}].ruleId`, x['ruleId'], 'string'],
        [`${name}[${i}].evidenceIds`, x['evidenceIds'], 'array'],
      ])
    })
  check(before, 'before')
  check(after, 'after')
  const old = new Map(before.map((f) => [findingKey(f), f]))
  const changes: FindingChange<F>[] = []
  for (const a of after) {
    const key = findingKey(a)
    const b = old.get(key)
    old.delete(key)
    if (b === undefined) changes.push({ ruleId: a.ruleId, evidenceIds: a.evidenceIds, after: a })
    else if (!same(b, a)) changes.push({ ruleId: a.ruleId, evidenceIds: a.evidenceIds, before: b, after: a })
  }
  for (const b of old.values()) changes.push({ ruleId: b.ruleId, evidenceIds: b.evidenceIds, before: b })
  return changes
}

/**
 * Screens every application twice, under `from` and under `to` (two dates, two
 * rulesets, or both), and returns the applications whose outcome changes, each with the
 * findings that changed.
 *
 * @example
 * rescreen(grantees, { from: { on: '2026-01-01', plugins: old }, to: { on: '2026-01-01', plugins: updated } })
 */
export function rescreen(
  applications: Iterable<Application>,
  options: { readonly from: ScreenOptions; readonly to: ScreenOptions },
): RescreenChange[] {
  requireShapes('Re-screening', [['options', options, 'object']])
  checkOptions(options.from, 'options.from')
  checkOptions(options.to, 'options.to')
  if (typeof (applications as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    throw new ValidationError('Re-screening', [fieldProblem('applications', applications === undefined ? 'value.missing' : 'type.array')])
  }
  const from = screener(options.from.plugins)
  const to = screener(options.to.plugins)
  const changes: RescreenChange[] = []
  let index = 0
  for (const application of applications) {
    const path = `applications[${index++}]`
    requireShapes('Re-screening', [[path, application, 'object']])
    const before = diagnosed(
      () => from.screen(application, options.from.on),
      () => diagnoseApplication(application, path),
    )
    const after = to.screen(application, options.to.on)
    if (before.outcome === after.outcome) continue
    changes.push({ applicationId: application.id, before, after, changedFindings: diffFindings(before.findings, after.findings) })
  }
  return changes
}
