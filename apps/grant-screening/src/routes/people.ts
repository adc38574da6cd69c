import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, securityEvent, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { ERASURE_REASON_CODES, ERASURE_REASONS, erasePerson, exportPerson, findPersons } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, body, text, idParam } from './schemas.js'
import { personExportSchema, personMatchSchema } from './responses.js'

/** GDPR: finding, exporting and erasing a person. */
export function registerPeopleRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons',
      tags: ['gdpr'],
      operationId: 'findPersons',
      summary: 'Find a person by name, e-mail or phone',
      description:
        'Board members and contacts whose name, e-mail or phone contains the text, with their case, for a request under the GDPR. Admins.',
      security: SESSION,
      request: { query: z.object({ q: text(200) }) },
      responses: { 200: json(z.object({ persons: z.array(personMatchSchema) })), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const persons = await go(c, findPersons(c.req.valid('query').q), ['admin'])
      await securityEvent(c, 'person.search', { hits: persons.length }) // never the searched-for text
      return c.json({ persons }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{id}/export',
      tags: ['gdpr'],
      operationId: 'exportPerson',
      summary: 'Everything stored about a person (GDPR art. 15)',
      description:
        'The person record, the case it belongs to and the audit events about the person, for a subject access request. The export is logged. Admins.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(personExportSchema), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await go(c, exportPerson(c.req.valid('param').id), ['admin']), 200),
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/persons/{id}',
      tags: ['gdpr'],
      operationId: 'erasePerson',
      summary: 'Erase a person (GDPR art. 17)',
      description:
        'Replaces the person’s name, e-mail and phone, and the audit payloads about them, with tombstones (the erasure event lists which); the audit chain still verifies. The tables are then vacuumed so the old values leave the database files. Admins of the person’s district, or city-wide, with a reason code (GDPR art. 17(1)) and an optional note that must not repeat the person’s data.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({
              reason: z.enum(ERASURE_REASON_CODES).openapi({
                description: `Why: ${ERASURE_REASON_CODES.map((c) => `\`${c}\` (${ERASURE_REASONS[c].en})`).join(', ')}`,
              }),
              note: text(500)
                .optional()
                .openapi({ description: 'A comment for the log; refused if it repeats the person’s name, e-mail or phone' }),
            })
            .strict(),
        ),
      },
      responses: { 200: json(z.object({ erased: z.boolean(), tombstones: z.number() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { reason, note } = c.req.valid('json')
      return c.json(await go(c, erasePerson(c.req.valid('param').id, reason, note), ['admin']), 200)
    },
  )
}
