import { diagnoseWith, safeParseWith, valueOrThrow, type ParseResult } from '../shared/index.js'
import { planSchema, type Plan } from './schemas.js'

/**
 * Parses a plan from outside (an HTTP body, a file) without throwing: `{ ok: true, value }`,
 * or `{ ok: false, problems, error }` naming each field. The same shape as `safeParseApplication`.
 */
export function safeParsePlan(input: unknown): ParseResult<Plan> {
  return safeParseWith(planSchema, input, 'Plan')
}

/** Parses a plan from outside (an HTTP body, a file); throws a ValidationError naming each field (see `safeParsePlan`). */
export function parsePlan(input: unknown): Plan {
  return valueOrThrow(safeParsePlan(input))
}

/**
 * Throws a ValidationError naming each field where `plan` is not an already-parsed Plan
 * (the functions that take a Plan trust its type); field paths start with `path`.
 */
export function diagnosePlan(plan: unknown, path: string): void {
  diagnoseWith(planSchema, plan, 'Plan', path)
}
