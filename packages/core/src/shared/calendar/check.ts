import { fieldProblem, given, ValidationError } from '../errors.js'
import type { MessageCode } from '../messages.js'

/** Throws a ValidationError naming the function, the argument and what is wrong with it (a message code, given the value). */
export function invalidArgument(subject: string, field: string, code: MessageCode, got: unknown): never {
  throw new ValidationError(subject, [fieldProblem(field, code, { got: got instanceof Date ? String(got) : given(got) })])
}
