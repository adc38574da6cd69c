import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { problemIn, ProblemResponse } from '../../errors.js'
import { jsonBody, jsonDepthExceeds, MAX_JSON_DEPTH, nulStrings } from './index.js'

/** The middleware alone, with a handler that echoes the parsed body and an error handler writing problems in English. */
const app = new Hono()
  .use('/api/*', jsonBody())
  .post('/api/echo', async (c) => c.json({ received: await c.req.json() }))
  .onError((error, c) =>
    error instanceof ProblemResponse ? c.json(problemIn(error.problem, 'en'), error.problem.status as 400) : c.text('unexpected', 500),
  )
const post = (body: string, type = 'application/json') =>
  app.request('/api/echo', { method: 'POST', headers: { 'content-type': type }, body })

describe('jsonBody', () => {
  it('lets well-formed JSON through, and the handler reads the same body', async () => {
    const res = await post(JSON.stringify({ name: 'Förening', tags: ['a'] }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: { name: 'Förening', tags: ['a'] } })
  })

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await post('{"name": ')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      status: 400,
      detail: 'The request body is not valid JSON.',
      errors: [{ path: '(body)', message: 'is not valid JSON' }],
    })
    expect((await post('{oops', 'application/problem+json')).status).toBe(400)
  })

  it('answers NUL characters with 400 naming each field', async () => {
    const res = await post(JSON.stringify({ name: 'a\u0000b', people: [{ role: 'ok' }, { role: '\u0000' }] }))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { path: string }[] }
    expect(body.errors.map((e) => e.path)).toEqual(['name', 'people[1].role'])
  })

  it('leaves other content types to the route', async () => {
    expect((await post('{not json', 'text/plain')).status).toBe(500) // the echo handler's own JSON parse fails: not this middleware's business
  })

  it('answers JSON nested 10 000 deep with 400 naming the problem, without parsing it', async () => {
    const res = await post('['.repeat(10_000) + ']'.repeat(10_000))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      detail: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
      errors: [{ path: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
    })
  })

  it('counts depth outside strings only, and lets the deepest allowed body through', async () => {
    const deepest = '{"a":'.repeat(MAX_JSON_DEPTH - 1) + '[1]' + '}'.repeat(MAX_JSON_DEPTH - 1)
    expect((await post(deepest)).status).toBe(200)
    expect(jsonDepthExceeds(JSON.stringify({ text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\' }), 3)).toBe(false)
    expect(jsonDepthExceeds('[[[[', 3)).toBe(true)
  })

  it('stops listing NUL fields at 20', () => {
    expect(nulStrings(Array.from({ length: 30 }, () => '\u0000'))).toHaveLength(20)
  })
})
