import { composePlugins, type ComposedPlugins } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The district plugins this installation serves. */
export const installedPlugins: ComposedPlugins = composePlugins([norrmalm, rinkebyKista])

// Building an Intl formatter costs far more than using one, so there is one.
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The screening date for a moment: the calendar day in Stockholm. */
export function stockholmDay(at: Date): string {
  return stockholmDate.format(at)
}
