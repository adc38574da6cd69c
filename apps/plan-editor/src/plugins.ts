import type { DistrictPlugin } from '@vbe/core/plugins'
import { templatesFor, type Template } from '@vbe/core/plans'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The district plugins the app knows: their names and their own plan sections. */
export const PLUGINS: readonly DistrictPlugin[] = [norrmalm, rinkebyKista]

export const pluginFor = (district: string): DistrictPlugin | undefined => PLUGINS.find((p) => p.id === district)

/** strategy-2016, directive-2017 and the district plugin's own sections. */
export const templatesForDistrict = (district: string): Template[] => templatesFor(pluginFor(district))

export const districtName = (district: string, lang: 'sv' | 'en' = 'sv'): string => pluginFor(district)?.name[lang] ?? district
