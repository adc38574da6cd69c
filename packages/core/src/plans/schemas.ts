import { z } from 'zod'
import { coded, codedMessage, isoDateSchema, localizedTextSchema, sourceSchema } from '../shared/index.js'
import { phoneSchema, webSourceSchema } from '../plugins/schemas.js'
import {
  directivePointIdSchema,
  guidelineIdSchema,
  levelSchema,
  measureIdSchema,
  perspectiveIdSchema,
  riskIdSchema,
} from '../strategy/schemas.js'

/**
 * The most a plan may hold: what a real plan needs many times over, and little enough that
 * its checks, PDF and diff stay quick. Each limit is refused with a message naming the field.
 */
export const PLAN_LIMITS = {
  /** Names, titles, units, owners, references. */
  shortText: 500,
  /** Free text: descriptions, notes, mitigations, section answers, summaries. */
  longText: 20_000,
  id: 100,
  activities: 200,
  indicatorsPerActivity: 50,
  followUpsPerIndicator: 100,
  sections: 200,
  sources: 100,
  /** Any other list: strategy references, partners, risks. */
  list: 100,
} as const

const tooLong = (field: string, max: number) => coded('plan.tooLong', { field, max })
const text = (field: string, max: number = PLAN_LIMITS.shortText) =>
  z.string(coded('plan.text', { field })).trim().min(1, coded('plan.empty', { field })).max(max, tooLong(field, max))
/** Free text that may be empty. */
const freeText = (field: string, max: number = PLAN_LIMITS.longText) =>
  z.string(coded('plan.text', { field })).max(max, tooLong(field, max))
const list = <T extends z.ZodType>(item: T, field: string, max: number = PLAN_LIMITS.list) =>
  z.array(item).max(max, coded('plan.tooMany', { field, max }))
const id = (field: string) =>
  z
    .string()
    .max(PLAN_LIMITS.id, tooLong(field, PLAN_LIMITS.id))
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, coded('plan.idChars', { field }))
const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, coded('plan.oneOf', { field, values }))

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'revised', 'adopted'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const INDICATOR_KINDS = ['effect', 'output', 'activity'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

export const TERTIALS = ['T1', 'T2', 'T3'] as const
export type Tertial = (typeof TERTIALS)[number]

export const FREQUENCIES = ['tertial', 'yearly', 'biennial', 'monthly', 'quarterly'] as const

/** A measured value at a date. */
export const measurementSchema = z.object({ value: z.number(coded('plan.number', { field: 'value' })), date: isoDateSchema }).strict()

export const followUpSchema = z
  .object({
    period: z.enum(TERTIALS, coded('plan.tertial')),
    value: z.number(coded('plan.number', { field: 'value' })),
    date: isoDateSchema,
    note: freeText('note', 2000).default(''),
  })
  .strict()

/**
 * An indicator. Baseline, target and data source may be missing while a plan is a
 * draft: the analysis flags an effect indicator that lacks them, rather than the
 * schema refusing to save the work.
 */
export const indicatorSchema = z
  .object({
    id: id('indicator id'),
    name: text('name'),
    kind: oneOf('kind', INDICATOR_KINDS),
    unit: text('unit'),
    baseline: measurementSchema.optional(),
    target: measurementSchema.optional(),
    dataSource: z.string().trim().max(PLAN_LIMITS.shortText, tooLong('dataSource', PLAN_LIMITS.shortText)).optional(),
    owner: text('owner'),
    frequency: oneOf('frequency', FREQUENCIES),
    followUps: list(followUpSchema, 'followUps', PLAN_LIMITS.followUpsPerIndicator).default([]),
  })
  .strict()

/** Who an activity is aimed at; activities aimed at residents must weigh risks R1 and R3. */
export const TARGET_GROUP_KINDS = ['staff', 'partners', 'residents', 'individuals'] as const
export const targetGroupSchema = z
  .object({
    kind: oneOf('kind', TARGET_GROUP_KINDS),
    description: text('description', PLAN_LIMITS.longText),
  })
  .strict()

/** The existing structure an activity runs in, or why it needs a new one (Norrmalm: no parallel system). */
export const existingStructureSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('existing'), name: text('name') }).strict(),
    z.object({ kind: z.literal('new'), reason: text('reason', PLAN_LIMITS.longText) }).strict(),
  ],
  coded('plan.existingStructure'),
)

const uniqueIds = (kind: string) => (items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: codedMessage('plan.duplicateId', { kind, id: item.id }) })
    seen.add(item.id)
  })
}

export const activitySchema = z
  .object({
    id: id('activity id'),
    title: text('title'),
    description: freeText('description').default(''),
    guidelines: list(guidelineIdSchema, 'guidelines').default([]),
    perspectives: list(perspectiveIdSchema, 'perspectives').default([]),
    measures: list(measureIdSchema, 'measures').default([]),
    directivePoints: list(directivePointIdSchema, 'directivePoints').default([]),
    /** Ids of plan sections (from a district plugin) the activity answers. */
    sections: list(z.string().max(PLAN_LIMITS.id, tooLong('section', PLAN_LIMITS.id)), 'sections', PLAN_LIMITS.sections).default([]),
    responsible: z.object({ actorId: text('actorId'), level: levelSchema }).strict(),
    /** Strategy actor ids, or names of local partners. */
    partners: list(text('partner'), 'partners').default([]),
    targetGroup: targetGroupSchema.optional(),
    /**
     * Absent until the planner chooses: a draft may be saved without it, and the analysis reports it as an
     * error (`structure-not-chosen`) that stops the plan from going to the committee.
     */
    existingStructure: existingStructureSchema.optional(),
    period: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((p) => p.from <= p.to, { ...coded('plan.periodOrder'), path: ['to'] }),
    risks: list(z.object({ riskId: riskIdSchema, mitigation: text('mitigation', PLAN_LIMITS.longText) }).strict(), 'risks').default([]),
    indicators: list(indicatorSchema, 'indicators', PLAN_LIMITS.indicatorsPerActivity).default([]).superRefine(uniqueIds('indicator')),
  })
  .strict()

export const situationPictureSchema = z
  .object({
    date: isoDateSchema,
    sources: z
      .array(
        z
          .object({
            title: text('title'),
            reference: z.string().max(PLAN_LIMITS.shortText, tooLong('reference', PLAN_LIMITS.shortText)).optional(),
            date: isoDateSchema,
            // shown as a link to readers: only a public http(s) address, never javascript: or data:
            url: z
              .url({ protocol: /^https?$/, ...coded('url.public') })
              .max(2000, tooLong('url', 2000))
              .optional(),
          })
          .strict(),
      )
      .max(PLAN_LIMITS.sources, coded('plan.tooMany', { field: 'sources', max: PLAN_LIMITS.sources }))
      .default([]),
    /** What the picture shows; may be empty while the plan is a draft (the analysis flags it, and a plan without it cannot be submitted). */
    summary: freeText('summary', PLAN_LIMITS.longText),
    /** From the police cooperation agreement (samverkansavtal). */
    localProblemPicture: z
      .object({ agreement: text('agreement'), date: isoDateSchema, summary: text('summary', PLAN_LIMITS.longText) })
      .strict()
      .optional(),
  })
  .strict()

/**
 * The district's single entry point. A function, not a named person: keep only what
 * the plan needs (GDPR).
 */
export const contactPointSchema = z
  .object({
    function: text('function'),
    unit: text('unit'),
    email: z
      .email(coded('plan.email', { field: 'email' }))
      .max(254, tooLong('email', 254))
      .optional(),
    phone: phoneSchema.optional(),
  })
  .strict()

export const planSchema = z
  .object({
    district: z
      .string()
      .max(PLAN_LIMITS.id, tooLong('district', PLAN_LIMITS.id))
      .regex(/^[a-z][a-z0-9-]*$/, coded('plan.district', { example: 'rinkeby-kista' })),
    year: z
      .number()
      .int()
      .min(2016, coded('plan.fromYear', { field: 'year', min: 2016 }))
      .max(2100),
    status: oneOf('status', PLAN_STATUSES),
    contactPoint: contactPointSchema,
    situationPicture: situationPictureSchema,
    /** Answers to template and plugin sections, by section id. */
    sections: list(z.object({ id: text('id', PLAN_LIMITS.id), text: freeText('text') }).strict(), 'sections', PLAN_LIMITS.sections).default(
      [],
    ),
    activities: list(activitySchema, 'activities', PLAN_LIMITS.activities).default([]).superRefine(uniqueIds('activity')),
  })
  .strict()

export type Measurement = z.infer<typeof measurementSchema>
export type FollowUp = z.infer<typeof followUpSchema>
export type Indicator = z.infer<typeof indicatorSchema>
export type Activity = z.infer<typeof activitySchema>
export type SituationPicture = z.infer<typeof situationPictureSchema>
export type ContactPoint = z.infer<typeof contactPointSchema>
export type Plan = z.infer<typeof planSchema>
export type PlanInput = z.input<typeof planSchema>

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

export const TEMPLATE_ITEM_KINDS = ['guideline', 'perspective', 'measure', 'directive-point', 'section'] as const
export type TemplateItemKind = (typeof TEMPLATE_ITEM_KINDS)[number]

export const templateItemSchema = z
  .object({
    id: text('id'),
    kind: z.enum(TEMPLATE_ITEM_KINDS),
    title: localizedTextSchema,
    /** What the item asks a plan to show. */
    asks: localizedTextSchema,
  })
  .strict()

/** A versioned checklist a plan can be held against, with its source. */
export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9:-]*$/),
    version: text('version'),
    title: localizedTextSchema,
    description: localizedTextSchema,
    source: z.union([sourceSchema, webSourceSchema]),
    items: z.array(templateItemSchema).min(1),
  })
  .strict()

export type TemplateItem = z.infer<typeof templateItemSchema>
export type Template = z.infer<typeof templateSchema>
