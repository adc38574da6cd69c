import { authorityOn, type AuthorityOnDay, type ComposedPlugins } from '@vbe/core/plugins'
import type { LetterLocale } from './input.js'
import { TEXTS } from './texts.js'

/**
 * The committee that issues a district's letters on `day`: the plugin's dated names
 * (`authorityOn`), or, for a plugin without them, "<district> stadsdelsnämnd".
 */
export function issuingAuthority(plugins: ComposedPlugins, district: string, day: string): AuthorityOnDay {
  const plugin = plugins.plugins.find((p) => p.id === district)
  const found = plugin?.authority ? authorityOn(plugin.authority, day) : undefined
  if (found) return found
  const name = plugin?.name ?? { sv: district, en: district }
  return {
    name: { sv: `${name.sv} stadsdelsnämnd`, en: `${name.en} District Committee` },
    formerName: null,
    caseNumberPrefix: district.slice(0, 3).toUpperCase(),
    caseNumberFormat: '{prefix} {year}/{number}',
  }
}

/** The issuing committee in one line, with "(formerly …)" where its plugin says so. */
export function authorityLine(authority: AuthorityOnDay, locale: LetterLocale): string {
  const former = authority.formerName === null ? '' : ` ${TEXTS[locale].formerly(authority.formerName[locale])}`
  return `${authority.name[locale]}${former}`
}
