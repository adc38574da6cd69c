import type { z } from 'zod'

/** Formats a zod path as `contacts[0].source.url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}

export interface FieldProblem {
  /** The field path, for example `contacts[0].source.url`. */
  readonly path: string
  /** What is wrong with it, in plain words. */
  readonly message: string
}

/** Turns zod issues into `{ path, message }` pairs, one per problem. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
}

/** A validation failure that names what was validated, each field path and its problem. */
export class ValidationError extends Error {
  override readonly name: string = 'ValidationError'
  readonly subject: string
  readonly problems: readonly FieldProblem[]

  constructor(subject: string, problems: readonly FieldProblem[]) {
    super(`${subject} is invalid:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`)
    this.subject = subject
    this.problems = problems
  }
}

/** Parses `input` with `schema`, or throws a ValidationError naming `subject`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new ValidationError(subject, fieldProblems(result.error))
  return result.data
}
