import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { coded } from '@vbe/core'
import { reclaim, setFollowUp } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, date, text, idParam, wholeKronor } from './schemas.js'
import { caseDetailSchema } from './responses.js'

/** Follow-up of granted cases: report dates and reclaims. */
export function registerFollowUpRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}/follow-up',
      tags: ['follow-up'],
      operationId: 'setFollowUp',
      summary: 'Report due date and report received',
      description: 'Sets when the association’s report on the grant is due and when it was received (null clears either).',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({ reportDue: date.nullable().optional(), reportReceivedOn: date.nullable().optional() })
            .strict()
            .refine((v) => v.reportDue !== undefined || v.reportReceivedOn !== undefined, {
              ...coded('api.reportDate'),
              path: ['reportDue'],
            }),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, setFollowUp(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/reclaim',
      tags: ['follow-up'],
      operationId: 'reclaimGrant',
      summary: 'Reclaim (återkrav) with reasons',
      description: 'Records a claim to pay back an amount of a granted sum, with reasons, when the conditions of the grant were broken.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ amount: z.number().int(wholeKronor).min(1), reasons: text(10_000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, reclaim(c.req.valid('param').id, c.req.valid('json'))), 200),
  )
}
