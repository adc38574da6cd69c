import type { Language, Messages } from '../i18n.js'
import { ar } from './ar.js'
import { en } from './en.js'
import { fa } from './fa.js'
import { so } from './so.js'
import { sv } from './sv.js'
import { ti } from './ti.js'

/**
 * Every language's UI texts. Only for build steps, tests and stories: the widget itself
 * loads one language file at a time and never bundles this map.
 */
export const messages: Readonly<Record<Language, Messages>> = { sv, en, ar, fa, so, ti }
