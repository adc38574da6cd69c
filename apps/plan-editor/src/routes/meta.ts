import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, registerHealthRoute, run, SESSION, type KitEnv } from '@vbe/server-kit'
import { districtTemplates } from '@vbe/districts'
import { json, DISTRICT_ID } from './schemas.js'
import { templateResponseSchema } from './responses.js'

/** Health and the plan templates. */
export function registerMetaRoutes(app: OpenAPIHono<KitEnv>): void {
  registerHealthRoute(app)

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates',
      tags: ['plans'],
      operationId: 'listTemplates',
      summary: 'The templates a district’s plan is held against',
      description:
        'The city-wide templates (strategy 2016, directive 2017) and the district’s own sections, each item with what it asks a plan to show. Any logged-in user.',
      security: SESSION,
      request: { query: z.object({ district: z.string().regex(/^[a-z][a-z0-9-]*$/, DISTRICT_ID) }) },
      responses: { 200: json(z.object({ templates: z.array(templateResponseSchema).readonly() }), 'Templates'), ...problems(400, 401) },
    }),
    async (c) => {
      await run(c, Effect.void)
      return c.json({ templates: districtTemplates(c.req.valid('query').district) }, 200)
    },
  )
}
