import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Locale } from '@vbe/core'
import { PROBLEM_TITLES, problemIn, ProblemResponse, type ProblemTexts } from '../../errors.js'
import { negotiateLanguage } from '../../language.js'

export const PROBLEM_TYPE = 'application/problem+json'

/** The language the request asks for (`Accept-Language`; Swedish by default). */
export function requestLanguage(c: Context): Locale {
  return negotiateLanguage(c.req.header('accept-language'))
}

/**
 * A problem+json response in `lang`, with `Content-Language`. The answer depends on
 * `Accept-Language`, so it says so in `Vary`.
 */
export function problemResponse(problem: ProblemTexts, lang: Locale, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemIn(problem, lang)), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_TYPE, 'content-language': lang, vary: 'Accept-Language', ...headers },
  })
}

/**
 * The app's error handler: every problem is written here, in the language the request asks
 * for. A `ProblemResponse` as it is, Hono's `HTTPException` with its status, and anything
 * else as a 500 that says nothing of the cause (which goes to `logError`).
 */
export function problemErrorHandler(logError: (error: unknown, c: Context) => void): ErrorHandler {
  return (error, c) => {
    const lang = requestLanguage(c)
    if (error instanceof ProblemResponse) return problemResponse(error.problem, lang, error.headers)
    if (error instanceof HTTPException) {
      const status = error.status
      // Hono's own exceptions carry English only; the answer says what happened in both languages.
      const detail = {
        sv: `Servern kunde inte hantera begäran (HTTP ${status}).`,
        en: `The request could not be handled (HTTP ${status}).`,
      }
      return problemResponse({ type: 'about:blank', title: { sv: 'Fel', en: 'Error' }, status, detail }, lang)
    }
    logError(error, c)
    const detail = { sv: 'Servern kunde inte slutföra begäran.', en: 'The server could not complete the request.' }
    return problemResponse({ type: 'https://vbe.invalid/problems/internal', title: PROBLEM_TITLES.internal, status: 500, detail }, lang)
  }
}

/** A 404 problem naming the method and path no route answers. */
export const problemNotFound: NotFoundHandler = (c) =>
  problemResponse(
    {
      type: 'https://vbe.invalid/problems/not-found',
      title: PROBLEM_TITLES.notFound,
      status: 404,
      detail: { sv: `API:t har ingen adress ${c.req.method} ${c.req.path}.`, en: `No route for ${c.req.method} ${c.req.path}.` },
    },
    requestLanguage(c),
  )
