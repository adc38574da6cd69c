import { isRtl, type Language } from './i18n.js'

/**
 * Numbers inside right-to-left text. A number written in groups ("114 14", "116 006",
 * "08-508 01 000", a date "2026-11-22") is several numbers to the bidirectional
 * algorithm: in an Arabic or Persian sentence the groups are laid out right to left, so
 * "114 14" shows as "14 114". Such numbers are isolated left to right when shown.
 */

/** Digit groups joined by a space, a no-break space or a hyphen; captured, so `split` keeps them. */
const GROUPED_NUMBER = /(\+?\d+(?:[ \u00a0-]\d+)+)/

/**
 * `text` cut around its grouped numbers when it is shown in a right-to-left language:
 * the numbers are at the odd places. Left-to-right text needs no isolation and stays whole.
 */
export const splitNumbers = (text: string, lang: Language): string[] => (isRtl(lang) ? text.split(GROUPED_NUMBER) : [text])
