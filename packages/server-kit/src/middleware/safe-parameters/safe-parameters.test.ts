import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { problemErrorHandler } from '../problems/index.js'
import { safeParameters } from './index.js'

const app = new Hono()
  .use('/api/*', safeParameters())
  .get('/api/cases/:id/notes/:note', (c) => c.json(c.req.param()))
  .get('/api/search', (c) => c.json({ q: c.req.query('q') ?? null }))
  .onError(problemErrorHandler(() => {}))
const get = (path: string) => app.request(path, { headers: { 'accept-language': 'en' } })

describe('safeParameters', () => {
  it('lets ordinary parameters through', async () => {
    expect(await (await get('/api/cases/a%20b/notes/2')).json()).toEqual({ id: 'a b', note: '2' })
    expect(await (await get('/api/search?q=%C3%A5')).json()).toEqual({ q: 'å' })
  })

  it('refuses a NUL in a query parameter with 400 naming it', async () => {
    const res = await get('/api/search?q=a%00b')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ path: 'query.q', message: 'must not contain NUL (\\u0000) characters' }] })
  })

  it('refuses a NUL in a path parameter with 400 naming it', async () => {
    const res = await get('/api/cases/x/notes/%00')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ path: 'param.note' }] })
  })
})
