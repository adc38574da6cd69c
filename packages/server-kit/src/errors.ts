import { Data } from 'effect'
import type { Locale, LocalizedText } from '@vbe/core'
import { fieldMessageIn, textIn, type Text } from './messages.js'

/**
 * The expected failures of a request, as Effect tagged errors. Their user-facing texts
 * are `Text`: `{ sv, en }` (core's field problems are worded from their codes with
 * `problemText`). `toProblem` maps each to an
 * HTTP status and an RFC 9457 problem document in the request's language, in this one
 * place. `message` is the English, for logs.
 */
export class Unauthenticated extends Data.TaggedError('Unauthenticated')<{ readonly detail?: Text }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class Forbidden extends Data.TaggedError('Forbidden')<{ readonly detail: Text; readonly code?: string }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
/** `entity` names what was looked for: `{ sv: 'ärendet', en: 'case' }` (Swedish in the definite form). */
export class NotFound extends Data.TaggedError('NotFound')<{ readonly entity: Text; readonly id: string }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class Conflict extends Data.TaggedError('Conflict')<{ readonly detail: Text; readonly current?: unknown }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class PreconditionRequired extends Data.TaggedError('PreconditionRequired')<{ readonly detail: Text }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class Invalid extends Data.TaggedError('Invalid')<{ readonly detail: Text; readonly problems: readonly FieldProblemText[] }> {
  override get message(): string {
    const p = problemOf(this)
    return `${p.detail} ${(p.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ')}`
  }
}
export class RateLimited extends Data.TaggedError('RateLimited')<{ readonly retryAfterSeconds: number }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class DatabaseError extends Data.TaggedError('DatabaseError')<{ readonly cause: unknown; readonly operation: string }> {
  override get message(): string {
    return `Database error in ${this.operation}: ${this.cause instanceof Error ? this.cause.message : String(this.cause)}`
  }
}

const problemOf = (e: AppError) => toProblem(e, 'en').problem

export type AppError = Unauthenticated | Forbidden | NotFound | Conflict | PreconditionRequired | Invalid | RateLimited | DatabaseError

/** A field and what is wrong with it, in both languages. */
export interface FieldProblemText {
  readonly path: string
  readonly message: Text
}

/** A problem document as it is sent: every text in the request's language. */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: readonly ProblemFieldError[]
  readonly code?: string
  readonly current?: unknown
}

/** A field problem as a problem document carries it: the path, and the message in the request's language. */
export interface ProblemFieldError {
  readonly path: string
  readonly message: string
}

/** A problem document before its language is chosen. A `Problem` is one (in English). */
export interface ProblemTexts {
  readonly type: string
  readonly title: Text
  readonly status: number
  readonly detail: Text
  readonly errors?: readonly FieldProblemText[]
  readonly code?: string
  readonly current?: unknown
}

const TYPE = 'https://vbe.invalid/problems/'

/** Builds a problem for a list of field problems (400). */
export function invalid(detail: Text, problems: readonly FieldProblemText[]): Invalid {
  return new Invalid({ detail, problems })
}

const TITLES = {
  unauthenticated: { sv: 'Inte inloggad', en: 'Not logged in' },
  forbidden: { sv: 'Inte tillåtet', en: 'Forbidden' },
  notFound: { sv: 'Hittades inte', en: 'Not found' },
  conflict: { sv: 'Konflikt', en: 'Conflict' },
  preconditionRequired: { sv: 'Förutsättning saknas', en: 'Precondition required' },
  invalid: { sv: 'Ogiltig begäran', en: 'Invalid request' },
  rateLimited: { sv: 'För många försök', en: 'Too many attempts' },
  internal: { sv: 'Internt fel', en: 'Internal error' },
} as const satisfies Record<string, LocalizedText>
export { TITLES as PROBLEM_TITLES }

/** The one mapping from typed failures to problems, with the texts in both languages. */
export function toProblemTexts(error: AppError): { problem: ProblemTexts; headers?: Record<string, string> } {
  switch (error._tag) {
    case 'Unauthenticated':
      return {
        problem: {
          type: `${TYPE}unauthenticated`,
          title: TITLES.unauthenticated,
          status: 401,
          detail: error.detail ?? { sv: 'Logga in först.', en: 'Log in first.' },
        },
      }
    case 'Forbidden':
      return {
        problem: {
          type: `${TYPE}forbidden`,
          title: TITLES.forbidden,
          status: 403,
          detail: error.detail,
          ...(error.code ? { code: error.code } : {}),
        },
      }
    case 'NotFound': {
      const entity = typeof error.entity === 'string' ? { sv: error.entity, en: error.entity } : error.entity
      return {
        problem: {
          type: `${TYPE}not-found`,
          title: TITLES.notFound,
          status: 404,
          detail: { sv: `Det gick inte att hitta ${entity.sv} bland det du har tillgång till.`, en: `No such ${entity.en} in your scope.` },
        },
      }
    }
    case 'Conflict':
      return {
        problem: {
          type: `${TYPE}conflict`,
          title: TITLES.conflict,
          status: 409,
          detail: error.detail,
          ...(error.current === undefined ? {} : { current: error.current }),
        },
      }
    case 'PreconditionRequired':
      return { problem: { type: `${TYPE}precondition-required`, title: TITLES.preconditionRequired, status: 428, detail: error.detail } }
    case 'Invalid':
      return { problem: { type: `${TYPE}invalid`, title: TITLES.invalid, status: 400, detail: error.detail, errors: error.problems } }
    case 'RateLimited': {
      const s = error.retryAfterSeconds
      return {
        problem: {
          type: `${TYPE}rate-limited`,
          title: TITLES.rateLimited,
          status: 429,
          detail: {
            sv: `För många misslyckade försök. Försök igen om ${s} ${s === 1 ? 'sekund' : 'sekunder'}.`,
            en: `Too many failed attempts. Try again in ${s} seconds.`,
          },
        },
        headers: { 'retry-after': String(s) },
      }
    }
    case 'DatabaseError':
      return {
        problem: {
          type: `${TYPE}internal`,
          title: TITLES.internal,
          status: 500,
          detail: {
            sv: 'Servern kunde inte slutföra begäran. Inget ändrades.',
            en: 'The server could not complete the request. Nothing was changed.',
          },
        },
      }
  }
}

/** A problem with every text in one language (the problem+json shape stays the same). */
export function problemIn(problem: ProblemTexts, lang: Locale): Problem {
  const { title, detail, errors, ...rest } = problem
  return {
    ...rest,
    title: textIn(title, lang),
    detail: textIn(detail, lang),
    ...(errors ? { errors: errors.map((e) => ({ path: e.path, message: fieldMessageIn(e.message, lang, e.path) })) } : {}),
  }
}

/** The one mapping from typed failures to HTTP problems, in the given language. */
export function toProblem(error: AppError, lang: Locale): { problem: Problem; headers?: Record<string, string> } {
  const { problem, headers } = toProblemTexts(error)
  return { problem: problemIn(problem, lang), ...(headers ? { headers } : {}) }
}

/**
 * Thrown out of a route handler to answer with a problem; caught by the app's error
 * handler, which writes it in the request's language.
 */
export class ProblemResponse extends Error {
  override readonly name = 'ProblemResponse'
  constructor(
    readonly problem: ProblemTexts,
    readonly headers: Record<string, string> = {},
  ) {
    super(textIn(problem.detail, 'en'))
  }
}
