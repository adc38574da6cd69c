import {
  fieldProblem,
  fieldProblems,
  given,
  LOCALES,
  requireShapes,
  shapeProblems,
  ValidationError,
  type FieldProblem,
} from '../shared/index.js'
import { grantSourceSchema } from '../plugins/index.js'
import { FINDING_STATUSES } from './rules.js'

const OUTCOMES = ['eligible', 'ineligible', 'requires_assessment'] as const

const oneOf = (values: readonly string[], value: unknown, path: string): FieldProblem[] =>
  typeof value === 'string' && !values.includes(value) ? [fieldProblem(path, 'value.oneOfGot', { values, got: value })] : []

/**
 * Checks that a screening result (from `screen`, or stored and read back) has the shape
 * the functions that take one trust: a ValidationError naming the field, never a
 * TypeError further on.
 */
export function checkScreeningResult(result: unknown, path: string, subject = 'Screening result'): void {
  requireShapes(subject, [[path, result, 'object']])
  const r = result as Record<string, unknown>
  const problems = shapeProblems([
    [`${path}.applicationId`, r['applicationId'], 'string'],
    [`${path}.programme`, r['programme'], 'string'],
    [`${path}.outcome`, r['outcome'], 'string'],
    [`${path}.humanDecisionRequired`, r['humanDecisionRequired'], 'boolean'],
    [`${path}.findings`, r['findings'], 'array'],
    [`${path}.ruleset`, r['ruleset'], 'object'],
  ])
  if (problems.length === 0) {
    problems.push(...oneOf(OUTCOMES, r['outcome'], `${path}.outcome`))
    const ruleset = r['ruleset'] as Record<string, unknown>
    problems.push(
      ...shapeProblems([
        [`${path}.ruleset.version`, ruleset['version'], 'string'],
        [`${path}.ruleset.on`, ruleset['on'], 'string'],
      ]),
    )
    ;(r['findings'] as unknown[]).forEach((f, i) => problems.push(...findingProblems(f, `${path}.findings[${i}]`)))
  }
  if (problems.length > 0) throw new ValidationError(subject, problems)
}

function findingProblems(finding: unknown, path: string): FieldProblem[] {
  const own = shapeProblems([[path, finding, 'object']])
  if (own.length > 0) return own
  const f = finding as Record<string, unknown>
  const problems = shapeProblems([
    [`${path}.ruleId`, f['ruleId'], 'string'],
    [`${path}.status`, f['status'], 'string'],
    [`${path}.reason`, f['reason'], 'object'],
    [`${path}.evidenceIds`, f['evidenceIds'], 'array'],
    [`${path}.sources`, f['sources'], 'array', true],
  ])
  if (problems.length > 0) return problems
  problems.push(...oneOf(FINDING_STATUSES, f['status'], `${path}.status`))
  const reason = f['reason'] as Record<string, unknown>
  problems.push(
    ...shapeProblems([
      [`${path}.reason.sv`, reason['sv'], 'string'],
      [`${path}.reason.en`, reason['en'], 'string'],
    ]),
  )
  ;((f['sources'] ?? []) as unknown[]).forEach((s, i) => {
    const parsed = grantSourceSchema.safeParse(s)
    if (!parsed.success)
      problems.push(
        ...fieldProblems(parsed.error).map((p) => ({ ...p, path: `${path}.sources[${i}]${p.path === '(root)' ? '' : `.${p.path}`}` })),
      )
  })
  return problems
}

/** Checks a locale option: `sv` or `en`. */
export function checkLocale(locale: unknown, path: string, subject: string): void {
  if (!(LOCALES as readonly unknown[]).includes(locale)) {
    throw new ValidationError(subject, [
      fieldProblem(path, locale === undefined ? 'value.missing' : 'value.oneOfGot', { values: LOCALES, got: given(locale) }),
    ])
  }
}

/**
 * Checks the arguments of `explainStructured` (and so of `explain`, which is built on it):
 * a screening result and an options object whose `appeal`, when given, is an object.
 */
export function checkExplainInput(result: unknown, options: unknown): void {
  checkScreeningResult(result, 'result')
  requireShapes('Explanation options', [['options', options, 'object']])
  const o = options as Record<string, unknown>
  requireShapes('Explanation options', [['options.appeal', o['appeal'], 'object', true]])
}

/** Checks `explain`'s own option, the locale; `explainStructured` checks the rest (`checkExplainInput`). */
export function checkExplainLocale(options: unknown): void {
  requireShapes('Explanation options', [['options', options, 'object']])
  checkLocale((options as Record<string, unknown>)['locale'], 'options.locale', 'Explanation options')
}
