import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, registerHealthRoute, requireUser, scopeOf, SESSION, type KitEnv } from '@vbe/server-kit'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { json } from './schemas.js'

/** Health, and the districts and programmes this installation serves. */
export function registerMetaRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  registerHealthRoute(app)

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/districts',
      tags: ['cases'],
      operationId: 'listDistricts',
      summary: 'The districts this installation serves, with their names',
      description:
        'Every installed district plugin’s id and name in Swedish and English, so that a client shows a district id as its name. Any logged-in user.',
      security: SESSION,
      responses: {
        200: json(z.object({ districts: z.array(z.object({ id: z.string(), name: z.object({ sv: z.string(), en: z.string() }) })) })),
        ...problems(401),
      },
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
      operationId: 'listProgrammes',
      summary: 'Grant programmes in your scope',
      description:
        'The grant programmes of your district (all districts for city-wide admins and auditors), with the maximum amount and the years of activity they ask for.',
      security: SESSION,
      responses: {
        200: json(
          z.object({
            programmes: z.array(
              z.object({
                id: z.string(),
                district: z.string(),
                name: z.object({ sv: z.string(), en: z.string() }),
                maxAmount: z.number().nullable(),
                minYearsOfActivity: z.number().nullable(),
              }),
            ),
          }),
        ),
        ...problems(401),
      },
    }),
    (c) => {
      const user = requireUser(c)
      const scope = scopeOf(user)
      const programmes = plugins.grantProgrammes
        .filter((p) => scope === null || scope.includes(p.pluginId))
        .map((p) => ({
          id: p.id,
          district: p.pluginId,
          name: { sv: p.name.sv, en: p.name.en },
          maxAmount: p.parameters.maxAmount ?? null,
          minYearsOfActivity: p.parameters.minYearsOfActivity ?? null,
        }))
      return c.json({ programmes }, 200)
    },
  )
}
