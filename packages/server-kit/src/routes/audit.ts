import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Effect } from 'effect'
import { jsonContent, MAX_INT4 } from '../openapi-schemas.js'
import { coded, type LocalizedText } from '@vbe/core'
import { securityEvent } from '../security-log/request.js'
import { listAudit } from '../audit/list.js'
import { AUDIT_PROBLEM_CODES, verificationFor, verificationIn, type AuditVerification } from '../audit/problems.js'
import type { AuditReconciler } from '../audit/reconcile.js'
import { verifyAudit } from '../audit/verify.js'
import { Invalid } from '../errors.js'
import { query } from '../services.js'
import { labelAuditEvents, type AuditEntityLabels, type AuditReferenceResolver } from './audit-labels.js'
import { scopeOf, type Scope } from '../access/policy.js'
import { problems, requestLanguage, requireUser, run, SESSION, type KitEnv } from '../http.js'

/** The answer of `GET /api/audit/verify`, the same in every app. */
export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().openapi({ description: 'Events checked (a reader held to a district: that district’s events)' }),
    head: z
      .object({ seq: z.number().int(), hash: z.string() })
      .nullable()
      .openapi({ description: 'The newest event (city-wide readers only); signed checkpoints of it are kept outside the database' }),
    problems: z
      .array(
        z.object({
          seq: z.number().int().nullable().openapi({ description: 'The event the problem is about; null for a record without its event' }),
          code: z.enum(AUDIT_PROBLEM_CODES),
          from: z.number().int().optional(),
          to: z.number().int().optional(),
          by: z.number().int().optional(),
          problem: z.string().openapi({ description: 'The problem in words, in the language of Content-Language' }),
        }),
      )
      .readonly(),
  })
  .openapi('AuditVerification')

/** An audit event as `GET /api/audit` answers with it, in every app. */
export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    district: z.string().nullable(),
    ruleset: z.string().nullable(),
    before: z.unknown().openapi({ description: 'The state before, as the action recorded it (a tombstone once erased)' }),
    after: z.unknown().openapi({ description: 'The state after, as the action recorded it (a tombstone once erased)' }),
    payloadHash: z.string(),
    prevHash: z.string(),
    hash: z.string(),
    erasedBy: z.number().int().nullable().openapi({ description: 'The erasure event that replaced the payload with a tombstone' }),
    keyId: z
      .string()
      .nullable()
      .openapi({ description: 'The id (a fingerprint) of the audit key that signed the event; null on events from before key ids' }),
    actorName: z
      .string()
      .nullable()
      .openapi({ description: 'The display name of the actor now (the log keeps the username); null when the user no longer exists' }),
    entityLabel: z.string().nullable().openapi({
      description: 'A reference to the entity a person recognises (a diarienummer, a plan’s name), from the app; null when it has none',
    }),
  })
  .openapi('AuditEvent')

/**
 * A verification in the request's language, for `c.json(…, 200)`: sets `Content-Language`
 * and `Vary`, and words each problem in that language.
 */
export function verificationBody(c: Context, verification: AuditVerification): AuditVerification {
  const lang = requestLanguage(c)
  c.header('Content-Language', lang)
  c.header('Vary', 'Accept-Language')
  return verificationIn(verification, lang)
}

export interface AuditRouteOptions {
  /** The app's checks of its tables against the log (its `src/db/audit-reconcile.ts`). */
  readonly reconcilers?: readonly AuditReconciler[]
  /** The app's labels of the entities in events (a case's diarienummer, a plan's district and year), so no id needs to reach a user. */
  readonly entityLabels?: AuditEntityLabels
  /** The app's resolver of `?reference=` (a diarienummer, a plan's district and year) to an entity; without it `reference` is refused. */
  readonly resolveReference?: AuditReferenceResolver
  /** What a reference nothing has is called in the 400 (the plan editor: "no plan for …"); the default names a diarienummer or reference. */
  readonly unknownReference?: (reference: string) => LocalizedText
}

/**
 * The audit log and its verification, the same in every app: `GET /api/audit` (events of
 * the reader's scope: a district admin sees its own district's only) and
 * `GET /api/audit/verify` (the whole chain, checkpoints and the app's reconcilers; a
 * district admin gets its district's counts and problems). Admins and auditors.
 */
export function registerAuditRoutes(app: OpenAPIHono<KitEnv>, options: AuditRouteOptions = {}): void {
  const unknownReference = (reference: string) =>
    new Invalid({
      detail: { sv: 'Filtret är ogiltigt.', en: 'The filter is invalid.' },
      problems: [
        {
          path: 'reference',
          message: options.unknownReference?.(reference) ?? {
            sv: `Inget har diarienumret eller referensen ${reference}.`,
            en: `Nothing has the reference number ${reference}.`,
          },
        },
      ],
    })
  // Another district's entity is answered as one that does not exist: a district admin cannot probe references.
  const resolveReference = (reference: string, scope: Scope) =>
    Effect.flatMap(
      query('audit.reference', (db) => (options.resolveReference ? options.resolveReference(db, reference) : Promise.resolve(null))),
      (entity) =>
        entity && (scope === null || (entity.district !== null && scope.includes(entity.district)))
          ? Effect.succeed(entity)
          : Effect.fail(unknownReference(reference)),
    )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description:
        'Events newest first, paged by `before` (an event number), optionally about one entity (by `entityId`, or by `reference`: a reference a person knows, such as a diarienummer). Each event carries the actor’s display name and a label of its entity. Admins and auditors.',
      security: SESSION,
      request: {
        query: z.object({
          entityId: z.string().max(200).optional(),
          reference: z.string().trim().min(1).max(200).optional().openapi({
            description:
              'A reference a person knows (grant screening: a diarienummer; the plan editor: a plan’s district and year); 400 when no entity has it',
          }),
          limit: z.coerce.number().int().min(1, coded('api.oneOrMore')).max(1000).optional(),
          before: z.coerce.number().int().min(1).max(MAX_INT4).optional(),
        }),
      },
      responses: { 200: jsonContent(z.object({ events: z.array(auditEventSchema) }), 'Events'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      // A district admin reads its own district's events only.
      const scope = scopeOf(requireUser(c, ['admin', 'auditor']))
      const entity = q.reference === undefined ? null : await run(c, resolveReference(q.reference, scope), ['admin', 'auditor'])
      const filter = {
        ...(entity ? { entityType: entity.entityType, entityId: entity.entityId } : q.entityId ? { entityId: q.entityId } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
        ...(q.before ? { before: q.before } : {}),
        ...(scope === null ? {} : { districts: scope }),
      }
      const listed = await run(c, listAudit(filter), ['admin', 'auditor'])
      // Labels may have words (a district's name): in the request's language.
      const lang = requestLanguage(c)
      const events = await run(
        c,
        query('audit.labels', (db) => labelAuditEvents(db, listed, options.entityLabels, lang)),
        ['admin', 'auditor'],
      )
      c.header('Content-Language', lang)
      c.header('Vary', 'Accept-Language')
      await securityEvent(c, 'audit.read', { events: events.length })
      return c.json({ events }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags: ['audit'],
      operationId: 'verifyAuditChain',
      summary: 'Verify the audit chain',
      description:
        'Walks the whole audit chain under the audit key and reports every altered, missing or inserted event, tombstones their erasure does not list, removal of the newest events (against the signed checkpoint kept outside the database), and records of the app that lack their audit event, worded in the language of Accept-Language. A district admin gets the counts and problems of its own district (and those of the chain as a whole). Admins and auditors.',
      security: SESSION,
      responses: {
        200: jsonContent(auditVerificationSchema, 'The verification, its problems worded in the Accept-Language'),
        ...problems(401, 403),
      },
    }),
    async (c) => {
      const scope = scopeOf(requireUser(c, ['admin', 'auditor']))
      const verification = await run(c, verifyAudit({ reconcilers: options.reconcilers ?? [] }), ['admin', 'auditor'])
      return c.json(verificationBody(c, verificationFor(verification, scope)), 200)
    },
  )
}
