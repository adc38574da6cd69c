import { z } from 'zod'
import { coded, codedMessage, isoDateSchema, localizedTextSchema, slugSchema, type Locale } from '../shared/index.js'
import { authoritySourceSchema } from './authority.js'

/*
 * The conditions a grant decision sets, as data: what a grant letter prints under
 * "Villkor för bidraget" / "Conditions of the grant". A programme gives its own
 * (`GrantProgramme.conditions`), in Swedish and English, with the source they are taken
 * from; a programme that gives none gets the city-wide defaults
 * (`DEFAULT_GRANT_CONDITIONS`). `grantConditionsFor` picks them and `grantConditionText`
 * words one for a letter.
 */

/** The placeholder a condition's `withReportDue` text uses for the day the use of the grant is to be reported by. */
export const REPORT_DUE_PLACEHOLDER = '{reportDue}'

const withPlaceholder = localizedTextSchema.refine(
  (t) => t.sv.includes(REPORT_DUE_PLACEHOLDER) && t.en.includes(REPORT_DUE_PLACEHOLDER),
  coded('conditions.reportDue', { placeholder: REPORT_DUE_PLACEHOLDER }),
)

/** One condition of a grant, as the letter words it. */
export const grantConditionSchema = z
  .object({
    id: slugSchema('condition id'),
    /** The condition's text. */
    text: localizedTextSchema,
    /**
     * The text when the case has a day by which the use of the grant is to be reported;
     * `{reportDue}` stands for that day, written in the letter's language.
     */
    withReportDue: withPlaceholder.optional(),
  })
  .strict()

/** A programme's own conditions: at least one, each id once, and where they are taken from. */
export const grantConditionsSchema = z
  .object({
    items: z.array(grantConditionSchema).min(1),
    /** Where the conditions are published (the programme's rules, a committee decision). */
    source: authoritySourceSchema,
    /** The day someone last checked them against the source. */
    verifiedOn: isoDateSchema,
    /** What is not yet confirmed from a primary source; absent when all is. */
    toVerify: localizedTextSchema.optional(),
  })
  .strict()
  .superRefine((conditions, ctx) => {
    const seen = new Map<string, number>()
    conditions.items.forEach((c, i) => {
      const first = seen.get(c.id)
      if (first === undefined) seen.set(c.id, i)
      else
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'id'],
          message: codedMessage('list.duplicateIdAt', { id: c.id, first: `items[${first}]` }),
        })
    })
  })

export type GrantCondition = z.infer<typeof grantConditionSchema>
export type GrantConditions = z.infer<typeof grantConditionsSchema>

/**
 * The city-wide conditions a grant letter prints when its programme gives none: use the
 * grant for the activity applied for, report how it was used, and keep the conditions
 * (the democracy condition included) for the whole period, or the grant can be reclaimed.
 */
export const DEFAULT_GRANT_CONDITIONS: readonly GrantCondition[] = Object.freeze([
  {
    id: 'use',
    text: {
      sv: 'Bidraget får bara användas till den verksamhet som ansökan gäller.',
      en: 'The grant may only be used for the activity the application concerns.',
    },
  },
  {
    id: 'report',
    text: {
      sv: 'Föreningen ska redovisa hur bidraget har använts, på det sätt och inom den tid som förvaltningen anger.',
      en: 'The association must report how the grant was used, in the way and within the time the administration sets.',
    },
    withReportDue: {
      sv: 'Föreningen ska redovisa hur bidraget har använts senast {reportDue}.',
      en: 'The association must report how the grant was used no later than {reportDue}.',
    },
  },
  {
    id: 'keep',
    text: {
      sv: 'Föreningen ska uppfylla villkoren för bidraget, också demokrativillkoret, under hela tiden bidraget avser. Om villkoren inte följs kan bidraget krävas tillbaka.',
      en: 'The association must meet the conditions of the grant, the democracy condition included, for the whole period the grant covers. If the conditions are not kept, the grant can be reclaimed.',
    },
  },
])

/**
 * The conditions a grant is given, from its programme's `conditions`: the programme's own,
 * else (absent, or no programme) the city-wide defaults.
 *
 * @example
 * grantConditionsFor(plugins.programme('rinkeby-kista/foreningsbidrag')?.conditions)
 */
export function grantConditionsFor(conditions: GrantConditions | undefined): readonly GrantCondition[] {
  return conditions?.items ?? DEFAULT_GRANT_CONDITIONS
}

/**
 * A condition in one language. `reportDue` is the report day as the letter writes it
 * (`31 mars 2027`), or null when the case has none: then the condition's plain text.
 */
export function grantConditionText(condition: GrantCondition, locale: Locale, reportDue: string | null): string {
  if (reportDue !== null && condition.withReportDue) return condition.withReportDue[locale].split(REPORT_DUE_PLACEHOLDER).join(reportDue)
  return condition.text[locale]
}
