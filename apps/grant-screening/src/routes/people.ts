import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, type KitEnv } from '@vbe/server-kit'
import { erasePerson, exportPerson, findPersons } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, text, idParam } from './schemas.js'

/** GDPR: finding, exporting and erasing a person. */
export function registerPeopleRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({ method: 'get', path: '/api/persons', tags: ['gdpr'], summary: 'Find a person (board member or contact) by name, e-mail or phone', request: { query: z.object({ q: text(200) }) }, responses: { 200: json(z.object({ persons: z.array(z.record(z.string(), z.unknown())) })), ...problems(400, 401, 403) } }),
    async (c) => c.json({ persons: await go(c, findPersons(c.req.valid('query').q), ['admin']) } as never, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/persons/{id}/export', tags: ['gdpr'], summary: 'Everything stored about a person (GDPR art. 15)', request: { params: idParam }, responses: { 200: json(z.record(z.string(), z.unknown())), ...problems(401, 403, 404) } }),
    async (c) => c.json((await go(c, exportPerson(c.req.valid('param').id), ['admin'])) as never, 200),
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/persons/{id}',
      tags: ['gdpr'],
      summary: 'Erase a person (GDPR art. 17): tombstones keep the audit chain verifiable',
      request: { params: idParam, ...body(z.object({ reason: text(1000) }).strict()) },
      responses: { 200: json(z.object({ erased: z.boolean(), tombstones: z.number() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, erasePerson(c.req.valid('param').id, c.req.valid('json').reason), ['admin']), 200),
  )
}
