// The request and response schemas the plan-editor routes share.
import { z } from '@hono/zod-openapi'
import { isoDateSchema } from '@vbe/core'
import { contactPointSchema, PLAN_STATUSES, planSchema, situationPictureSchema, TERTIALS } from '@vbe/core/plans'
import { bilingual } from '@vbe/server-kit'
import { ACTIONS, etagOf, type PlanDetail } from '../plans/index.js'

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })

// Messages core's phrases do not cover (see @vbe/server-kit's messages.ts), in both languages.
export const PLAN_ID = bilingual({ sv: 'måste vara ett plan-id (ett UUID)', en: 'must be a plan id (a UUID)' })
export const DISTRICT_ID = bilingual({ sv: 'måste vara id:t för en stadsdel', en: 'must be a district id' })

export const idParam = z.object({ id: z.uuid({ error: PLAN_ID }).openapi({ param: { name: 'id', in: 'path' } }) })
export const ifMatchHeader = z.object({ 'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag the change is based on; required (428 without it).' }) })

export const summaryFields = {
  id: z.string(),
  district: z.string(),
  districtName: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  revisionOf: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  coverage: z.array(z.object({ templateId: z.string(), title: z.object({ sv: z.string(), en: z.string() }), percent: z.number(), covered: z.number(), total: z.number() })),
  findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
}
export const planSummarySchema = z.object(summaryFields).openapi('PlanSummary')
export const historySchema = z.object({ version: z.number(), action: z.string(), status: z.string(), by: z.string(), at: z.string(), decisionReference: z.string().optional(), comment: z.string().optional() }).openapi('HistoryEntry')
export const planDetailSchema = z
  .object({
    ...summaryFields,
    document: planSchema,
    history: z.array(historySchema),
    can: z.object({ edit: z.boolean(), followUp: z.boolean(), actions: z.array(z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'])) }),
  })
  .openapi('PlanDetail')
export const anyJson = (name: string) => z.record(z.string(), z.unknown()).openapi(name)

export const createBody = z
  .discriminatedUnion(
    'from',
    [
      z
        .object({
          from: z.literal('template'),
          year: z.number({ error: 'year must be a number' }).int().min(2016, { error: 'year must be 2016 or later' }).max(2100),
          district: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/, { error: bilingual({ sv: 'måste vara id:t för en stadsdel, till exempel "norrmalm"', en: 'district must be a district id, for example "norrmalm"' }) })
            .optional(),
          contactPoint: contactPointSchema.optional(),
          situationPicture: situationPictureSchema.optional(),
        })
        .strict(),
      z
        .object({
          from: z.literal('revision'),
          sourcePlanId: z.uuid({ error: bilingual({ sv: 'måste vara ett plan-id (ett UUID)', en: 'sourcePlanId must be a plan id (a UUID)' }) }),
          year: z.number({ error: 'year must be a number' }).int().min(2016).max(2100).optional(),
        })
        .strict(),
    ],
    { error: 'from must be "template" or "revision"' },
  )
  .openapi('CreatePlan')

export const transitionBody = z
  .object({
    action: z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'], { error: `action must be one of ${ACTIONS.join(', ')}` }),
    decisionReference: z.string().max(200, { error: 'decisionReference must be at most 200 characters' }).optional(),
    comment: z.string().max(10_000, { error: 'comment must be at most 10 000 characters' }).optional(),
  })
  .strict()
  .openapi('Transition')

export const followUpParams = idParam.extend({
  activityId: z.string().min(1).max(100).openapi({ param: { name: 'activityId', in: 'path' } }),
  indicatorId: z.string().min(1).max(100).openapi({ param: { name: 'indicatorId', in: 'path' } }),
  period: z.enum(TERTIALS, { error: 'must be T1, T2 or T3' }).openapi({ param: { name: 'period', in: 'path' } }),
})

export const followUpBody = z
  .object({
    value: z.number({ error: 'value must be a number' }).finite(),
    date: isoDateSchema,
    note: z.string().max(2000, { error: 'note must be at most 2 000 characters' }).optional(),
  })
  .strict()
  .openapi('FollowUpEntry')


/** The plan editor's Hono app: the API (server-kit session, errors and audit) and the built UI. */

/** A plan as the answer, with its version as the ETag; never cached. */
export const sendPlan = (c: { header: (k: string, v: string) => void }, plan: PlanDetail) => {
  c.header('ETag', etagOf(plan.version))
  c.header('Cache-Control', 'no-store')
  return plan
}

/** A plan version number, in a path or a query. */
export const versionParam = z.coerce
  .number({ error: bilingual({ sv: 'måste vara ett versionsnummer', en: 'must be a version number' }) })
  .int({ error: 'must be a whole number' })
  .min(1, { error: bilingual({ sv: 'måste vara 1 eller mer', en: 'must be 1 or more' }) })
