import { sharedContacts, type Contact, type DistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { CATEGORY_ORDER, hasSource, type DistrictInfo } from '@vbe/ui'

/** The districts the widget is published for. */
export const districtPlugins: readonly DistrictPlugin[] = [norrmalm, rinkebyKista]

const rank = (c: Contact) => {
  const i = (CATEGORY_ORDER as readonly string[]).indexOf(c.kind)
  return i === -1 ? CATEGORY_ORDER.length : i
}

/**
 * What the widget shows for one district: core's shared contacts (112, 114 14, city-wide
 * and national lines) and the district's own, in the fixed order, sourced ones only.
 * Nothing is added here: a category no one has sourced stays empty.
 */
export function districtContent(plugin: DistrictPlugin, shared: readonly Contact[] = sharedContacts): DistrictInfo {
  const ids = new Set(shared.map((c) => c.id))
  for (const c of plugin.contacts) {
    if (ids.has(c.id)) throw new Error(`District plugin "${plugin.id}": contact id "${c.id}" clashes with a shared contact`)
  }
  const contacts = [...shared, ...plugin.contacts]
    .filter(hasSource)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c)
  return { id: plugin.id, name: plugin.name, ...(plugin.notice ? { notice: plugin.notice } : {}), contacts }
}

/** Every contact the widget would publish, across districts, without duplicates. */
export function allPublishedContacts(
  plugins: readonly DistrictPlugin[] = districtPlugins,
  shared: readonly Contact[] = sharedContacts,
): Contact[] {
  return [...shared, ...plugins.flatMap((p) => p.contacts)]
}
