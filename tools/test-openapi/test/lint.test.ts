import { describe, expect, it } from 'vitest'
import { countBySeverity, redoclyFindings, spectralFindings } from '../src/index.js'

// A small document that keeps both linters' rules, and the same document with faults.
const clean = {
  openapi: '3.1.0',
  info: {
    title: 'Items',
    version: '1.0.0',
    description: 'Items.',
    license: { name: 'MIT', identifier: 'MIT' },
    contact: { name: 'Team', url: 'https://example.org' },
  },
  servers: [{ url: 'http://127.0.0.1:4000', description: 'Local' }],
  tags: [{ name: 'items', description: 'Items' }],
  security: [{ session: [] }],
  components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid', description: 'The session cookie' } } },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        summary: 'List items',
        description: 'Every item.',
        tags: ['items'],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } },
          401: { description: 'Not logged in' },
        },
      },
    },
  },
}

describe('the OpenAPI linters', () => {
  it('find no error and no warning in a document that keeps the rules', async () => {
    expect(await redoclyFindings(clean)).toEqual([])
    expect(await spectralFindings(clean)).toEqual([])
  })

  it('report a missing security declaration, servers list and operationId', async () => {
    const { security: _security, servers: _servers, ...faulty } = clean
    const get = { ...clean.paths['/items'].get, operationId: undefined }
    const doc = { ...faulty, paths: { '/items': { get } } }
    const redocly = await redoclyFindings(doc)
    expect(countBySeverity(redocly).error).toBeGreaterThan(0)
    expect(redocly.map((f) => f.rule)).toEqual(expect.arrayContaining(['security-defined', 'no-empty-servers', 'operation-operationId']))
    const spectral = await spectralFindings(doc)
    expect(spectral.map((f) => f.rule)).toEqual(expect.arrayContaining(['oas3-api-servers', 'operation-operationId']))
  })

  it('report a schema error as an error', async () => {
    const doc = { ...clean, paths: { '/items': { get: { ...clean.paths['/items'].get, responses: { 200: { content: {} } } } } } }
    expect(countBySeverity(await spectralFindings(doc)).error).toBeGreaterThan(0)
    expect(countBySeverity(await redoclyFindings(doc)).error).toBeGreaterThan(0)
  })
})
