import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, run, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { parseIfMatch, transition } from '../plans/index.js'
import { json, sendPlan, idParam, ifMatchHeader, transitionBody } from './schemas.js'
import { planDetailSchema } from './responses.js'

/** The workflow: submit, adopt, return (återremiss) and revise. */
export function registerWorkflowRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/{id}/transitions',
      tags: ['workflow'],
      operationId: 'transitionPlan',
      summary: 'Move the plan through the workflow',
      description:
        'Submit and revise (officers of the district); adopt and return to the officers (återremiss; approvers of the district, or admins). Returning needs a decision reference and a comment. Nobody adopts or returns a plan they submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: transitionBody } } },
      },
      responses: { 200: json(planDetailSchema, 'The plan in its new status'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const plan = await run(
        c,
        Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => transition(id, base, body)),
      )
      return c.json(sendPlan(c, plan), 200)
    },
  )
}
