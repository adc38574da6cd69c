import { defaultedPaths, fieldProblem, fieldProblems, parseOrThrow, ValidationError } from '../shared/index.js'
import { planSchema, type Plan } from './schemas.js'

/** Parses a plan from outside (an HTTP body, a file); throws ValidationError naming each field. */
export function parsePlan(input: unknown): Plan {
  return parseOrThrow(planSchema, input, 'Plan')
}

/**
 * Throws a ValidationError naming each field where `plan` is not an already-parsed Plan
 * (the functions that take a Plan trust its type); field paths start with `path`.
 */
export function diagnosePlan(plan: unknown, path: string): void {
  const prefix = (p: string) => (p === '(root)' ? path : `${path}.${p}`)
  const result = planSchema.safeParse(plan)
  if (!result.success) throw new ValidationError('Plan', fieldProblems(result.error).map((p) => ({ ...p, path: prefix(p.path) })))
  const missing = defaultedPaths(plan, result.data, '')
  if (missing.length > 0) throw new ValidationError('Plan', missing.map((p) => fieldProblem(prefix(p), 'value.missing')))
}
