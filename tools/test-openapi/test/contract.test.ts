import { describe, expect, it } from 'vitest'
import { OpenApiContract, type OpenApiDocument } from '../src/index.js'

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
const document: OpenApiDocument = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Problem: { type: 'object', properties: { title: { type: 'string' }, status: { type: 'integer' } }, required: ['title', 'status'] },
      Item: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, count: { type: 'integer' }, note: { type: ['string', 'null'] } },
        required: ['id', 'count', 'note'],
        additionalProperties: false,
      },
    },
  },
  paths: {
    '/api/items/{id}': {
      get: {
        responses: {
          200: {
            description: 'OK',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Item' } },
              'text/markdown': { schema: { type: 'string' } },
            },
          },
          '4XX': { description: 'Problem', content: problem },
        },
      },
      put: {
        responses: {
          200: {
            description: 'Saved',
            content: {
              'application/json': { schema: { type: 'object', properties: { saved: { type: 'boolean' } }, required: ['saved'] } },
            },
          },
        },
      },
      delete: {
        responses: { 202: { description: 'Accepted' }, 204: { description: 'Gone' }, 404: { description: 'Not found', content: problem } },
      },
    },
    '/api/items/special': {
      get: {
        responses: {
          200: {
            description: 'OK',
            content: {
              'application/json': { schema: { type: 'object', properties: { special: { const: true } }, required: ['special'] } },
            },
          },
        },
      },
    },
  },
}
const contract = new OpenApiContract(document)
const id = '0b5f7a52-3c1e-4f7e-9a53-2a4c4f6d9b10'
const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': `${type}; charset=utf-8` } })

describe('OpenApiContract', () => {
  it('accepts a response that matches its declared status, media type and schema', async () => {
    expect(await contract.violations('GET', `/api/items/${id}`, json({ id, count: 3, note: null }))).toEqual([])
    expect(
      await contract.violations(
        'GET',
        `/api/items/${id}?format=md`,
        new Response('# Item', { headers: { 'content-type': 'text/markdown' } }),
      ),
    ).toEqual([])
    expect(await contract.violations('DELETE', `/api/items/${id}`, new Response(null, { status: 204 }))).toEqual([])
  })

  it('names each way a JSON body breaks the schema', async () => {
    const found = await contract.violations('GET', `/api/items/${id}`, json({ id: 'not-a-uuid', count: 1.5, extra: true }))
    expect(found.join('\n')).toMatch(/body\/id must match format "uuid"/)
    expect(found.join('\n')).toMatch(/body\/count must be integer/)
    expect(found.join('\n')).toMatch(/must have required property 'note'/)
    expect(found.join('\n')).toMatch(/must NOT have additional properties/)
  })

  it('refuses an undeclared status, an undeclared media type, and a body where none is declared', async () => {
    expect(
      (await contract.violations('GET', `/api/items/${id}`, json({ title: 'x', status: 500 }, 500, 'application/problem+json')))[0],
    ).toMatch(/status 500 is not declared/)
    expect(
      (await contract.violations('GET', `/api/items/${id}`, new Response('<p>', { headers: { 'content-type': 'text/html' } })))[0],
    ).toMatch(/text\/html is not declared/)
    expect((await contract.violations('DELETE', `/api/items/${id}`, json({ ok: true })))[0]).toMatch(/status 200 is not declared/)
    expect((await contract.violations('DELETE', `/api/items/${id}`, json({ ok: true }, 202)))[0]).toMatch(/declares no body for 202/)
  })

  it('uses the 4XX range when the exact status is not declared, and checks its schema', async () => {
    expect(
      await contract.violations('GET', `/api/items/${id}`, json({ title: 'Nope', status: 403 }, 403, 'application/problem+json')),
    ).toEqual([])
    expect((await contract.violations('GET', `/api/items/${id}`, json({ title: 'Nope' }, 403, 'application/problem+json')))[0]).toMatch(
      /required property 'status'/,
    )
  })

  it('holds each method of a path to its own schema', async () => {
    expect(await contract.violations('GET', `/api/items/${id}`, json({ id, count: 1, note: null }))).toEqual([])
    expect(await contract.violations('PUT', `/api/items/${id}`, json({ saved: true }))).toEqual([])
    expect((await contract.violations('PUT', `/api/items/${id}`, json({ id, count: 1, note: null })))[0]).toMatch(
      /required property 'saved'/,
    )
  })

  it('prefers a literal path over a template', async () => {
    expect(await contract.violations('GET', '/api/items/special', json({ special: true }))).toEqual([])
    expect((await contract.violations('GET', '/api/items/special', json({ id, count: 1, note: null })))[0]).toMatch(
      /required property 'special'/,
    )
  })

  it('lets an undeclared path answer only with a problem+json 404', async () => {
    expect(
      await contract.violations('GET', '/api/nothing', json({ title: 'No route', status: 404 }, 404, 'application/problem+json')),
    ).toEqual([])
    expect((await contract.violations('POST', `/api/items/${id}`, json({ ok: true })))[0]).toMatch(/declares no POST operation/)
  })

  it('does not check the UI or the document itself', async () => {
    expect(await contract.violations('GET', '/cases/1', new Response('<html>', { headers: { 'content-type': 'text/html' } }))).toEqual([])
    expect(await contract.violations('GET', '/api/openapi.json', json({}))).toEqual([])
  })

  it('throws from assert with every violation in the message', async () => {
    await expect(contract.assert('GET', `/api/items/${id}`, json({ id, count: 'x', note: 1 }))).rejects.toThrow(
      /count must be integer[\s\S]*note must be string,null/,
    )
  })
})
