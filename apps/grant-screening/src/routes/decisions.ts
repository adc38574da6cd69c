import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { approve, decide, revise } from '../cases/index.js'
import { DECISION_KINDS } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { REVISION_BASES } from '@vbe/core/grants'
import { runner, json, body, text, idParam, wholeKronor } from './schemas.js'
import { caseDetailSchema } from './responses.js'
import { registerCommunicationRoutes } from './communications.js'

const overridesSchema = z.record(z.string().min(1).max(100), z.string().max(4000)).optional().openapi({
  description:
    'One reason per failed rule (by rule id) when granting an application the rules find ineligible or that needs assessment; each missing reason is a 400 naming its rule',
})

const decisionBody = {
  kind: z.enum(DECISION_KINDS),
  amount: z.number().int(wholeKronor).min(1).optional(),
  reasons: text(10_000),
  letterLocale: z.enum(['sv', 'en']),
  overrides: overridesSchema,
}

/** Decisions, second approvals, corrections and reconsiderations, and kommunicering (the letter: routes/letters.ts). */
export function registerDecisionRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  registerCommunicationRoutes(app, plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/decision',
      tags: ['decisions'],
      operationId: 'decideCase',
      summary: 'Decide: approve, deny or a partial amount, with written reasons',
      description:
        'Records the decision with its reasons and the language of the letter. Granting an application with failed rules needs an override reason per rule; such a grant, and any decision where a democracy finding needs a person’s judgement, waits for a second approver (four eyes). A denial cites the failed rules. A denial or a partial grant needs kommunicering first: 409 until the applicant has replied or the deadline has passed, naming the deadline. The officer of the case.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object(decisionBody).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, decide(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/revision',
      tags: ['decisions'],
      operationId: 'reviseDecision',
      summary: 'Correct or reconsider a decision',
      description:
        'A new decision on a decided case that refers to the one it replaces: a correction of an obvious error (förvaltningslagen 36 §) or a reconsideration on new facts (37–39 §§). Both decisions stay in the record. Judged as a first decision (overrides, four eyes, and kommunicering for an adverse reconsideration); 409 for a case that is not decided.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ basis: z.enum(REVISION_BASES), ...decisionBody }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, revise(c.req.valid('param').id, c.req.valid('json'))), 200),
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
