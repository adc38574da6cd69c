import { z } from '@hono/zod-openapi'
import { PROBLEM_TYPE } from './middleware/index.js'

/**
 * What both apps' OpenAPI declarations share: the security requirements, the problem
 * schema and its responses by status, a JSON answer, and the answers' common values
 * (a text in both languages, an instant, a day).
 */

/** A JSON answer in a route's `responses`: `200: jsonContent(caseSchema, 'The case')`. */
export const jsonContent = <S extends z.ZodType>(schema: S, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
})

/** A text in Swedish and English in an answer (the OpenAPI component `LocalizedText`). */
export const localizedTextSchema = z
  .object({ sv: z.string(), en: z.string() })
  .openapi('LocalizedText', { description: 'A text in Swedish and English' })
/** An instant in an answer, ISO 8601 in UTC. */
export const timestampSchema = z.string().openapi({ format: 'date-time', description: 'An instant, ISO 8601 in UTC' })
/** A calendar day in an answer, YYYY-MM-DD. */
export const daySchema = z.string().openapi({ format: 'date', description: 'A calendar day, YYYY-MM-DD' })

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

/** The largest whole number a PostgreSQL `integer` column holds: bound every integer parameter by it. */
export const MAX_INT4 = 2_147_483_647
