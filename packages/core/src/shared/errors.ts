import type { z } from 'zod'
import { isMessageCode, messageText, type MessageCode, type MessageParam, type MessageParams } from './messages.js'

/** A key written bare in a path: letters, digits, `_`, `$` and `-` only. */
const BARE_KEY = /^[\p{L}\p{N}_$-]+$/u

/**
 * Formats a zod path as `contacts[0].source.url`. A key that is not a plain name (an
 * unknown field called "", " " or "a.b" in a client's JSON) is quoted, `["a.b"]`, so the
 * path is never blank and never reads as another path.
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && !BARE_KEY.test(key)) out += `[${JSON.stringify(key)}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}

/** A problem with one field: where, a message code with its parameters, and the message in English. */
export interface FieldProblem {
  /** The field path, for example `contacts[0].source.url`; `(root)` for the input as a whole. */
  readonly path: string
  /** What is wrong, as a code of the message catalogue (`MESSAGES`). */
  readonly code: MessageCode
  /** The code's parameters, for example `{ got: '2026-02-30' }`. */
  readonly params: MessageParams
  /** The problem in English, from the catalogue (for logs and `ValidationError.message`). Word it for people with `formatMessage`. */
  readonly message: string
}

/** A code and its parameters: what a field problem says, without where. */
export interface CodedMessage {
  readonly code: MessageCode
  readonly params: MessageParams
}

/** A field problem at `path`. */
export function fieldProblem(path: string, code: MessageCode, params: MessageParams = {}): FieldProblem {
  return { path, code, params, message: messageText(code, params).en }
}

/** A problem's message in one language. */
export function formatMessage(problem: CodedMessage, locale: 'sv' | 'en'): string {
  return messageText(problem.code, problem.params)[locale]
}

// ---------------------------------------------------------------------------
// Codes through zod. A zod issue carries one string, its message; core's schemas put
// the code and its parameters there as JSON (`codedMessage`), and `issueMessage` reads
// them back. An issue whose message is not a code (zod's own messages) gets a code by
// its kind, with the issue's own numbers and values as parameters.
// ---------------------------------------------------------------------------

const CODED = '{"code":'

/** The message a schema gives zod for a code: `{"code":…,"params":…}`. */
export function codedMessage(code: MessageCode, params?: MessageParams): string {
  return params === undefined || Object.keys(params).length === 0 ? JSON.stringify({ code }) : JSON.stringify({ code, params })
}

/** The code and parameters in a message made by `codedMessage`, or undefined for any other text. */
export function readCodedMessage(message: string): CodedMessage | undefined {
  if (!message.startsWith(CODED)) return undefined
  try {
    const parsed = JSON.parse(message) as { code?: unknown; params?: unknown }
    if (!isMessageCode(parsed.code)) return undefined
    const params = typeof parsed.params === 'object' && parsed.params !== null ? (parsed.params as MessageParams) : {}
    return { code: parsed.code, params }
  } catch {
    return undefined
  }
}

/** A zod error option: the code, or `value.missing` when the value is absent. */
export function coded(code: MessageCode, params?: MessageParams | ((input: unknown) => MessageParams)) {
  return {
    error: (issue: { readonly input?: unknown; readonly code?: string }) =>
      issue.input === undefined && issue.code === 'invalid_type'
        ? codedMessage('value.missing')
        : codedMessage(code, typeof params === 'function' ? params(issue.input) : params),
  }
}

/** A value someone gave, as a message parameter (objects as JSON). */
export function given(input: unknown): MessageParam {
  if (input === null || typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean') return input
  if (input === undefined) return 'undefined'
  if (typeof input === 'bigint') return String(input)
  try {
    return JSON.stringify(input) ?? String(input)
  } catch {
    return Object.prototype.toString.call(input)
  }
}

const num = (n: number | bigint) => Number(n)
const shown = (v: unknown) => (typeof v === 'string' ? v : String(JSON.stringify(v) ?? v))

const TYPE_CODES: Readonly<Record<string, MessageCode>> = {
  string: 'type.string',
  number: 'type.number',
  int: 'type.integer',
  boolean: 'type.boolean',
  object: 'type.object',
  array: 'type.array',
}

const FORMAT_CODES: Readonly<Record<string, MessageCode>> = {
  email: 'format.email',
  url: 'format.url',
  uuid: 'format.uuid',
  guid: 'format.uuid',
  date: 'date.format',
  datetime: 'format.datetime',
}

/** The code and parameters of a zod issue: the code a schema gave it, otherwise one by the issue's kind. */
export function issueMessage(issue: z.core.$ZodIssue): CodedMessage {
  const own = readCodedMessage(issue.message)
  if (own !== undefined) return own
  switch (issue.code) {
    case 'invalid_type':
      // Zod keeps no input in the issue; its own message ends with what it received.
      if (/received undefined$/.test(issue.message)) return { code: 'value.missing', params: {} }
      return { code: TYPE_CODES[issue.expected] ?? 'type.other', params: TYPE_CODES[issue.expected] ? {} : { expected: issue.expected } }
    case 'too_small': {
      const min = num(issue.minimum)
      if (issue.origin === 'string') return min === 1 ? { code: 'text.empty', params: {} } : { code: 'text.tooShort', params: { min } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'list.tooShort', params: { min } }
      return { code: issue.inclusive ? 'number.min' : 'number.above', params: { min } }
    }
    case 'too_big': {
      const max = num(issue.maximum)
      if (issue.origin === 'string') return { code: 'text.tooLong', params: { max } }
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'list.tooLong', params: { max } }
      return { code: issue.inclusive ? 'number.max' : 'number.below', params: { max } }
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? { code: 'value.literal', params: { value: given(issue.values[0]) } }
        : { code: 'value.oneOf', params: { values: issue.values.map(shown) } }
    case 'invalid_format':
      return { code: FORMAT_CODES[issue.format] ?? 'format.other', params: {} }
    case 'not_multiple_of':
      return { code: 'number.multipleOf', params: { divisor: num(issue.divisor) } }
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? { code: 'field.unknownNamed', params: { key: issue.keys[0]! } }
        : { code: 'field.unknownMany', params: { keys: issue.keys } }
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options
      return Array.isArray(options) && options.length > 0
        ? { code: 'value.oneOf', params: { values: options.map(shown) } }
        : { code: 'value.noForm', params: {} }
    }
    case 'invalid_key':
      return { code: 'key.invalid', params: {} }
    case 'invalid_element':
      return { code: 'element.invalid', params: {} }
    case 'custom':
      return { code: 'value.invalid', params: {} }
  }
}

/**
 * Turns zod issues into field problems, one per problem. An unknown field is named at
 * its own path (`contacts[0].colour`), one problem per field.
 */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys' && readCodedMessage(issue.message) === undefined) {
      for (const key of issue.keys) out.push(fieldProblem(formatPath([...issue.path, key]), 'field.unknown'))
      continue
    }
    const { code, params } = issueMessage(issue)
    out.push(fieldProblem(formatPath(issue.path), code, params))
  }
  return out
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

/**
 * What a safe parse gives (`safeParseApplication`, `safeParsePlan`): the value, or every
 * field problem together with the ValidationError that the throwing parse would throw.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem[]; readonly error: ValidationError }

/** The failed ParseResult for `subject` with these problems. */
export function parseFailure(
  subject: string,
  problems: readonly FieldProblem[],
): { ok: false; problems: readonly FieldProblem[]; error: ValidationError } {
  return { ok: false, problems, error: new ValidationError(subject, problems) }
}

/** The value of a ParseResult, or throws its ValidationError. */
export function valueOrThrow<T>(result: ParseResult<T>): T {
  if (!result.ok) throw result.error
  return result.value
}

/** Parses `input` with `schema` into a ParseResult whose problems name each field. */
export function safeParseWith<S extends z.ZodType>(schema: S, input: unknown, subject: string): ParseResult<z.output<S>> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, value: result.data } : parseFailure(subject, fieldProblems(result.error))
}

/** Parses `input` with `schema`, or throws a ValidationError naming `subject`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  return valueOrThrow(safeParseWith(schema, input, subject))
}

/** Throws a ValidationError naming `subject` and one field, for a check outside a schema. */
export function invalidInput(subject: string, path: string, code: MessageCode, params: MessageParams = {}): never {
  throw new ValidationError(subject, [fieldProblem(path, code, params)])
}
