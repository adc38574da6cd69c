import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { listRescreenRuns, rescreenOpenCases } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, OFFICERS } from './schemas.js'
import { rescreenRunSchema } from './responses.js'

/** Re-screening open cases, and the runs so far. */
export function registerRescreenRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rescreen',
      tags: ['rules'],
      operationId: 'rescreenOpenCases',
      summary: 'Re-screen all open cases with the rules in force today',
      description:
        'Screens every open case in your scope again, stores the new results and lists the cases whose outcome flipped, with the rules that flipped them. Admins.',
      security: SESSION_AND_CSRF,
      responses: { 200: json(z.object({ run: rescreenRunSchema })), ...problems(401, 403) },
    }),
    async (c) => c.json({ run: await go(c, rescreenOpenCases(), ['admin']) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rescreen',
      tags: ['rules'],
      operationId: 'listRescreenRuns',
      summary: 'Re-screen runs and their flips in your scope',
      description: 'Earlier re-screen runs, newest first, with the flips of cases in your scope.',
      security: SESSION,
      responses: { 200: json(z.object({ runs: z.array(rescreenRunSchema) })), ...problems(401, 403) },
    }),
    async (c) => c.json({ runs: await go(c, listRescreenRuns(), [...OFFICERS]) }, 200),
  )
}
