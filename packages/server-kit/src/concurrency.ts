// Optimistic concurrency, one way for every app: a row's version is its ETag, a change
// names the version it is based on (If-Match), and the UPDATE only lands on that version.
import { Effect } from 'effect'
import type { LocalizedText } from '@vbe/core'
import { Conflict, invalid, PreconditionRequired, type Invalid } from './errors.js'
import type { Text } from './messages.js'

/** The strong ETag of a version: `"7"`. */
export const etagOf = (version: number): string => `"${version}"`

/** How the If-Match problems name the resource. */
export interface IfMatchWording {
  /** Where a client reads the ETag, e.g. `GET /api/plans/{id}`. */
  readonly readFrom: string
  /** The ETag in the field message, e.g. `{ sv: 'planens ETag', en: 'the plan ETag' }`. */
  readonly etag: LocalizedText
}

/**
 * Parses an If-Match header: `"7"`, `W/"7"` or `7`, to the version 7. Missing or blank is
 * a 428 saying where to read the ETag; anything else is a 400 naming the header.
 */
export function parseIfMatch(header: string | undefined, wording: IfMatchWording): Effect.Effect<number, PreconditionRequired | Invalid> {
  if (header === undefined || header.trim() === '') {
    return Effect.fail(
      new PreconditionRequired({
        detail: {
          sv: `Rubriken If-Match krävs: skicka den ETag (version) som ändringen bygger på, från ${wording.readFrom}.`,
          en: `The If-Match header is required: send the ETag (version) the change is based on, from ${wording.readFrom}.`,
        },
      }),
    )
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!m) {
    return Effect.fail(
      invalid({ sv: 'Rubriken If-Match är ogiltig.', en: 'The If-Match header is invalid.' }, [
        {
          path: 'header.if-match',
          message: { sv: `måste vara ${wording.etag.sv}, till exempel "3"`, en: `must be ${wording.etag.en}, for example "3"` },
        },
      ]),
    )
  }
  return Effect.succeed(Number(m[1]))
}

/** What an UPDATE reports: Kysely's `UpdateResult` or the rows of `.returning(…)`. */
export type UpdateOutcome = { readonly numUpdatedRows: bigint } | readonly unknown[]

/** How many rows an UPDATE changed. */
export const rowsUpdated = (outcome: UpdateOutcome): number =>
  Array.isArray(outcome) ? outcome.length : Number((outcome as { numUpdatedRows: bigint }).numUpdatedRows)

/**
 * Runs an `UPDATE … WHERE id = ? AND version = ?` and fails with a 409 `Conflict` when it
 * changed no row: someone else wrote a newer version since this one was read.
 */
export function versionGuard<A extends UpdateOutcome, E, R>(
  update: Effect.Effect<A, E, R>,
  conflict: { readonly detail: Text; readonly current?: unknown },
): Effect.Effect<A, E | Conflict, R> {
  return Effect.flatMap(update, (outcome) => (rowsUpdated(outcome) === 0 ? Effect.fail(new Conflict(conflict)) : Effect.succeed(outcome)))
}
