import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { verificationIn, type AuditProblemCode, type AuditVerification } from './audit.js'
import { PROBLEM_TYPE, requestLanguage } from './middleware/index.js'

/**
 * What both apps' OpenAPI declarations share: the security requirements, the problem
 * schema and its responses by status, and the audit log's answers.
 */

/** An operation's OpenAPI `security`: the session cookie (reads). */
export const SESSION = [{ session: [] }]
/** An operation's OpenAPI `security`: the session cookie and its CSRF token (unsafe requests). */
export const SESSION_AND_CSRF = [{ session: [], csrf: [] }]
/** An operation's OpenAPI `security`: open to anyone. */
export const PUBLIC: [] = []

export const problemSchema = z
  .object({
    type: z.string().openapi({ description: 'A URI naming the kind of problem' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'What went wrong and what to do, in the language of Content-Language' }),
    errors: z
      .array(z.object({ path: z.string().openapi({ description: 'The field, like `application.board.electedOn`' }), message: z.string() }))
      .optional(),
    code: z.string().optional().openapi({ description: 'A stable code for a kind of refusal, like `csrf` or `role`' }),
    current: z.unknown().optional().openapi({ description: 'On a 409: the state the request conflicts with' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem: every error the API gives' })

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input: `errors` names each field and its problem',
  401: 'Not logged in',
  403: 'Not allowed for your role, district or declaration, or the X-CSRF-Token header is missing or wrong',
  404: 'Not found in your scope',
  409: 'Conflict with the current state',
  428: 'A precondition is missing',
  429: 'Too many attempts',
} as const
export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS

const problemHeaders = {
  'Content-Language': {
    description: 'The language of `title`, `detail` and `errors[].message`: `sv` or `en`, from Accept-Language (Swedish by default)',
    schema: { type: 'string' as const, enum: ['sv', 'en'] },
  },
}
interface ProblemDeclaration {
  readonly description: string
  readonly headers: typeof problemHeaders
  readonly content: { readonly 'application/problem+json': { readonly schema: typeof problemSchema } }
}

/** Problem responses for a route's OpenAPI declaration, typed by status. */
export function problems<const S extends readonly ProblemStatus[]>(...statuses: S): { [K in S[number]]: ProblemDeclaration } {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEM_DESCRIPTIONS[s], headers: problemHeaders, content: { [PROBLEM_TYPE]: { schema: problemSchema } } },
    ]),
  ) as { [K in S[number]]: ProblemDeclaration }
}

/** The answer of `GET /api/audit/verify`, as both apps declare it. */
export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().openapi({ description: 'Events checked' }),
    head: z
      .object({ seq: z.number().int(), hash: z.string() })
      .nullable()
      .openapi({ description: 'The newest event: keep it elsewhere to detect removal of the newest events' }),
    problems: z
      .array(
        z.object({
          seq: z.number().int(),
          code: z.enum([
            'missing',
            'out_of_order',
            'prev_hash',
            'payload_altered',
            'not_tombstone',
            'event_altered',
            'orphan_tombstone',
          ] satisfies AuditProblemCode[]),
          from: z.number().int().optional(),
          to: z.number().int().optional(),
          by: z.number().int().optional(),
          problem: z.string().openapi({ description: 'The problem in words, in the language of Content-Language' }),
        }),
      )
      .readonly(),
  })
  .openapi('AuditVerification')

/** An audit event as `GET /api/audit` answers with it, in both apps. */
export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    district: z.string().nullable(),
    ruleset: z.string().nullable(),
    before: z.unknown().openapi({ description: 'The state before, as the action recorded it (a tombstone once erased)' }),
    after: z.unknown().openapi({ description: 'The state after, as the action recorded it (a tombstone once erased)' }),
    payloadHash: z.string(),
    prevHash: z.string(),
    hash: z.string(),
    erasedBy: z.number().int().nullable().openapi({ description: 'The erasure event that replaced the payload with a tombstone' }),
  })
  .openapi('AuditEvent')

/**
 * A verification in the request's language, for `c.json(…, 200)`: sets `Content-Language`
 * and `Vary`, and words each problem in that language.
 */
export function verificationBody(c: Context, verification: AuditVerification): AuditVerification {
  const lang = requestLanguage(c)
  c.header('Content-Language', lang)
  c.header('Vary', 'Accept-Language')
  return verificationIn(verification, lang)
}

/** The largest whole number a PostgreSQL `integer` column holds: bound every integer parameter by it. */
export const MAX_INT4 = 2_147_483_647
