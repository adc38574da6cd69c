import type { Contact, ContactKind, PluginTranslations } from '@vbe/core/plugins'
import type { LocalizedText } from '@vbe/core'
import { contentLanguageFor, type Language } from './i18n.js'

/** The order the widget shows contacts in, most urgent first (issue 6, "Content, in this order"). */
export const CATEGORY_ORDER = [
  'emergency',
  'police',
  'municipal-entry',
  'social-services',
  'relatives-support',
  'exit-support',
  'victim-support',
] as const satisfies readonly ContactKind[]

/** What a district's info panel shows: the district and its contacts (shared and its own). */
export interface DistrictInfo {
  readonly id: string
  readonly name: LocalizedText
  readonly notice?: LocalizedText
  readonly contacts: readonly Contact[]
  /** Its contacts' and notice's texts in ar, fa, so and ti (core's and the district plugin's), by contact id. */
  readonly translations?: PluginTranslations
}

/** A contact's texts as shown in one language, and the language they are actually in. */
export interface ContactTexts {
  readonly lang: Language
  readonly name: string
  readonly audience: string
  readonly hours?: string | undefined
}

/**
 * A contact's name, audience and hours summary in the reader's language: Swedish and
 * English from the contact itself, the other languages from the district's translations,
 * else English (and `lang` says so, for a correct `lang` attribute).
 */
export function contactTexts(district: DistrictInfo, c: Contact, lang: Language): ContactTexts {
  const tr = lang === 'sv' || lang === 'en' ? undefined : district.translations?.contacts[c.id]?.[lang]
  if (tr && (!c.hours || tr.hours)) return { lang, name: tr.name, audience: tr.audience, hours: tr.hours }
  const cl = contentLanguageFor(lang)
  return { lang: cl, name: c.name[cl], audience: c.audience[cl], hours: c.hours?.summary[cl] }
}

/** The district's notice in the reader's language (else English), or undefined when it has none. */
export function noticeText(district: DistrictInfo, lang: Language): { readonly lang: Language; readonly text: string } | undefined {
  if (!district.notice) return undefined
  const tr = lang === 'sv' || lang === 'en' ? undefined : district.translations?.notice?.[lang]
  if (tr) return { lang, text: tr.text }
  const cl = contentLanguageFor(lang)
  return { lang: cl, text: district.notice[cl] }
}

/**
 * A contact may only be shown with its source: a public URL and the date someone last
 * checked it there. The plugin schema already demands both; this guards the widget
 * against data that bypassed it.
 */
export function hasSource(contact: Contact): boolean {
  const s = (contact as Partial<Contact>).source
  return /^https?:\/\//.test(s?.url ?? '') && /^\d{4}-\d\d-\d\d$/.test(s?.verifiedOn ?? '')
}

export interface ContactGroup {
  readonly kind: ContactKind
  /** Empty when no sourced contact of this kind exists: the panel says so and points elsewhere. */
  readonly contacts: readonly Contact[]
}

/**
 * Groups contacts in the fixed order. Every category in CATEGORY_ORDER appears, empty
 * when nothing sourced exists for it; contacts of kind 'other' follow at the end, only
 * when there are any. Contacts without a source are dropped.
 */
export function groupContacts(contacts: readonly Contact[]): ContactGroup[] {
  const shown = contacts.filter(hasSource)
  const groups: ContactGroup[] = CATEGORY_ORDER.map((kind) => ({ kind, contacts: shown.filter((c) => c.kind === kind) }))
  const other = shown.filter((c) => c.kind === 'other')
  if (other.length > 0) groups.push({ kind: 'other', contacts: other })
  return groups
}

/** The host name of a source URL, for a short link text. */
export function sourceLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}
