// The request schemas the plan-editor routes share (the answers' shapes are in responses.ts).
import { z } from '@hono/zod-openapi'
import { isoDateSchema } from '@vbe/core'
import { contactPointSchema, situationPictureSchema, TERTIALS } from '@vbe/core/plans'
import { bilingual } from '@vbe/server-kit'
import { ACTIONS, etagOf, type PlanDetail } from '../plans/index.js'

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })

// Messages core's phrases do not cover (see @vbe/server-kit's messages.ts), in both languages.
export const PLAN_ID = bilingual({ sv: 'måste vara ett plan-id (ett UUID)', en: 'must be a plan id (a UUID)' })
export const DISTRICT_ID = bilingual({ sv: 'måste vara id:t för en stadsdel', en: 'must be a district id' })

export const idParam = z.object({ id: z.uuid({ error: PLAN_ID }).openapi({ param: { name: 'id', in: 'path' } }) })
export const ifMatchHeader = z.object({ 'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag the change is based on; required (428 without it).' }) })

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
