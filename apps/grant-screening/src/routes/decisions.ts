import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { approve, decide } from '../cases/index.js'
import { DECISION_KINDS } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, text, idParam, wholeKronor } from './schemas.js'
import { caseDetailSchema } from './responses.js'

/** Decisions and second approvals (the letter: routes/letters.ts). */
export function registerDecisionRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/decision',
      tags: ['decisions'],
      operationId: 'decideCase',
      summary: 'Decide: approve, deny or a partial amount, with written reasons',
      description:
        'Records the decision with its reasons and the language of the letter. Where a democracy finding needs a person’s judgement, the decision waits for a second approver (four eyes). The officer of the case.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({
              kind: z.enum(DECISION_KINDS),
              amount: z.number().int(wholeKronor).min(1).optional(),
              reasons: text(10_000),
              letterLocale: z.enum(['sv', 'en']),
            })
            .strict(),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, decide(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/approval',
      tags: ['decisions'],
      operationId: 'approveDecision',
      summary: 'Second approval (four eyes)',
      description: 'An approver other than the decider approves the decision or sends it back, with an optional comment.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ approve: z.boolean(), comment: z.string().max(4000).optional() }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, approve(c.req.valid('param').id, b.approve, b.comment)), 200)
    },
  )
  // The decision letter and its preview are in routes/letters.ts.
}
