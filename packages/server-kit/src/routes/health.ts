import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { PUBLIC, type KitEnv } from '../http.js'
import { jsonContent } from '../openapi-schemas.js'

/**
 * `GET /api/health`, the same in every app (tag `meta`): 200 while the server runs, with the
 * kind of database it uses. Needs no login, for monitoring.
 */
export function registerHealthRoute(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      operationId: 'getHealth',
      summary: 'Liveness and database kind',
      description:
        'Answers 200 while the server runs, with the kind of database it uses (pglite or postgres). Needs no login, for monitoring.',
      security: PUBLIC,
      responses: { 200: jsonContent(z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) })) },
    }),
    (c) => c.json({ ok: true, database: c.get('kit').database.kind }, 200),
  )
}
