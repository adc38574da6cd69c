import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, requireUser, type KitEnv } from '@vbe/server-kit'
import { scopeOf } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { json } from './schemas.js'

/** Health, and the districts and programmes this installation serves. */
export function registerMetaRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  app.openapi(createRoute({ method: 'get', path: '/api/health', tags: ['meta'], summary: 'Liveness and database', responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() })) } }), (c) =>
    c.json({ ok: true, database: c.get('kit').database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/districts',
      tags: ['cases'],
      summary: 'The districts this installation serves, with their names (for showing a district id as its name)',
      responses: { 200: json(z.object({ districts: z.array(z.object({ id: z.string(), name: z.object({ sv: z.string(), en: z.string() }) })) })), ...problems(401) },
    }),
    (c) => {
      requireUser(c)
      return c.json({ districts: plugins.plugins.map((p) => ({ id: p.id, name: { sv: p.name.sv, en: p.name.en } })) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes',
      tags: ['cases'],
      summary: 'Grant programmes in your scope',
      responses: { 200: json(z.object({ programmes: z.array(z.object({ id: z.string(), district: z.string(), name: z.object({ sv: z.string(), en: z.string() }), maxAmount: z.number().nullable(), minYearsOfActivity: z.number().nullable() })) })), ...problems(401) },
    }),
    (c) => {
      const user = requireUser(c)
      const scope = scopeOf(user)
      const programmes = plugins.grantProgrammes
        .filter((p) => scope === null || p.pluginId === scope)
        .map((p) => ({ id: p.id, district: p.pluginId, name: { sv: p.name.sv, en: p.name.en }, maxAmount: p.parameters.maxAmount ?? null, minYearsOfActivity: p.parameters.minYearsOfActivity ?? null }))
      return c.json({ programmes }, 200)
    },
  )
}
