import { ValidationError } from '../errors.js'

/** Throws a ValidationError naming the function, the argument and what is wrong with it. */
export function invalidArgument(subject: string, field: string, problem: string, got: unknown): never {
  const shown = got instanceof Date ? String(got) : JSON.stringify(got) ?? String(got)
  throw new ValidationError(subject, [{ path: field, message: `${problem}, got ${shown}` }])
}
