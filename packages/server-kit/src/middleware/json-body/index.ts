import { createMiddleware } from 'hono/factory'
import { formatPath } from '@vbe/core'
import { PROBLEM_TITLES, ProblemResponse, type FieldProblemText, type ProblemTexts } from '../../errors.js'
import { problemText, type Text } from '../../messages.js'

/**
 * The detail of a 400 for a JSON body with field errors (a UI's error summary puts its own
 * plain words first and lists each field; an API client reads `errors`).
 */
export const INVALID_BODY: Text = { sv: 'Uppgifterna i begäran innehåller fel.', en: 'The request body is invalid.' }

/**
 * The `code` of the 400s the kit writes itself for a request that does not match its schema
 * (body, query, path, headers): their detail speaks of the request, for API clients, so a
 * staff UI's error summary leaves it out and names the fields (`@vbe/web-kit` holds the same
 * value as `REQUEST_INVALID`; test/field-problems.test.ts checks they agree). An app's own
 * 400 (`Invalid`) carries no code: its detail is the app's words, and the summary shows it.
 */
export const REQUEST_INVALID = 'request-invalid'

/** A 400 problem listing each field and what is wrong with it (the kit's own check of a request). */
export function invalidProblem(detail: Text, errors: readonly FieldProblemText[]): ProblemTexts {
  return { type: 'https://vbe.invalid/problems/invalid', title: PROBLEM_TITLES.invalid, status: 400, detail, errors, code: REQUEST_INVALID }
}

/** Finds strings with NUL characters, which PostgreSQL cannot store, with their paths (at most 20). */
export function nulStrings(value: unknown, path: PropertyKey[] = [], out: FieldProblemText[] = []): FieldProblemText[] {
  if (out.length >= 20) return out
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path: formatPath(path), message: problemText({ code: 'text.nul', params: {} }) })
  } else if (Array.isArray(value)) value.forEach((v, i) => nulStrings(v, [...path, i], out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) nulStrings(v, [...path, k], out)
  return out
}

/** How deep JSON bodies may nest (objects and arrays): no API shape comes near it. */
export const MAX_JSON_DEPTH = 32

/**
 * How deep `text` (JSON) nests, counting brackets outside strings, without parsing it, and
 * stopping as soon as it passes `limit`: a body nested 10 000 deep never reaches a
 * recursive parser or validator.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92 /* \\ */) i++
      else if (ch === 34 /* " */) inString = false
    } else if (ch === 34) inString = true
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return true
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--
  }
  return false
}

/**
 * JSON bodies: malformed JSON, JSON nested deeper than `MAX_JSON_DEPTH` and strings with NUL characters get a 400 naming the body or
 * the field (thrown as a `ProblemResponse`) before any route sees them. The route's
 * validator reuses the parsed body.
 */
export function jsonBody() {
  return createMiddleware(async (c, next) => {
    const type = c.req.header('content-type') ?? ''
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/(.+\+)?json/i.test(type)) {
      const text = await c.req.text()
      if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
        throw new ProblemResponse(
          invalidProblem(
            {
              sv: `Innehållet i begäran är nästlat djupare än ${MAX_JSON_DEPTH} nivåer.`,
              en: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
            },
            [{ path: '(body)', message: problemText({ code: 'json.tooDeep', params: { max: MAX_JSON_DEPTH } }) }],
          ),
        )
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        throw new ProblemResponse(
          invalidProblem({ sv: 'Innehållet i begäran är inte giltig JSON.', en: 'The request body is not valid JSON.' }, [
            { path: '(body)', message: problemText({ code: 'json.invalid', params: {} }) },
          ]),
        )
      }
      const problems = nulStrings(body)
      if (problems.length > 0) throw new ProblemResponse(invalidProblem(INVALID_BODY, problems))
    }
    await next()
  })
}
