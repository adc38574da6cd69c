import { composePlugins, type ComposedPlugins } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The district plugins this installation serves. */
export const installedPlugins: ComposedPlugins = composePlugins([norrmalm, rinkebyKista])
