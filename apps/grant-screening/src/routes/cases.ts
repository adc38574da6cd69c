import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import {
  addEvidence,
  addNote,
  assessEvidence,
  caseDetail,
  createCase,
  declareConflict,
  listCases,
  parseOrInvalid,
  screenApplication,
} from '../cases/index.js'
import { CASE_STATUSES } from '../db/tables.js'
import { EVIDENCE_ASSESSMENTS } from '@vbe/core/grants'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, date, text, idParam, personsSchema, OFFICERS } from './schemas.js'
import { caseDetailSchema, caseSummarySchema, outcomeSchema as outcome, screeningResultSchema } from './responses.js'

/** Screening, the queue, intake of one case, conflict declarations, the case, evidence and notes. */
export function registerCaseRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/screen',
      tags: ['cases'],
      operationId: 'screenApplication',
      summary: 'Screen an application without storing it',
      description:
        'Screens an application in the exchange format (docs/grants.md) against the rules in force today and answers with the outcome and every finding with its reason and sources. Nothing is stored. Officers, approvers and admins.',
      security: SESSION_AND_CSRF,
      request: body(
        z
          .object({
            application: z.unknown().openapi({
              description:
                'The application in the exchange format (docs/grants.md); checked by the screening, which names each wrong field',
            }),
          })
          .strict(),
      ),
      responses: { 200: json(screeningResultSchema), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { application } = c.req.valid('json')
      const result = await go(c, Effect.flatMap(parseOrInvalid(application), screenApplication), ['officer', 'approver', 'admin'])
      return c.json(result, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags: ['cases'],
      operationId: 'listCases',
      summary: 'The queue, in your scope (no personal data)',
      description:
        'Cases of your district (all districts when city-wide), filtered and paged, oldest due first. Summaries only: no persons, no application document.',
      security: SESSION,
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
      responses: {
        200: json(
          z.object({
            items: z.array(caseSummarySchema),
            total: z.number().int().openapi({ description: 'All matching cases, not only this page' }),
          }),
        ),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => c.json(await go(c, listCases(c.req.valid('query')), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      operationId: 'createCase',
      summary: 'Take in one application (screened on intake)',
      description:
        'Stores an application with its board members and contacts as a new case in the application’s district, and screens it. Officers of that district and admins.',
      security: SESSION_AND_CSRF,
      request: body(z.object({ application: z.unknown(), persons: personsSchema.optional() }).strict()),
      responses: { 201: json(caseDetailSchema, 'Created'), ...problems(400, 401, 403, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, createCase(b.application, b.persons ?? []), ['officer', 'admin']), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/conflict',
      tags: ['cases'],
      operationId: 'declareConflict',
      summary: 'Declare whether you have a conflict of interest',
      description:
        'Before opening a case, an officer or approver declares whether they have a conflict of interest (jäv). Who declares one is kept out of the case; the declaration is logged.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ conflict: z.boolean(), comment: z.string().max(2000).optional() }).strict()) },
      responses: { 200: json(z.object({ declared: z.boolean(), conflict: z.boolean() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, declareConflict(c.req.valid('param').id, b.conflict, b.comment)), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}',
      tags: ['cases'],
      operationId: 'getCase',
      summary: 'The case',
      description:
        'The case with its application, screening, persons, notes, decision and follow-up. The read is logged in the audit log, and needs a declaration of no conflict of interest first.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(caseDetailSchema), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await go(c, caseDetail(c.req.valid('param').id), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/evidence',
      tags: ['cases'],
      operationId: 'addEvidence',
      summary: 'Add an evidence item; the case is re-screened',
      description:
        'Adds an evidence item about conduct (with its source) to the application and screens the case again. The item’s id is generated (an id in the body is refused). The officer of the case, before it is decided.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .record(z.string(), z.unknown())
            .openapi({ description: 'An evidence item in the exchange format (docs/grants.md), without its id (generated)' }),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, addEvidence(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}/evidence/{evidenceId}/assessment',
      tags: ['cases'],
      operationId: 'assessEvidence',
      summary: 'Assess an evidence item',
      description:
        'Marks an evidence item, as the signed-in officer, as not assessed, assessed and relevant, or dismissed (with a reason). Only relevant items carry a democracy finding into a decision or appear in a letter. The officer of the case, before it is decided.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam.extend({
          evidenceId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'evidenceId', in: 'path' } }),
        }),
        ...body(z.object({ status: z.enum(EVIDENCE_ASSESSMENTS), reason: z.string().trim().max(4000).optional() }).strict()),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param')
      return c.json(await go(c, assessEvidence(id, evidenceId, c.req.valid('json'))), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/notes',
      tags: ['cases'],
      operationId: 'addNote',
      summary: 'Add a note',
      description: 'Adds a note to the case, signed with your name and the time.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ text: text(4000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await go(c, addNote(c.req.valid('param').id, c.req.valid('json').text)), 200),
  )
}
