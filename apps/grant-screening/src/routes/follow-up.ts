import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { bilingual, problems, type KitEnv } from '@vbe/server-kit'
import { reclaim, setFollowUp } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, date, text, idParam, wholeKronor, caseDetailSchema } from './schemas.js'

/** Follow-up of granted cases: report dates and reclaims. */
export function registerFollowUpRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}/follow-up',
      tags: ['follow-up'],
      summary: 'Report due date and report received',
      request: {
        params: idParam,
        ...body(
          z
            .object({ reportDue: date.nullable().optional(), reportReceivedOn: date.nullable().optional() })
            .strict()
            .refine((v) => v.reportDue !== undefined || v.reportReceivedOn !== undefined, { message: bilingual({ sv: 'ange reportDue eller reportReceivedOn', en: 'give reportDue or reportReceivedOn' }), path: ['reportDue'] }),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, setFollowUp(c.req.valid('param').id, c.req.valid('json')))) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/reclaim',
      tags: ['follow-up'],
      summary: 'Reclaim (återkrav) with reasons, when the conditions were broken',
      request: { params: idParam, ...body(z.object({ amount: z.number().int(wholeKronor).min(1, 'must be at least 1'), reasons: text(10_000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, reclaim(c.req.valid('param').id, c.req.valid('json')))) as never, 200),
  )
}
