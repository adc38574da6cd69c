import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isoDateSchema } from '@vbe/core'
import { PLAN_STATUSES, planSchema, type Plan } from '@vbe/core/plans'
import { problems, run, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { coded } from '@vbe/core'
import { createPlan, getPlan, listPlans, parseIfMatch, planAnalysis, savePlan } from '../plans/index.js'
import { json, sendPlan, idParam, ifMatchHeader, createBody, DISTRICT_ID } from './schemas.js'
import { planAnalysisSchema, planDetailSchema, planSummarySchema } from './responses.js'

/** Plans: the list, creating, reading, saving and analysing one. */
export function registerPlanRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      tags: ['plans'],
      operationId: 'listPlans',
      summary: 'Plans in your scope',
      description:
        'Plans with their coverage and finding counts: officers and approvers see their district’s, city-wide admins and auditors every district’s. Filter by district, year and status.',
      security: SESSION,
      request: {
        query: z.object({
          district: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/, DISTRICT_ID)
            .optional(),
          year: z.coerce.number(coded('api.year')).int(coded('api.wholeYear')).min(2016).max(2100).optional(),
          status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(planSummarySchema) }), 'Plans, newest year first per district'),
        ...problems(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const items = await run(c, listPlans(q))
      return c.json({ items: items.map((i) => ({ ...i, coverage: [...i.coverage] })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans',
      tags: ['plans'],
      operationId: 'createPlan',
      summary: 'Create a plan',
      description:
        'Creates a plan from the templates for a year, or as the yearly revision of an earlier plan (a copy to revise from the new situation picture). Officers of the district.',
      security: SESSION_AND_CSRF,
      request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: { 201: json(planDetailSchema, 'The new plan (ETag: its version)'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const plan = await run(c, createPlan(body), ['officer'])
      c.header('Location', `/api/plans/${plan.id}`)
      return c.json(sendPlan(c, plan), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}',
      tags: ['plans'],
      operationId: 'getPlan',
      summary: 'A plan with its history and what you may do',
      description:
        'The plan document, its coverage and findings, its history and the actions you may take now. The ETag is the version, for If-Match on changes.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(planDetailSchema, 'The plan'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const plan = await run(c, getPlan(c.req.valid('param').id))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}',
      tags: ['plans'],
      operationId: 'savePlan',
      summary: 'Save the plan document',
      description:
        'Saves the whole plan document (officers of the district, while the plan is a draft, returned or revised). If-Match with the ETag is required (428 without it); when someone else saved in between, 409 carries their change field by field.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: z.object({ document: planSchema }).strict() } } },
      },
      responses: {
        200: json(planDetailSchema, 'Saved (or unchanged); ETag is the new version'),
        ...problems(400, 401, 403, 404, 409, 428),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { document } = c.req.valid('json')
      const plan = await run(
        c,
        Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => savePlan(id, base, document as Plan)),
      )
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/analysis',
      tags: ['plans'],
      operationId: 'analysePlan',
      summary: 'The plan’s coverage and findings',
      description:
        'Holds the plan against the city strategy of 2016, the directive of 2017 and the district’s own sections, on a day (today by default): coverage of each template and findings on indicators, responsibilities, risks and revision.',
      security: SESSION,
      request: { params: idParam, query: z.object({ on: isoDateSchema.optional() }) },
      responses: { 200: json(planAnalysisSchema, 'Coverage and findings'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { on } = c.req.valid('query')
      const analysis = await run(c, planAnalysis(c.req.valid('param').id, on))
      return c.json(analysis, 200)
    },
  )
}
