import { z } from 'zod'
import { coded, codedMessage } from './errors.js'

/** The two languages every user-facing text in core must carry. */
export const LOCALES = ['sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const nonBlank = (language: { sv: string; en: string }) =>
  z
    .string({ error: (issue) => codedMessage(issue.input === undefined ? 'translation.missing' : 'translation.type', { language }) })
    .trim()
    .min(1, coded('translation.empty', { language }))

/** A text in Swedish and English: `{ sv, en }`. Both are required and non-empty. */
export const localizedTextSchema = z
  .object({
    sv: nonBlank({ sv: 'svenska', en: 'Swedish' }),
    en: nonBlank({ sv: 'engelska', en: 'English' }),
  })
  .strict()

export type LocalizedText = z.infer<typeof localizedTextSchema>

/** Picks one language out of a localized text. */
export function text(value: LocalizedText, locale: Locale): string {
  return value[locale]
}

/**
 * A lower-case id: letters, digits and hyphens, starting with a letter (`rinkeby-kista`).
 * `what` names the field in the error messages.
 */
export const slugSchema = (what: string) =>
  z
    .string({ error: (issue) => codedMessage(issue.input === undefined ? 'slug.missing' : 'slug.type', { field: what }) })
    .regex(/^[a-z][a-z0-9-]*$/, coded('slug.format', { field: what }))
