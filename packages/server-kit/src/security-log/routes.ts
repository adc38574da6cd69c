import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { scopeOf } from '../access/policy.js'
import type { KitEnv } from '../http.js'
import type { KitRouteHelpers } from '../sessions/routes.js'
import { listSecurityEvents, SECURITY_EVENT_KINDS } from './index.js'

/** `GET /api/security-log`: the security events of the reader's scope, for admins and auditors. */
export function registerSecurityLogRoutes(app: OpenAPIHono<KitEnv>, helpers: KitRouteHelpers): void {
  const { problems, requireUser, runKit, SESSION } = helpers
  const entry = z
    .object({
      id: z.number().int(),
      at: z.string().openapi({ format: 'date-time' }),
      kind: z.enum(SECURITY_EVENT_KINDS),
      actor: z.string().nullable().openapi({ description: 'The logged-in user, or the username tried at a failed login' }),
      district: z.string().nullable(),
      address: z.string().nullable().openapi({ description: 'The client address (after trusted proxies)' }),
      method: z.string().nullable(),
      path: z.string().nullable(),
      detail: z.unknown().openapi({ description: 'What else is known: a refusal’s problem code, the wait of a throttled login' }),
    })
    .openapi('SecurityEvent')
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/security-log',
      tags: ['security'],
      operationId: 'listSecurityEvents',
      summary: 'The security log, newest first',
      description:
        'Failed and throttled logins, refused (403) requests, person searches, audit reads, sessions ended by others (an admin, or the identity provider’s back-channel logout) and refused logout tokens, newest first, paged by `before`. Admins and auditors; a district admin sees its own district’s events. No password or searched-for name is ever logged.',
      security: SESSION,
      request: {
        query: z.object({
          kind: z.enum(SECURITY_EVENT_KINDS).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
        }),
      },
      responses: {
        200: { description: 'Events', content: { 'application/json': { schema: z.object({ events: z.array(entry) }) } } },
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const scope = scopeOf(requireUser(c, ['admin', 'auditor']))
      const events = await runKit(
        c,
        listSecurityEvents({
          ...(q.kind ? { kind: q.kind } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
          ...(q.before ? { before: q.before } : {}),
          ...(scope === null ? {} : { districts: scope }),
        }),
      )
      return c.json({ events: events.map((e) => ({ ...e, kind: e.kind as (typeof SECURITY_EVENT_KINDS)[number] })) }, 200)
    },
  )
}
