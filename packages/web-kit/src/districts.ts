// The districts the staff UIs know: the installed district plugins, their names and their plan sections.
import type { DistrictPlugin } from '@vbe/core/plugins'
import { templatesFor, type Template } from '@vbe/core/plans'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The district plugins the staff apps install (the servers install the same). */
export const DISTRICT_PLUGINS: readonly DistrictPlugin[] = [norrmalm, rinkebyKista]

/** The plugin of a district, or undefined for a district no installed plugin serves. */
export const districtPlugin = (district: string): DistrictPlugin | undefined => DISTRICT_PLUGINS.find((p) => p.id === district)

/** A district's name in one language, for people; the id only for a district no plugin names. */
export const districtName = (district: string, lang: 'sv' | 'en' = 'sv'): string => districtPlugin(district)?.name[lang] ?? district

/** The templates a district's plan is held against: strategy-2016, directive-2017 and the district plugin's own sections. */
export const districtTemplates = (district: string): Template[] => templatesFor(districtPlugin(district))
