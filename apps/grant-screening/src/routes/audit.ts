import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { auditVerificationSchema, listAudit, problems, requireUser, verificationJson, verifyAudit, type KitEnv } from '@vbe/server-kit'
import { scopeOf } from '../cases/index.js'
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
      summary: 'The audit log, newest first',
      request: { query: z.object({ entityId: z.string().max(100).optional(), before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
      responses: { 200: json(z.object({ events: z.array(z.record(z.string(), z.unknown())) })), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c, ['auditor', 'admin'])
      const q = c.req.valid('query')
      const scope = scopeOf(user)
      const events = await go(c, listAudit({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.before ? { before: q.before } : {}), limit: q.limit ?? 100, ...(scope === null ? {} : { districts: [scope] }) }))
      return c.json({ events } as never, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/audit/verify', tags: ['audit'], summary: 'Verify the hash chain (problems worded in the Accept-Language)', responses: { 200: json(auditVerificationSchema), ...problems(401, 403) } }),
    async (c) => verificationJson(c, await go(c, verifyAudit(), ['auditor', 'admin'])) as never,
  )
}
