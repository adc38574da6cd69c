import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { Invalid, issueText, problems, requestLanguage, requireUser, SESSION_AND_CSRF, textIn, type KitEnv } from '@vbe/server-kit'
import { csvItems, importItems, jsonItems } from '../cases/import.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json, personsSchema } from './schemas.js'

/** Bulk import of applications from CSV or JSON. */
export function registerIntakeRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/import',
      tags: ['cases'],
      operationId: 'importCases',
      summary: 'Import applications from CSV or JSON',
      description:
        'Takes in many applications at once, from CSV (text/csv, the columns in docs/grants.md) or JSON (a list of { application, persons? }). Good rows become cases; each bad row is reported by its number, field and problem, in the request’s language. Officers and admins.',
      security: SESSION_AND_CSRF,
      request: {
        body: {
          // Not `required`, so the JSON validator does not run on CSV bodies; the handler checks the type.
          required: false,
          content: {
            'text/csv': {
              schema: z.string().openapi({
                description: 'CSV with the columns in docs/grants.md, plus optional contact.name, contact.email, contact.phone',
              }),
            },
            'application/json': {
              schema: z
                .array(z.unknown())
                .openapi({ description: 'Items { application, persons? }; each bad item is reported by its number' }),
            },
          },
        },
      },
      responses: {
        200: json(
          z.object({
            imported: z.array(z.object({ row: z.number().int(), id: z.string() })),
            errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
          }),
          'What was imported, and each bad row',
        ),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c, ['officer', 'admin'])
      const type = c.req.header('content-type') ?? ''
      const items = /json/i.test(type)
        ? jsonItems(await c.req.json())
        : /csv|text\/plain/i.test(type)
          ? csvItems(await c.req.text())
          : Effect.fail(
              new Invalid({
                detail: { sv: 'Skicka text/csv eller application/json.', en: 'Send text/csv or application/json.' },
                problems: [
                  {
                    path: 'content-type',
                    message: {
                      sv: `måste vara text/csv eller application/json (du skickade ${JSON.stringify(type)})`,
                      en: `must be text/csv or application/json, got ${JSON.stringify(type)}`,
                    },
                  },
                ],
              }),
            )
      const validatePersons = (persons: unknown) => {
        const r = personsSchema.safeParse(persons)
        return r.success
          ? []
          : r.error.issues.map((i) => ({
              path: `persons${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
              message: issueText(i),
            }))
      }
      const report = await go(
        c,
        Effect.flatMap(items, (list) => importItems(list, validatePersons)),
        ['officer', 'admin'],
      )
      // The row errors are in the request's language, like a problem's.
      const lang = requestLanguage(c)
      c.header('Content-Language', lang)
      c.header('Vary', 'Accept-Language')
      return c.json({ imported: report.imported, errors: report.errors.map((e) => ({ ...e, message: textIn(e.message, lang) })) }, 200)
    },
  )
}
