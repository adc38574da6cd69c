import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import {
  auditEventSchema,
  auditVerificationSchema,
  listAudit,
  problems,
  requireUser,
  scopeOf,
  SESSION,
  verificationBody,
  verifyAudit,
  type KitEnv,
} from '@vbe/server-kit'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { runner, json } from './schemas.js'

/** The audit log and its verification. */
export function registerAuditRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description: 'Events of your scope, newest first, paged by `before` (an event number). Auditors and admins.',
      security: SESSION,
      request: {
        query: z.object({
          entityId: z.string().max(100).optional(),
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: { 200: json(z.object({ events: z.array(auditEventSchema) })), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c, ['auditor', 'admin'])
      const q = c.req.valid('query')
      const scope = scopeOf(user)
      const events = await go(
        c,
        listAudit({
          ...(q.entityId ? { entityId: q.entityId } : {}),
          ...(q.before ? { before: q.before } : {}),
          limit: q.limit ?? 100,
          ...(scope === null ? {} : { districts: scope }),
        }),
      )
      return c.json({ events }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags: ['audit'],
      operationId: 'verifyAuditChain',
      summary: 'Verify the hash chain',
      description:
        'Walks the whole audit chain and reports every altered, missing or inserted event, worded in the language of Accept-Language. Auditors and admins.',
      security: SESSION,
      responses: { 200: json(auditVerificationSchema), ...problems(401, 403) },
    }),
    async (c) => c.json(verificationBody(c, await go(c, verifyAudit(), ['auditor', 'admin'])), 200),
  )
}
