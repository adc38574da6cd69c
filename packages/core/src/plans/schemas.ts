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

const text = (field: string) => z.string(coded('plan.text', { field })).trim().min(1, coded('plan.empty', { field }))
const id = (field: string) => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, coded('plan.idChars', { field }))
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
    note: z.string().default(''),
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
    dataSource: z.string().trim().optional(),
    owner: text('owner'),
    frequency: oneOf('frequency', FREQUENCIES),
    followUps: z.array(followUpSchema).default([]),
  })
  .strict()

/** Who an activity is aimed at; activities aimed at residents must weigh risks R1 and R3. */
export const TARGET_GROUP_KINDS = ['staff', 'partners', 'residents', 'individuals'] as const
export const targetGroupSchema = z
  .object({
    kind: oneOf('kind', TARGET_GROUP_KINDS),
    description: text('description'),
  })
  .strict()

/** The existing structure an activity runs in, or why it needs a new one (Norrmalm: no parallel system). */
export const existingStructureSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('existing'), name: text('name') }).strict(),
    z.object({ kind: z.literal('new'), reason: text('reason') }).strict(),
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
    description: z.string().default(''),
    guidelines: z.array(guidelineIdSchema).default([]),
    perspectives: z.array(perspectiveIdSchema).default([]),
    measures: z.array(measureIdSchema).default([]),
    directivePoints: z.array(directivePointIdSchema).default([]),
    /** Ids of plan sections (from a district plugin) the activity answers. */
    sections: z.array(z.string()).default([]),
    responsible: z.object({ actorId: text('actorId'), level: levelSchema }).strict(),
    /** Strategy actor ids, or names of local partners. */
    partners: z.array(text('partner')).default([]),
    targetGroup: targetGroupSchema.optional(),
    existingStructure: existingStructureSchema,
    period: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((p) => p.from <= p.to, { ...coded('plan.periodOrder'), path: ['to'] }),
    risks: z.array(z.object({ riskId: riskIdSchema, mitigation: text('mitigation') }).strict()).default([]),
    indicators: z.array(indicatorSchema).default([]).superRefine(uniqueIds('indicator')),
  })
  .strict()

export const situationPictureSchema = z
  .object({
    date: isoDateSchema,
    sources: z
      .array(z.object({ title: text('title'), reference: z.string().optional(), date: isoDateSchema, url: z.url().optional() }).strict())
      .default([]),
    summary: text('summary'),
    /** From the police cooperation agreement (samverkansavtal). */
    localProblemPicture: z
      .object({ agreement: text('agreement'), date: isoDateSchema, summary: text('summary') })
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
    email: z.email(coded('plan.email', { field: 'email' })).optional(),
    phone: phoneSchema.optional(),
  })
  .strict()

export const planSchema = z
  .object({
    district: z.string().regex(/^[a-z][a-z0-9-]*$/, coded('plan.district', { example: 'rinkeby-kista' })),
    year: z
      .number()
      .int()
      .min(2016, coded('plan.fromYear', { field: 'year', min: 2016 }))
      .max(2100),
    status: oneOf('status', PLAN_STATUSES),
    contactPoint: contactPointSchema,
    situationPicture: situationPictureSchema,
    /** Answers to template and plugin sections, by section id. */
    sections: z.array(z.object({ id: text('id'), text: z.string() }).strict()).default([]),
    activities: z.array(activitySchema).default([]).superRefine(uniqueIds('activity')),
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
