import { z } from 'zod'

/** The two languages every user-facing text in core must carry. */
export const LOCALES = ['sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const nonBlank = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} text is missing` : `${what} text must be a string`) })
    .trim()
    .min(1, { error: `${what} text must not be empty` })

/** A text in Swedish and English: `{ sv, en }`. Both are required and non-empty. */
export const localizedTextSchema = z
  .object({
    sv: nonBlank('Swedish'),
    en: nonBlank('English'),
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
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be a string`) })
    .regex(/^[a-z][a-z0-9-]*$/, { error: `${what} must be lower-case letters, digits and hyphens, starting with a letter` })
