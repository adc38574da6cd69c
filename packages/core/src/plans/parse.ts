import { diagnoseWith, parseOrThrow } from '../shared/index.js'
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
  diagnoseWith(planSchema, plan, 'Plan', path)
}
