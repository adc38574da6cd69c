import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, type KitEnv } from '@vbe/server-kit'
import { listRescreenRuns, rescreenOpenCases } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, rescreenRunSchema, OFFICERS } from './schemas.js'

/** Re-screening open cases, and the runs so far. */
export function registerRescreenRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({ method: 'post', path: '/api/rescreen', tags: ['rules'], summary: 'Re-screen all open cases with the rules in force today', responses: { 200: json(z.object({ run: rescreenRunSchema })), ...problems(401, 403) } }),
    async (c) => c.json({ run: await go(c, rescreenOpenCases(), ['admin']) } as never, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/rescreen', tags: ['rules'], summary: 'Re-screen runs and their flips in your scope', responses: { 200: json(z.object({ runs: z.array(rescreenRunSchema) })), ...problems(401) } }),
    async (c) => c.json({ runs: await go(c, listRescreenRuns(), [...OFFICERS]) } as never, 200),
  )
}
