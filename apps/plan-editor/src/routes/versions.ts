import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, run, SESSION, type KitEnv } from '@vbe/server-kit'
import { redlineMarkdown } from '../export/index.js'
import { listVersions, planVersion, redline } from '../plans/index.js'
import { json, idParam, versionParam } from './schemas.js'
import { historySchema, planVersionSchema, redlineSchema } from './responses.js'

/** A plan's versions and the redline between two. */
export function registerVersionRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/versions',
      tags: ['versions'],
      operationId: 'listPlanVersions',
      summary: 'Every saved version of the plan',
      description: 'Every saved version, oldest first: who, when, which action, and the decision references and comments.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(z.object({ versions: z.array(historySchema) }), 'Versions, oldest first'), ...problems(400, 401, 404) },
    }),
    async (c) => c.json({ versions: await run(c, listVersions(c.req.valid('param').id)) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/versions/{version}',
      tags: ['versions'],
      operationId: 'getPlanVersion',
      summary: 'One saved version of the plan document',
      description: 'The plan document as it was saved in one version, with who saved it and when.',
      security: SESSION,
      request: { params: idParam.extend({ version: versionParam.openapi({ param: { name: 'version', in: 'path' } }) }) },
      responses: { 200: json(planVersionSchema, 'The version'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      return c.json(await run(c, planVersion(p.id, p.version)), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/redline',
      tags: ['versions'],
      operationId: 'getPlanRedline',
      summary: 'The redline between two versions',
      description:
        'What changed between any two versions, field by field (added, removed and changed activities and indicators), as JSON or as Markdown in Swedish or English.',
      security: SESSION,
      request: {
        params: idParam,
        query: z.object({
          from: versionParam,
          to: versionParam,
          format: z.enum(['json', 'md']).default('json'),
          lang: z.enum(['sv', 'en']).default('sv'),
        }),
      },
      responses: {
        200: {
          description: 'The redline',
          content: { 'application/json': { schema: redlineSchema }, 'text/markdown': { schema: z.string() } },
        },
        ...problems(400, 401, 404),
      },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const q = c.req.valid('query')
      const r = await run(c, redline(p.id, q.from, q.to))
      if (q.format === 'md')
        return c.body(redlineMarkdown(r.diff, q.from, q.to, q.lang, r.toDocument.district), 200, {
          'content-type': 'text/markdown; charset=utf-8',
        })
      return c.json({ from: r.from, to: r.to, diff: r.diff }, 200)
    },
  )
}
