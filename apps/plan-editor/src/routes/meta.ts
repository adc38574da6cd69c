import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { problems, run, type Database, type KitEnv } from '@vbe/server-kit'
import { templatesForDistrict } from '../plugins.js'
import { json, anyJson, DISTRICT_ID } from './schemas.js'

/** Health and the plan templates. */
export function registerMetaRoutes(app: OpenAPIHono<KitEnv>, database: Database): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/health', tags: ['meta'], summary: 'Liveness and database kind', responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() }), 'OK') } }),
    (c) => c.json({ ok: true, database: database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates',
      tags: ['plans'],
      summary: 'The templates a district’s plan is held against',
      request: { query: z.object({ district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: DISTRICT_ID }) }) },
      responses: { 200: json(z.object({ templates: z.array(anyJson('Template')) }), 'Templates'), ...problems(400, 401) },
    }),
    async (c) => {
      await run(c, Effect.void)
      return c.json({ templates: templatesForDistrict(c.req.valid('query').district) } as never, 200)
    },
  )
}
