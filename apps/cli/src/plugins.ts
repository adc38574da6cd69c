import { composePlugins } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'

/** The district plugins this build of the command line knows. */
export const districtPlugins = composePlugins([norrmalm, rinkebyKista])
