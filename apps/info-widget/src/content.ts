import {
  RESIDENT_LANGUAGES,
  sharedContactTranslations,
  sharedContacts,
  type Contact,
  type DistrictPlugin,
  type PluginTranslations,
} from '@vbe/core/plugins'
import { norrmalm, norrmalmTranslations } from '@vbe/plugin-norrmalm'
import { rinkebyKista, rinkebyKistaTranslations } from '@vbe/plugin-rinkeby-kista'
import { CATEGORY_ORDER, hasSource, type DistrictInfo } from '@vbe/ui'

/** The districts the widget is published for. */
export const districtPlugins: readonly DistrictPlugin[] = [norrmalm, rinkebyKista]

/** Contact and notice texts in ar, fa, so and ti: core's shared ones, and each district plugin's by plugin id. */
export const translationSources: { readonly shared: PluginTranslations; readonly districts: Readonly<Record<string, PluginTranslations>> } =
  {
    shared: sharedContactTranslations,
    districts: { norrmalm: norrmalmTranslations, 'rinkeby-kista': rinkebyKistaTranslations },
  }

const rank = (c: Contact) => {
  const i = (CATEGORY_ORDER as readonly string[]).indexOf(c.kind)
  return i === -1 ? CATEGORY_ORDER.length : i
}

/**
 * What the widget shows for one district: core's shared contacts (112, 114 14, city-wide
 * and national lines) and the district's own, in the fixed order, sourced ones only.
 * Nothing is added here: a category no one has sourced stays empty.
 */
export function districtContent(
  plugin: DistrictPlugin,
  shared: readonly Contact[] = sharedContacts,
  sources: typeof translationSources = translationSources,
): DistrictInfo {
  const ids = new Set(shared.map((c) => c.id))
  for (const c of plugin.contacts) {
    if (ids.has(c.id)) throw new Error(`District plugin "${plugin.id}": contact id "${c.id}" clashes with a shared contact`)
  }
  const contacts = [...shared, ...plugin.contacts]
    .filter(hasSource)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c)
  const own = sources.districts[plugin.id]
  const translated: PluginTranslations['contacts'] = {}
  for (const c of contacts) {
    const t = own?.contacts[c.id] ?? sources.shared.contacts[c.id]
    if (t) translated[c.id] = t
  }
  const translations: PluginTranslations = { contacts: translated, ...(plugin.notice && own?.notice ? { notice: own.notice } : {}) }
  return { id: plugin.id, name: plugin.name, ...(plugin.notice ? { notice: plugin.notice } : {}), contacts, translations }
}

export interface TranslationGap {
  readonly where: string
  readonly lang: string
  readonly problem: 'missing' | 'draft'
}

/**
 * Every contact text (name, audience, hours) and notice in ar, fa, so and ti that is
 * missing or still a draft, across the published districts: what the release check lists.
 */
export function translationGaps(districts: readonly DistrictInfo[]): TranslationGap[] {
  const gaps = new Map<string, TranslationGap>()
  const add = (g: TranslationGap) => gaps.set(`${g.where} ${g.lang}`, g)
  for (const d of districts) {
    for (const c of d.contacts)
      for (const lang of RESIDENT_LANGUAGES) {
        const t = d.translations?.contacts[c.id]?.[lang]
        if (!t || (c.hours && !t.hours)) add({ where: `contact "${c.id}"`, lang, problem: 'missing' })
        else if (t.status === 'draft') add({ where: `contact "${c.id}"`, lang, problem: 'draft' })
      }
    if (d.notice)
      for (const lang of RESIDENT_LANGUAGES) {
        const t = d.translations?.notice?.[lang]
        if (!t) add({ where: `notice of "${d.id}"`, lang, problem: 'missing' })
        else if (t.status === 'draft') add({ where: `notice of "${d.id}"`, lang, problem: 'draft' })
      }
  }
  return [...gaps.values()]
}

/** Every contact the widget would publish, across districts, without duplicates. */
export function allPublishedContacts(
  plugins: readonly DistrictPlugin[] = districtPlugins,
  shared: readonly Contact[] = sharedContacts,
): Contact[] {
  return [...shared, ...plugins.flatMap((p) => p.contacts)]
}
