import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { auditVerificationSchema, bilingual, listAudit, problems, run, verificationJson, verifyAudit, type KitEnv } from '@vbe/server-kit'
import { json, anyJson } from './schemas.js'

/** The audit log and its verification. */
export function registerAuditRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log, newest first (admin, auditor)',
      request: {
        query: z.object({
          entityId: z.string().max(200).optional(),
          limit: z.coerce.number({ error: 'must be a number' }).int().min(1, { error: bilingual({ sv: 'måste vara 1 eller mer', en: 'must be 1 or more' }) }).max(1000, { error: 'must be at most 1000' }).optional(),
          before: z.coerce.number({ error: 'must be a number' }).int().min(1).optional(),
        }),
      },
      responses: { 200: json(z.object({ events: z.array(anyJson('AuditEvent')) }), 'Events'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const events = await run(c, listAudit({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.limit ? { limit: q.limit } : {}), ...(q.before ? { before: q.before } : {}) }), ['admin', 'auditor'])
      return c.json({ events } as never, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/audit/verify', tags: ['audit'], summary: 'Verify the hash chain (admin, auditor)', responses: { 200: json(auditVerificationSchema, 'The verification, its problems worded in the Accept-Language'), ...problems(401, 403) } }),
    async (c) => verificationJson(c, await run(c, verifyAudit(), ['admin', 'auditor'])) as never,
  )
}
