import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, run, type KitEnv } from '@vbe/server-kit'
import { overview } from '../plans/index.js'
import { json, anyJson } from './schemas.js'

/** The city overview. */
export function registerOverviewRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/overview',
      tags: ['overview'],
      summary: 'Central overview (admin, auditor): template coverage by district, situation pictures by date, the combined city situation picture',
      responses: { 200: json(anyJson('Overview'), 'The overview'), ...problems(401, 403) },
    }),
    async (c) => c.json((await run(c, overview(), ['admin', 'auditor'])) as never, 200),
  )
}
