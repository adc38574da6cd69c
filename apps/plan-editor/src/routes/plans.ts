import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isoDateSchema } from '@vbe/core'
import { PLAN_STATUSES, planSchema, type Plan } from '@vbe/core/plans'
import { bilingual, problems, run, type KitEnv } from '@vbe/server-kit'
import { createPlan, getPlan, listPlans, parseIfMatch, planAnalysis, savePlan } from '../plans/index.js'
import { json, sendPlan, idParam, ifMatchHeader, planSummarySchema, planDetailSchema, anyJson, createBody, DISTRICT_ID } from './schemas.js'

/** Plans: the list, creating, reading, saving and analysing one. */
export function registerPlanRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      tags: ['plans'],
      summary: 'Plans in your scope (officers and approvers: their district; admin and auditor: all)',
      request: {
        query: z.object({
          district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: DISTRICT_ID }).optional(),
          year: z.coerce
            .number({ error: bilingual({ sv: 'måste vara ett årtal', en: 'must be a year' }) })
            .int({ error: bilingual({ sv: 'måste vara ett helt årtal', en: 'must be a whole year' }) })
            .min(2016)
            .max(2100)
            .optional(),
          status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(planSummarySchema) }), 'Plans, newest year first per district'), ...problems(400, 401) },
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
      summary: 'Create a plan from the templates, or as the yearly revision of an earlier plan (officer)',
      request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: { 201: json(planDetailSchema, 'The new plan (ETag: its version)'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const plan = await run(c, createPlan(body), ['officer'])
      c.header('Location', `/api/plans/${plan.id}`)
      return c.json(sendPlan(c, plan) as never, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}',
      tags: ['plans'],
      summary: 'A plan with its history and what you may do; ETag is its version',
      request: { params: idParam },
      responses: { 200: json(planDetailSchema, 'The plan'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const plan = await run(c, getPlan(c.req.valid('param').id))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}',
      tags: ['plans'],
      summary: 'Save the plan document (officer of the district, while draft or revised). If-Match required; 409 with the other change when stale.',
      request: { params: idParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: z.object({ document: planSchema }).strict() } } } },
      responses: { 200: json(planDetailSchema, 'Saved (or unchanged); ETag is the new version'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { document } = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => savePlan(id, base, document as Plan)))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/analysis',
      tags: ['plans'],
      summary: 'analysePlan against strategy-2016, directive-2017 and the district’s own sections',
      request: { params: idParam, query: z.object({ on: isoDateSchema.optional() }) },
      responses: { 200: json(anyJson('PlanAnalysis'), 'Coverage and findings'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { on } = c.req.valid('query')
      const analysis = await run(c, planAnalysis(c.req.valid('param').id, on))
      return c.json(analysis as never, 200)
    },
  )
}
