import { z } from '@hono/zod-openapi'
// The values every app's answers share (a text in both languages, an instant, a day), as server-kit declares them.
import { daySchema as day, localizedTextSchema as bilingualText, timestampSchema as timestamp } from '@vbe/server-kit'
import { ACTIONS } from '../plans/index.js'
import {
  activitySchema,
  indicatorSchema,
  PLAN_STATUSES,
  planSchema,
  situationPictureSchema,
  TEMPLATE_ITEM_KINDS,
  templateSchema,
} from '@vbe/core/plans'

/**
 * The shapes the plan editor's API answers with, for its OpenAPI document. The API tests
 * check every response against them; the handlers are typed against them.
 */

const savedBy = z.string().nullable().openapi({
  description: 'The display name of who saved it (never a username); null when it was not a user, such as the demo data',
})
const severity = z.enum(['error', 'warning', 'info'])
const findingCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }).openapi('FindingCounts')

export const planDocumentSchema = planSchema.meta({ id: 'Plan', description: 'The plan document (docs/plan-editor.md)' })
export const templateResponseSchema = templateSchema.meta({
  id: 'Template',
  description: 'A versioned checklist a plan is held against, with its source',
})

const coverageSummary = z
  .object({ templateId: z.string(), title: bilingualText, percent: z.number().int(), covered: z.number().int(), total: z.number().int() })
  .openapi('CoverageSummary', { description: 'How much of one template the plan covers' })

export const planSummarySchema = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    district: z.string(),
    districtName: z.string(),
    year: z.number().int(),
    status: z.enum(PLAN_STATUSES),
    version: z.number().int(),
    revisionOf: z.string().nullable(),
    updatedAt: timestamp,
    updatedBy: savedBy,
    coverage: z.array(coverageSummary).readonly(),
    findings: findingCounts,
  })
  .openapi('PlanSummary')

export const historySchema = z
  .object({
    version: z.number().int(),
    action: z.string(),
    status: z.string(),
    by: savedBy,
    at: timestamp,
    decisionReference: z.string().optional(),
    comment: z.string().optional(),
  })
  .openapi('HistoryEntry')

export const planFindingSchema = z
  .object({
    code: z.string(),
    severity,
    message: bilingualText,
    activityId: z.string().optional(),
    indicatorId: z.string().optional(),
    itemId: z.string().optional().openapi({ description: 'The template item, guideline, measure or risk the finding is about' }),
  })
  .openapi('PlanFinding')

const findings = z.array(planFindingSchema).readonly()

export const planAnalysisSchema = z
  .object({
    on: day,
    coverage: z
      .array(
        z
          .object({
            templateId: z.string(),
            version: z.string(),
            title: bilingualText,
            items: z
              .array(
                z.object({
                  id: z.string(),
                  kind: z.enum(TEMPLATE_ITEM_KINDS),
                  title: bilingualText,
                  asks: bilingualText,
                  activityIds: z.array(z.string()).readonly(),
                  covered: z.boolean(),
                }),
              )
              .readonly(),
            gaps: z.array(z.string()).readonly(),
          })
          .openapi('TemplateCoverage'),
      )
      .readonly(),
    indicatorFindings: findings,
    responsibilityFindings: findings,
    riskFindings: findings,
    revisionFindings: findings,
    summary: z.object({
      templates: z
        .array(
          z.object({
            templateId: z.string(),
            version: z.string(),
            covered: z.number().int(),
            total: z.number().int(),
            percent: z.number().int(),
            gaps: z.array(z.string()).readonly(),
          }),
        )
        .readonly(),
      findings: findingCounts,
    }),
  })
  .openapi('PlanAnalysis', { description: 'Template coverage and findings, each with where it is and what to do' })

export const planVersionSchema = z
  .object({ version: z.number().int(), status: z.string(), document: planDocumentSchema, by: savedBy, at: timestamp })
  .openapi('PlanVersion', { description: 'One saved version of the plan document' })

const fieldChange = z
  .object({
    path: z.string().openapi({ description: 'Like `situationPicture.summary` or `risks[R3].mitigation`' }),
    before: z.unknown().openapi({ description: 'The value before (absent when the field was added)' }),
    after: z.unknown().openapi({ description: 'The value after (absent when the field was removed)' }),
  })
  .openapi('FieldChange')

const activity = activitySchema.meta({ id: 'Activity' })
const indicator = indicatorSchema.meta({ id: 'Indicator' })

export const redlineSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    diff: z
      .object({
        plan: z.array(fieldChange).readonly(),
        activities: z.object({
          added: z.array(activity).readonly(),
          removed: z.array(activity).readonly(),
          changed: z
            .array(
              z.object({
                id: z.string(),
                title: z.string(),
                fields: z.array(fieldChange).readonly(),
                indicators: z.object({
                  added: z.array(indicator).readonly(),
                  removed: z.array(indicator).readonly(),
                  changed: z.array(z.object({ id: z.string(), name: z.string(), fields: z.array(fieldChange).readonly() })).readonly(),
                }),
              }),
            )
            .readonly(),
        }),
        identical: z.boolean(),
      })
      .openapi('PlanDiff'),
  })
  .openapi('Redline', { description: 'The field-level differences between two versions' })

const situationPictureEntry = z
  .object({
    district: z.string(),
    districtName: z.string(),
    planId: z.string(),
    year: z.number().int(),
    status: z.string(),
    date: day,
    summary: z.string(),
    localProblemPicture: situationPictureSchema.shape.localProblemPicture.unwrap().nullable(),
    sources: situationPictureSchema.shape.sources.unwrap(),
    stale: z.boolean().openapi({ description: 'More than twelve months old at the overview date' }),
  })
  .openapi('SituationPictureEntry')

export const overviewSchema = z
  .object({
    on: day,
    columns: z
      .array(z.object({ templateId: z.string(), items: z.array(z.object({ id: z.string(), title: bilingualText })).readonly() }))
      .readonly(),
    rows: z
      .array(
        z.object({
          district: z.string(),
          districtName: z.string(),
          plan: planSummarySchema.nullable(),
          cells: z
            .record(z.string(), z.number().int())
            .openapi({ description: 'Per template item id: the number of activities covering it (0 = a gap)' }),
        }),
      )
      .readonly(),
    situationPictures: z.array(situationPictureEntry).readonly(),
    city: z.object({
      districts: z.number().int(),
      withPlan: z.number().int(),
      newest: day.nullable(),
      oldest: day.nullable(),
      stale: z.array(z.string()).readonly(),
      uncoveredEverywhere: z
        .array(z.string())
        .readonly()
        .openapi({ description: 'Directive points and guidelines no district’s current plan covers' }),
      findings: findingCounts,
      pictures: z.array(situationPictureEntry).readonly(),
    }),
  })
  .openapi('Overview', {
    description: 'Template coverage by district, situation pictures by date, and the combined city situation picture',
  })

export const planDetailSchema = planSummarySchema
  .extend({
    document: planDocumentSchema,
    history: z.array(historySchema).readonly(),
    can: z
      .object({
        edit: z.boolean(),
        followUp: z.boolean(),
        actions: z.array(z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'])).readonly(),
      })
      .openapi({ description: 'What you may do with the plan now' }),
  })
  .openapi('PlanDetail')
