import { z } from 'zod'
import { isoDateSchema, localizedTextSchema, sourceSchema } from '../shared/index.js'
import { phoneSchema, webSourceSchema } from '../plugins/schemas.js'
import {
  directivePointIdSchema,
  guidelineIdSchema,
  levelSchema,
  measureIdSchema,
  perspectiveIdSchema,
  riskIdSchema,
} from '../strategy/schemas.js'

const text = (what: string) => z.string({ error: `${what} must be text` }).trim().min(1, { error: `${what} must not be empty` })
const id = (what: string) =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: `${what} must be letters, digits, dots, hyphens or underscores` })

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'revised', 'adopted'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const INDICATOR_KINDS = ['effect', 'output', 'activity'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

export const TERTIALS = ['T1', 'T2', 'T3'] as const
export type Tertial = (typeof TERTIALS)[number]

export const FREQUENCIES = ['tertial', 'yearly', 'biennial', 'monthly', 'quarterly'] as const

/** A measured value at a date. */
export const measurementSchema = z.object({ value: z.number({ error: 'value must be a number' }), date: isoDateSchema }).strict()

export const followUpSchema = z
  .object({
    period: z.enum(TERTIALS, { error: 'period must be T1, T2 or T3 (the four-month periods)' }),
    value: z.number({ error: 'value must be a number' }),
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
    kind: z.enum(INDICATOR_KINDS, { error: `kind must be one of ${INDICATOR_KINDS.join(', ')}` }),
    unit: text('unit'),
    baseline: measurementSchema.optional(),
    target: measurementSchema.optional(),
    dataSource: z.string().trim().optional(),
    owner: text('owner'),
    frequency: z.enum(FREQUENCIES, { error: `frequency must be one of ${FREQUENCIES.join(', ')}` }),
    followUps: z.array(followUpSchema).default([]),
  })
  .strict()

/** Who an activity is aimed at; activities aimed at residents must weigh risks R1 and R3. */
export const TARGET_GROUP_KINDS = ['staff', 'partners', 'residents', 'individuals'] as const
export const targetGroupSchema = z
  .object({
    kind: z.enum(TARGET_GROUP_KINDS, { error: `kind must be one of ${TARGET_GROUP_KINDS.join(', ')}` }),
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
  { error: 'existingStructure must be { kind: "existing", name } or { kind: "new", reason }' },
)

const uniqueIds = (path: string) => (items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate ${path} id "${item.id}"` })
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
      .refine((p) => p.from <= p.to, { error: 'period.from must not be after period.to', path: ['to'] }),
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
    localProblemPicture: z.object({ agreement: text('agreement'), date: isoDateSchema, summary: text('summary') }).strict().optional(),
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
    email: z.email({ error: 'email must be an email address' }).optional(),
    phone: phoneSchema.optional(),
  })
  .strict()

export const planSchema = z
  .object({
    district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'district must be a district plugin id, for example "rinkeby-kista"' }),
    year: z.number().int().min(2016, { error: 'year must be 2016 or later' }).max(2100),
    status: z.enum(PLAN_STATUSES, { error: `status must be one of ${PLAN_STATUSES.join(', ')}` }),
    contactPoint: contactPointSchema,
    situationPicture: situationPictureSchema,
    /** Answers to template and plugin sections, by section id. */
    sections: z.array(z.object({ id: text('id'), text: z.string() }).strict()).default([]),
    activities: z
      .array(activitySchema)
      .default([])
      .superRefine(uniqueIds('activity')),
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
