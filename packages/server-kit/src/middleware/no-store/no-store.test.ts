import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ProblemResponse } from '../../errors.js'
import { problemErrorHandler, problemNotFound } from '../problems/index.js'
import { noStore } from './index.js'

const app = new Hono()
  .use('/api/*', noStore())
  .get('/api/data', (c) => c.json({ secret: 1 }))
  .get('/api/cached', (c) => c.body('pdf', 200, { 'cache-control': 'public, max-age=3600' }))
  .get('/api/refused', () => {
    throw new ProblemResponse({ type: 'about:blank', title: { sv: 'N', en: 'N' }, status: 403, detail: { sv: 'N', en: 'N' } })
  })
  .get('/api/bug', () => {
    throw new Error('bug')
  })
  .get('/page', (c) => c.text('ui'))
  .onError(problemErrorHandler(() => {}))
  .notFound(problemNotFound)

describe('noStore', () => {
  it('marks answers, refusals, crashes and unknown API paths no-store, over what a route set', async () => {
    for (const path of ['/api/data', '/api/cached', '/api/refused', '/api/bug', '/api/nothing-here']) {
      const res = await app.request(path)
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store'])
    }
  })

  it('leaves paths outside the API alone', async () => {
    expect((await app.request('/page')).headers.get('cache-control')).toBeNull()
  })
})
