import { z } from 'zod'
import { coded, codedMessage, given, isoDateSchema, localizedTextSchema, slugSchema as slug, sourceSchema } from '../shared/index.js'
import { WEEKDAYS } from '../shared/calendar/days.js'
import { authoritySchema } from './authority.js'
import { grantConditionsSchema } from './grant-conditions.js'

export const CONTACT_KINDS = [
  'emergency',
  'police',
  'municipal-entry',
  'social-services',
  'relatives-support',
  'exit-support',
  'victim-support',
  'other',
] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

const httpsUrl = z.url({ protocol: /^https?$/, ...coded('url.public') })

/** Where a contact fact was published, and when someone last checked it there. */
export const webSourceSchema = z
  .object({
    url: httpsUrl,
    verifiedOn: isoDateSchema,
    /** How it was checked, when that matters (for example against a stored copy of the page). */
    note: localizedTextSchema.optional(),
  })
  .strict()

export { WEEKDAYS, type Weekday } from '../shared/calendar/days.js'
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, coded('time.format'))

/** Opening hours: a summary for people, and a schedule a program can check "open now" against. */
export const hoursSchema = z
  .object({
    summary: localizedTextSchema,
    alwaysOpen: z.boolean().optional(),
    weekly: z
      .array(
        z
          .object({ days: z.array(z.enum(WEEKDAYS)).min(1), opens: clock, closes: clock })
          .strict()
          .refine((s) => s.opens < s.closes, { ...coded('hours.order'), path: ['closes'] }),
      )
      .optional(),
    closedOnPublicHolidays: z.boolean().optional(),
  })
  .strict()
  .refine((h) => h.alwaysOpen === true || (h.weekly !== undefined && h.weekly.length > 0), coded('hours.schedule'))

/** A phone number as published: digits, with spaces, hyphens and a leading + allowed. */
export const phoneSchema = z.string().regex(/^\+?\d[\d -]*\d$/, coded('phone.published'))

export const contactSchema = z
  .object({
    id: slug('contact id'),
    kind: z.enum(
      CONTACT_KINDS,
      coded('value.oneOfGot', (input) => ({ values: CONTACT_KINDS, got: given(input) })),
    ),
    name: localizedTextSchema,
    phone: phoneSchema.optional(),
    url: httpsUrl.optional(),
    hours: hoursSchema.optional(),
    audience: localizedTextSchema,
    source: webSourceSchema,
  })
  .strict()
  .refine((c) => c.phone !== undefined || c.url !== undefined, { ...coded('contact.reach'), path: ['phone'] })

export const GRANT_SOURCE_LEVELS = ['law', 'bill', 'council', 'committee', 'district'] as const

/** A legal or administrative source for a grant rule or programme. */
export const grantSourceSchema = z
  .object({
    level: z.enum(GRANT_SOURCE_LEVELS),
    title: z.string().trim().min(1),
    reference: z.string().trim().min(1),
    date: isoDateSchema,
    url: httpsUrl.optional(),
  })
  .strict()

/**
 * A district's grant programme. Its parameters (maximum amount, years of activity) are
 * data here; the grant rules in `@vbe/core/grants` read them.
 */
export const grantProgrammeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, coded('programme.idFormat', { example: 'rinkeby-kista/foreningsbidrag' })),
    name: localizedTextSchema,
    description: localizedTextSchema,
    effective: z.object({ from: isoDateSchema, to: isoDateSchema.optional() }).strict(),
    parameters: z
      .object({
        maxAmount: z.number().int().positive().optional(),
        minYearsOfActivity: z.number().int().nonnegative().optional(),
      })
      .strict(),
    /** The programme's published basic requirements, as text. */
    requirements: z.array(z.object({ id: slug('requirement id'), text: localizedTextSchema }).strict()),
    sources: z.array(grantSourceSchema).min(1, coded('programme.sources')),
    /**
     * How a decision in this programme is appealed: `legality-review` (laglighetsprövning,
     * kommunallagen 13 kap.; the default for municipal grants) or `administrative-appeal`
     * (förvaltningsbesvär, förvaltningslagen 40–47 §§) where the programme's rules say so.
     */
    appealRoute: z.enum(['legality-review', 'administrative-appeal']).optional(),
    /** How to appeal a decision in this programme, in the programme's own words; replaces the route's text. */
    appeal: localizedTextSchema.optional(),
    /** The conditions a grant in this programme is given, as its letter prints them; the city-wide defaults when absent. */
    conditions: grantConditionsSchema.optional(),
    /** Where to read more and apply. */
    url: httpsUrl.optional(),
    verifiedOn: isoDateSchema,
  })
  .strict()

/** A section a district adds to its local action plan template. */
export const planSectionSchema = z
  .object({
    id: slug('plan section id'),
    title: localizedTextSchema,
    description: localizedTextSchema,
    /** What the section asks the plan to show. */
    asks: localizedTextSchema,
    source: z.union([sourceSchema, webSourceSchema], coded('section.source')),
  })
  .strict()

const uniqueIds = <T extends { id: string }>(items: readonly T[], ctx: z.RefinementCtx, field: string) => {
  const seen = new Map<string, number>()
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: codedMessage('list.duplicateIdAt', { id: item.id, first: `${field}[${first}]` }),
      })
    } else seen.set(item.id, index)
  })
}

export const districtPluginSchema = z
  .object({
    id: slug('plugin id'),
    name: localizedTextSchema,
    /** Anything a reader should know first, for example that the district has been merged. */
    notice: localizedTextSchema.optional(),
    /** The committee that issues the district's decisions: its names over time and its case numbers. */
    authority: authoritySchema.optional(),
    contacts: z.array(contactSchema).default([]),
    grantProgrammes: z.array(grantProgrammeSchema).default([]),
    planSections: z.array(planSectionSchema).default([]),
  })
  .strict()
  .superRefine((plugin, ctx) => {
    uniqueIds(plugin.contacts, ctx, 'contacts')
    uniqueIds(plugin.grantProgrammes, ctx, 'grantProgrammes')
    uniqueIds(plugin.planSections, ctx, 'planSections')
    plugin.grantProgrammes.forEach((programme, index) => {
      if (!programme.id.startsWith(`${plugin.id}/`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['grantProgrammes', index, 'id'],
          message: codedMessage('programme.idPrefix', { prefix: `${plugin.id}/` }),
        })
      }
    })
  })

export type WebSource = z.infer<typeof webSourceSchema>
export type Hours = z.infer<typeof hoursSchema>
export type Contact = z.infer<typeof contactSchema>
export type GrantSource = z.infer<typeof grantSourceSchema>
export type GrantProgramme = z.infer<typeof grantProgrammeSchema>
export type PlanSection = z.infer<typeof planSectionSchema>
export type DistrictPluginInput = z.input<typeof districtPluginSchema>
export type DistrictPlugin = z.output<typeof districtPluginSchema>
