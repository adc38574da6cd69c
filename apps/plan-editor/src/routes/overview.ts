import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, run, SESSION, type KitEnv } from '@vbe/server-kit'
import { overview } from '../plans/index.js'
import { json } from './schemas.js'
import { overviewSchema } from './responses.js'

/** The city overview. */
export function registerOverviewRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/overview',
      tags: ['overview'],
      operationId: 'getOverview',
      summary: 'The central overview',
      description:
        'Template coverage by district, the situation pictures by date (stale ones marked), and the combined city situation picture. City-wide admins and auditors.',
      security: SESSION,
      responses: { 200: json(overviewSchema, 'The overview'), ...problems(401, 403) },
    }),
    async (c) => c.json(await run(c, overview(), ['admin', 'auditor']), 200),
  )
}
