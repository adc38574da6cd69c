import type { Contact, ContactKind } from '@vbe/core/plugins'
import type { LocalizedText } from '@vbe/core'

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
