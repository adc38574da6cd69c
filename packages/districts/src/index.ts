// The district plugins this city installs: the one list that the servers, the staff UIs and the CLI
// share. To install a district, add its plugin here (and to this package's dependencies); nothing else
// lists them. Pure data over @vbe/core and the plugins, so the browser bundles can import it too.
import { composePlugins, type ComposedPlugins, type DistrictPlugin } from '@vbe/core/plugins'
import { templatesFor, type Template } from '@vbe/core/plans'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The installed district plugins, composed and checked (ids unique across plugins). */
export const installedPlugins: ComposedPlugins = composePlugins([norrmalm, rinkebyKista])

/** The installed district plugins, in the order they are installed. */
export const DISTRICT_PLUGINS: readonly DistrictPlugin[] = installedPlugins.plugins

/** The plugin of a district, or undefined for a district no installed plugin serves. */
export const districtPlugin = (district: string): DistrictPlugin | undefined => DISTRICT_PLUGINS.find((p) => p.id === district)

/** A district's name in one language, for people; the id only for a district no plugin names. */
export const districtName = (district: string, lang: 'sv' | 'en' = 'sv'): string => districtPlugin(district)?.name[lang] ?? district

/** The templates a district's plan is held against: strategy-2016, directive-2017 and the district plugin's own sections. */
export const districtTemplates = (district: string): Template[] => templatesFor(districtPlugin(district))
