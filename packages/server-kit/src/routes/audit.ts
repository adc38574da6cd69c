import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { listAudit, verifyAudit } from '../audit.js'
import { scopeOf } from '../access/policy.js'
import { auditEventSchema, auditVerificationSchema, problems, requireUser, run, SESSION, verificationBody, type KitEnv } from '../http.js'
import { MAX_INT4 } from '../openapi-schemas.js'
import { coded } from '@vbe/core'

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })

/**
 * The audit log and its verification, the same in every app: `GET /api/audit` (events of
 * the reader's scope: a district admin sees its own district's only) and
 * `GET /api/audit/verify`. Admins and auditors.
 */
export function registerAuditRoutes(app: OpenAPIHono<KitEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description: 'Events newest first, paged by `before` (an event number), optionally about one entity. Admins and auditors.',
      security: SESSION,
      request: {
        query: z.object({
          entityId: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1, coded('api.oneOrMore')).max(1000).optional(),
          before: z.coerce.number().int().min(1).max(MAX_INT4).optional(),
        }),
      },
      responses: { 200: json(z.object({ events: z.array(auditEventSchema) }), 'Events'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      // A district admin reads its own district's events only.
      const scope = scopeOf(requireUser(c, ['admin', 'auditor']))
      const query = {
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.before ? { before: q.before } : {}),
        ...(scope === null ? {} : { districts: scope }),
      }
      const events = await run(c, listAudit(query), ['admin', 'auditor'])
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
        'Walks the whole audit chain and reports every altered, missing or inserted event, worded in the language of Accept-Language. Admins and auditors.',
      security: SESSION,
      responses: {
        200: json(auditVerificationSchema, 'The verification, its problems worded in the Accept-Language'),
        ...problems(401, 403),
      },
    }),
    async (c) => c.json(verificationBody(c, await run(c, verifyAudit(), ['admin', 'auditor'])), 200),
  )
}
