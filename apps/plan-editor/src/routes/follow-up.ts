import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, run, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { parseIfMatch, setFollowUp } from '../plans/index.js'
import { json, sendPlan, ifMatchHeader, followUpParams, followUpBody } from './schemas.js'
import { planDetailSchema } from './responses.js'

/** Tertial follow-up of indicators. */
export function registerFollowUpRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      operationId: 'setIndicatorFollowUp',
      summary: 'Enter the follow-up of one indicator for one tertial',
      description:
        'Enters the measured value of one indicator for one tertial (T1–T3), with its date and a note. Officers of the district; not while the plan is submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: {
        params: followUpParams,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: followUpBody } } },
      },
      responses: { 200: json(planDetailSchema, 'The plan with the follow-up'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const body = c.req.valid('json')
      const plan = await run(
        c,
        Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) =>
          setFollowUp(p.id, base, p.activityId, p.indicatorId, p.period, body),
        ),
      )
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      operationId: 'removeIndicatorFollowUp',
      summary: 'Remove the follow-up of one indicator for one tertial',
      description:
        'Removes a follow-up value entered by mistake. Officers of the district; not while the plan is submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: { params: followUpParams, headers: ifMatchHeader },
      responses: { 200: json(planDetailSchema, 'The plan without that follow-up'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const plan = await run(
        c,
        Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) =>
          setFollowUp(p.id, base, p.activityId, p.indicatorId, p.period, null),
        ),
      )
      return c.json(sendPlan(c, plan), 200)
    },
  )
}
