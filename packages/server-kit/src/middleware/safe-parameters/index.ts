import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ProblemResponse, type FieldProblemText } from '../../errors.js'
import { problemText } from '../../messages.js'
import { invalidProblem } from '../json-body/index.js'

const hasNul = (value: string) => value.includes('\u0000')

/** Every path parameter of every route the request matched (Hono keeps them per handler). */
function pathParameters(c: Context): Array<[string, string]> {
  const found = new Map<string, string>()
  const current = c.req.routeIndex
  try {
    for (let i = 0; i < c.req.matchedRoutes.length; i++) {
      c.req.routeIndex = i
      for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) found.set(name, value)
    }
  } finally {
    c.req.routeIndex = current
  }
  return [...found]
}

/**
 * Query and path parameters with NUL characters, which no field may hold and PostgreSQL
 * cannot store, get a 400 naming each parameter (`query.q`, `param.id`) before any route
 * or database sees them.
 */
export function safeParameters() {
  return createMiddleware(async (c, next) => {
    const problems: FieldProblemText[] = []
    const nul = problemText({ code: 'text.nul', params: {} })
    for (const [name, values] of Object.entries(c.req.queries()))
      if (values.some(hasNul)) problems.push({ path: `query.${name}`, message: nul })
    for (const [name, value] of pathParameters(c)) if (hasNul(value)) problems.push({ path: `param.${name}`, message: nul })
    if (problems.length === 0 && hasNul(c.req.path)) problems.push({ path: '(path)', message: nul })
    if (problems.length > 0)
      throw new ProblemResponse(
        invalidProblem({ sv: 'Adressen i begäran innehåller fel.', en: 'The request address is invalid.' }, problems),
      )
    await next()
  })
}
