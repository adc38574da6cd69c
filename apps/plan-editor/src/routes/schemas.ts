// The request schemas the plan-editor routes share (the answers' shapes are in responses.ts).
import { z } from '@hono/zod-openapi'
import { coded, isoDateSchema } from '@vbe/core'
import { contactPointSchema, situationPictureSchema, TERTIALS } from '@vbe/core/plans'
import { jsonContent, MAX_INT4 } from '@vbe/server-kit'
import { ACTIONS, etagOf, type PlanDetail } from '../plans/index.js'

/** A JSON answer in a route's `responses` (server-kit's `jsonContent`). */
export const json = jsonContent

// Messages of their own at the API edge, as codes of @vbe/core's catalogue (worded there in
// Swedish and English); other checks get a code by the kind of zod issue.
export const PLAN_ID = coded('api.planId')
export const DISTRICT_ID = coded('api.districtId')

export const idParam = z.object({ id: z.uuid(PLAN_ID).openapi({ param: { name: 'id', in: 'path' } }) })
export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag the change is based on; required (428 without it).' }),
})

export const createBody = z
  .discriminatedUnion(
    'from',
    [
      z
        .object({
          from: z.literal('template'),
          year: z
            .number(coded('plan.number', { field: 'year' }))
            .int()
            .min(2016, coded('plan.fromYear', { field: 'year', min: 2016 }))
            .max(2100),
          district: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/, coded('api.districtIdExample', { example: 'norrmalm' }))
            .optional(),
          contactPoint: contactPointSchema.optional(),
          situationPicture: situationPictureSchema.optional(),
        })
        .strict(),
      z
        .object({
          from: z.literal('revision'),
          sourcePlanId: z.uuid(coded('api.planIdNamed', { field: 'sourcePlanId' })),
          year: z
            .number(coded('plan.number', { field: 'year' }))
            .int()
            .min(2016, coded('plan.fromYear', { field: 'year', min: 2016 }))
            .max(2100)
            .optional(),
        })
        .strict(),
    ],
    coded('api.planFrom'),
  )
  .openapi('CreatePlan')

export const transitionBody = z
  .object({
    action: z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'], { error: `action must be one of ${ACTIONS.join(', ')}` }),
    decisionReference: z.string().max(200).optional(),
    comment: z.string().max(10_000).optional(),
  })
  .strict()
  .openapi('Transition')

export const followUpParams = idParam.extend({
  activityId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'activityId', in: 'path' } }),
  indicatorId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'indicatorId', in: 'path' } }),
  period: z.enum(TERTIALS, coded('plan.tertial')).openapi({ param: { name: 'period', in: 'path' } }),
})

export const followUpBody = z
  .object({
    value: z.number(coded('plan.number', { field: 'value' })).finite(),
    date: isoDateSchema,
    note: z.string().max(2000).optional(),
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
export const versionParam = z.coerce.number(coded('api.version')).int().min(1, coded('api.oneOrMore')).max(MAX_INT4)
