import { Data } from 'effect'
import type { FieldProblem } from '@vbe/core'

/**
 * The expected failures of a request, as Effect tagged errors. `toProblem` maps each to
 * an HTTP status and an RFC 9457 problem document, in this one place.
 */
export class Unauthenticated extends Data.TaggedError('Unauthenticated')<{ readonly detail?: string }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class Forbidden extends Data.TaggedError('Forbidden')<{ readonly detail: string; readonly code?: string }> {
  override get message(): string {
    return this.detail
  }
}
export class NotFound extends Data.TaggedError('NotFound')<{ readonly entity: string; readonly id: string }> {
  override get message(): string {
    return problemOf(this).detail
  }
}
export class Conflict extends Data.TaggedError('Conflict')<{ readonly detail: string; readonly current?: unknown }> {
  override get message(): string {
    return this.detail
  }
}
export class PreconditionRequired extends Data.TaggedError('PreconditionRequired')<{ readonly detail: string }> {
  override get message(): string {
    return this.detail
  }
}
export class Invalid extends Data.TaggedError('Invalid')<{ readonly detail: string; readonly problems: readonly FieldProblem[] }> {
  override get message(): string {
    return `${this.detail} ${this.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`
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

const problemOf = (e: AppError) => toProblem(e).problem

export type AppError = Unauthenticated | Forbidden | NotFound | Conflict | PreconditionRequired | Invalid | RateLimited | DatabaseError

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: readonly FieldProblem[]
  readonly code?: string
  readonly current?: unknown
}

const TYPE = 'https://vbe.invalid/problems/'

/** Builds a problem for a list of field problems (400). */
export function invalid(detail: string, problems: readonly FieldProblem[]): Invalid {
  return new Invalid({ detail, problems })
}

/** The one mapping from typed failures to HTTP problems. */
export function toProblem(error: AppError): { problem: Problem; headers?: Record<string, string> } {
  switch (error._tag) {
    case 'Unauthenticated':
      return { problem: { type: `${TYPE}unauthenticated`, title: 'Not logged in', status: 401, detail: error.detail ?? 'Log in first.' } }
    case 'Forbidden':
      return { problem: { type: `${TYPE}forbidden`, title: 'Forbidden', status: 403, detail: error.detail, ...(error.code ? { code: error.code } : {}) } }
    case 'NotFound':
      return { problem: { type: `${TYPE}not-found`, title: 'Not found', status: 404, detail: `No such ${error.entity} in your scope.` } }
    case 'Conflict':
      return { problem: { type: `${TYPE}conflict`, title: 'Conflict', status: 409, detail: error.detail, ...(error.current === undefined ? {} : { current: error.current }) } }
    case 'PreconditionRequired':
      return { problem: { type: `${TYPE}precondition-required`, title: 'Precondition required', status: 428, detail: error.detail } }
    case 'Invalid':
      return { problem: { type: `${TYPE}invalid`, title: 'Invalid request', status: 400, detail: error.detail, errors: error.problems } }
    case 'RateLimited':
      return {
        problem: { type: `${TYPE}rate-limited`, title: 'Too many attempts', status: 429, detail: `Too many failed attempts. Try again in ${error.retryAfterSeconds} seconds.` },
        headers: { 'retry-after': String(error.retryAfterSeconds) },
      }
    case 'DatabaseError':
      return { problem: { type: `${TYPE}internal`, title: 'Internal error', status: 500, detail: 'The server could not complete the request. Nothing was changed.' } }
  }
}

/** Thrown out of a route handler to answer with a problem; caught by the app's error handler. */
export class ProblemResponse extends Error {
  override readonly name = 'ProblemResponse'
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail)
  }
}
