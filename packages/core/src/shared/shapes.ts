import type { z } from 'zod'
import { fieldProblem, fieldProblems, ValidationError, type FieldProblem } from './errors.js'
import type { MessageCode } from './messages.js'

/**
 * Checks on the shape of input that got past the types (from JavaScript, JSON or a
 * cast). A public function given `null`, a number or an array where it takes an object
 * throws a ValidationError naming the field, never a TypeError.
 */

export type Shape = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'function'

const SHAPE_CODES: Readonly<Record<Shape, MessageCode>> = {
  object: 'type.object',
  array: 'type.array',
  string: 'type.string',
  number: 'type.number',
  boolean: 'type.boolean',
  function: 'value.invalid',
}

function hasShape(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'array':
      return Array.isArray(value)
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value)
    default:
      return typeof value === shape
  }
}

/** One expected shape: the field's path, its value, the shape, and whether it may be absent. */
export type ShapeCheck = readonly [path: string, value: unknown, shape: Shape, optional?: boolean]

/** The problems of the values that do not have their shape (`value.missing` for an absent required one). */
export function shapeProblems(checks: readonly ShapeCheck[]): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const [path, value, shape, optional] of checks) {
    if (value === undefined) {
      if (!optional) out.push(fieldProblem(path, 'value.missing'))
    } else if (!hasShape(value, shape)) out.push(fieldProblem(path, SHAPE_CODES[shape]))
  }
  return out
}

/** Throws a ValidationError naming `subject` when a value does not have its shape. */
export function requireShapes(subject: string, checks: readonly ShapeCheck[]): void {
  const problems = shapeProblems(checks)
  if (problems.length > 0) throw new ValidationError(subject, problems)
}

/** True for a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> => hasShape(value, 'object')

/**
 * Runs `body`, which trusts its input's types. When it fails with a TypeError (input of
 * the wrong shape got past them), `diagnose` is asked to throw a ValidationError naming
 * the field; when it finds nothing wrong, the TypeError was a bug and is thrown as it is.
 * Costs nothing while the input is right.
 */
export function diagnosed<T>(body: () => T, diagnose: () => void): T {
  try {
    return body()
  } catch (error) {
    if (error instanceof TypeError) diagnose()
    throw error
  }
}

/**
 * The paths where `output` (what a schema made of `input`) has a value that `input`
 * lacks: the fields a schema filled in by default, which a function that takes
 * already-parsed data needs to be given.
 */
export function defaultedPaths(input: unknown, output: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(output) && Array.isArray(input)) {
    output.forEach((v, i) => defaultedPaths(input[i], v, `${path}[${i}]`, out))
  } else if (isRecord(output) && isRecord(input)) {
    for (const [key, v] of Object.entries(output)) {
      const next = path === '' ? key : `${path}.${key}`
      if (input[key] === undefined && v !== undefined) out.push(next)
      else defaultedPaths(input[key], v, next, out)
    }
  }
  return out
}

/**
 * Throws a ValidationError naming `subject` and each field where `value` is not what
 * `schema` makes: a field the schema rejects, or one it would fill in by default (a
 * function that takes parsed data needs it given). Field paths start with `path`.
 */
export function diagnoseWith(schema: z.ZodType, value: unknown, subject: string, path: string): void {
  const prefix = (p: string) => (p === '(root)' ? path : path === '' ? p : p.startsWith('[') ? `${path}${p}` : `${path}.${p}`)
  const result = schema.safeParse(value)
  if (!result.success)
    throw new ValidationError(
      subject,
      fieldProblems(result.error).map((p) => ({ ...p, path: prefix(p.path) })),
    )
  const missing = defaultedPaths(value, result.data, '')
  if (missing.length > 0)
    throw new ValidationError(
      subject,
      missing.map((p) => fieldProblem(prefix(p), 'value.missing')),
    )
}
