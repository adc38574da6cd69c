/**
 * Residents' languages beyond Swedish and English, for what the resident widget shows:
 * each contact's name, who it is for and its opening-hours summary, and a district's
 * notice, in Arabic, Persian, Somali and Tigrinya. Kept apart from the contacts
 * themselves (which carry Swedish and English, like every core text) and keyed by
 * contact id, so a district plugin adds its own beside its contacts.
 *
 * Every translation carries its review status. `draft` means written or machine-assisted
 * by the development team and not yet read by a native speaker; the widget shows drafts
 * (better than English for most readers) and its release check lists each one.
 */
import { z } from 'zod'

/** The residents' languages a translation can be in (Swedish and English live in the contacts). */
export const RESIDENT_LANGUAGES = ['ar', 'fa', 'so', 'ti'] as const
export type ResidentLanguage = (typeof RESIDENT_LANGUAGES)[number]

export const TRANSLATION_STATUSES = ['draft', 'reviewed'] as const
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number]

const text = z.string().trim().min(1)
const status = z.enum(TRANSLATION_STATUSES)

export const contactTranslationSchema = z.object({ name: text, audience: text, hours: text.optional(), status }).strict()
export type ContactTranslation = z.infer<typeof contactTranslationSchema>

const perLanguage = <T extends z.ZodType>(schema: T) =>
  z.object({ ar: schema.optional(), fa: schema.optional(), so: schema.optional(), ti: schema.optional() }).strict()

export const pluginTranslationsSchema = z
  .object({
    /** By contact id. */
    contacts: z.record(z.string(), perLanguage(contactTranslationSchema)),
    /** The district's notice, when it has one. */
    notice: perLanguage(z.object({ text, status }).strict()).optional(),
  })
  .strict()
export type PluginTranslations = z.infer<typeof pluginTranslationsSchema>

/** Checks a plugin's (or core's) translations; the error names the owner and the field. */
export function defineTranslations(owner: string, input: PluginTranslations): PluginTranslations {
  const r = pluginTranslationsSchema.safeParse(input)
  if (!r.success) {
    const issue = r.error.issues[0]
    throw new Error(`${owner} translations: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
  }
  return r.data
}
