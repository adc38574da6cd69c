import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, type KitEnv } from '@vbe/server-kit'
import {
  addEvidence,
  addNote,
  caseDetail,
  createCase,
  declareConflict,
  listCases,
  parseOrInvalid,
  screenApplication,
} from '../cases/index.js'
import { CASE_STATUSES } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import {
  runner,
  json,
  body,
  date,
  text,
  idParam,
  personsSchema,
  outcome,
  caseSummarySchema,
  caseDetailSchema,
  OFFICERS,
} from './schemas.js'

/** Screening, the queue, intake of one case, conflict declarations, the case, evidence and notes. */
export function registerCaseRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/screen',
      tags: ['cases'],
      summary: 'Screen an application without storing it',
      request: body(z.object({ application: z.unknown() }).strict()),
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('ScreeningResult')), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { application } = c.req.valid('json')
      const result = await go(c, (Effect.flatMap(parseOrInvalid(application), screenApplication)), ['officer', 'approver', 'admin'])
      return c.json(result as unknown as Record<string, unknown>, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'The queue, in your scope (no personal data)',
      request: {
        query: z.object({
          status: z.enum(CASE_STATUSES).optional(),
          programme: z.string().max(200).optional(),
          outcome: outcome.optional(),
          dueBefore: date.optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(caseSummarySchema), total: z.number() })), ...problems(400, 401) },
    }),
    async (c) => c.json(await go(c, listCases(c.req.valid('query')), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'Take in one application (screened on intake)',
      request: body(z.object({ application: z.unknown(), persons: personsSchema.optional() }).strict()),
      responses: { 201: json(caseDetailSchema, 'Created'), ...problems(400, 401, 403, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json((await go(c, createCase(b.application, b.persons ?? []), ['officer', 'admin'])) as never, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/conflict',
      tags: ['cases'],
      summary: 'Declare whether you have a conflict of interest (before opening the case)',
      request: { params: idParam, ...body(z.object({ conflict: z.boolean(), comment: z.string().max(2000).optional() }).strict()) },
      responses: { 200: json(z.object({ declared: z.boolean(), conflict: z.boolean() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, declareConflict(c.req.valid('param').id, b.conflict, b.comment)), 200)
    },
  )

  app.openapi(
    createRoute({ method: 'get', path: '/api/cases/{id}', tags: ['cases'], summary: 'The case (the read is logged)', request: { params: idParam }, responses: { 200: json(caseDetailSchema), ...problems(401, 403, 404) } }),
    async (c) => c.json((await go(c, caseDetail(c.req.valid('param').id), [...OFFICERS])) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/evidence',
      tags: ['cases'],
      summary: 'Add an evidence item with its source; the case is re-screened',
      request: { params: idParam, ...body(z.record(z.string(), z.unknown()).openapi({ description: 'An evidence item in the exchange format (docs/grants.md)' })) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, (addEvidence(c.req.valid('param').id, c.req.valid('json'))))) as never, 200),
  )

  app.openapi(
    createRoute({ method: 'post', path: '/api/cases/{id}/notes', tags: ['cases'], summary: 'Add a note', request: { params: idParam, ...body(z.object({ text: text(4000) }).strict()) }, responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404) } }),
    async (c) => c.json((await go(c, addNote(c.req.valid('param').id, c.req.valid('json').text))) as never, 200),
  )
}
