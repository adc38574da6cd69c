import { z } from 'zod'
import { coded, codedMessage, isoDateSchema, localizedTextSchema, type LocalizedText } from '../shared/index.js'

/*
 * The authority that issues a district's decisions, as data: its names over time (a
 * committee is renamed or merged into another, and a decision carries the name in force
 * on its date), and the format of its case numbers (diarienummer). Plugins carry the
 * data; `authorityOn` and `formatCaseNumber` are the pure functions that read it.
 */

/** Where a name and its dates come from. `date` is left out when the source gives none. */
export const authoritySourceSchema = z
  .object({
    title: z.string().trim().min(1),
    reference: z.string().trim().min(1),
    date: isoDateSchema.optional(),
    url: z.url({ protocol: /^https?$/, ...coded('url.public') }).optional(),
  })
  .strict()

/** The placeholders a case-number format may use; `{number}` is required. */
export const CASE_NUMBER_PLACEHOLDERS = ['prefix', 'year', 'number'] as const
export const DEFAULT_CASE_NUMBER_FORMAT = '{prefix} {year}/{number}'

const caseNumberFormatSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((f) => f.includes('{number}'), coded('authority.caseNumberFormat', { example: DEFAULT_CASE_NUMBER_FORMAT }))

/** One name of the authority and the days it was in use (both ends inclusive; open when left out). */
export const authorityNameSchema = z
  .object({
    name: localizedTextSchema,
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** The authority's own prefix in its case numbers, for example `JÄR`. */
    caseNumberPrefix: z.string().trim().min(1).max(20),
    /** How its case numbers are written; `{prefix}`, `{year}` and `{number}` are filled in. */
    caseNumberFormat: caseNumberFormatSchema.default(DEFAULT_CASE_NUMBER_FORMAT),
    /** A letter under this name also gives the name before it ("formerly …"). */
    mentionFormerName: z.boolean().optional(),
    source: authoritySourceSchema,
    /** What is not yet confirmed from a primary source (a date, a prefix); absent when all is. */
    toVerify: localizedTextSchema.optional(),
  })
  .strict()

/** The issuing authority: its names in date order, with no overlaps. */
export const authoritySchema = z
  .object({ names: z.array(authorityNameSchema).min(1) })
  .strict()
  .superRefine((authority, ctx) => {
    authority.names.forEach((n, i) => {
      if (n.from !== undefined && n.to !== undefined && n.from > n.to)
        ctx.addIssue({
          code: 'custom',
          path: ['names', i, 'to'],
          message: codedMessage('authority.intervals', { detail: `${n.from} > ${n.to}` }),
        })
      const next = authority.names[i + 1]
      if (!next) return
      if (n.to === undefined || next.from === undefined || next.from <= n.to)
        ctx.addIssue({
          code: 'custom',
          path: ['names', i + 1, 'from'],
          message: codedMessage('authority.intervals', {
            detail: `names[${i}].to = ${n.to ?? '–'}, names[${i + 1}].from = ${next.from ?? '–'}`,
          }),
        })
    })
  })

export type AuthoritySource = z.infer<typeof authoritySourceSchema>
export type AuthorityName = z.output<typeof authorityNameSchema>
export type AuthorityNameInput = z.input<typeof authorityNameSchema>
export type Authority = z.output<typeof authoritySchema>

/** The authority as it was on one day: its name, the name before it where the data says to give it, and its case numbers. */
export interface AuthorityOnDay {
  readonly name: LocalizedText
  readonly formerName: LocalizedText | null
  readonly caseNumberPrefix: string
  readonly caseNumberFormat: string
}

const covers = (n: AuthorityName, day: string) => (n.from === undefined || n.from <= day) && (n.to === undefined || day <= n.to)

/** The authority's name on a day (YYYY-MM-DD), or undefined when no name of it covers the day. */
export function authorityOn(authority: Authority, day: string): AuthorityOnDay | undefined {
  const index = authority.names.findIndex((n) => covers(n, day))
  const current = authority.names[index]
  if (!current) return undefined
  const before = index > 0 ? authority.names[index - 1] : undefined
  return {
    name: current.name,
    formerName: current.mentionFormerName === true && before ? before.name : null,
    caseNumberPrefix: current.caseNumberPrefix,
    caseNumberFormat: current.caseNumberFormat,
  }
}

/** A case number written in the authority's format, e.g. `JÄR 2026/123`. */
export function formatCaseNumber(
  format: string,
  parts: { readonly prefix: string; readonly year: number; readonly number: number },
): string {
  if (!Number.isInteger(parts.number) || parts.number < 1) throw new RangeError(`A case number is a positive integer, got ${parts.number}`)
  return format.replace(/\{(prefix|year|number)\}/g, (_, key: 'prefix' | 'year' | 'number') => String(parts[key]))
}
