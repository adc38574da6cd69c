import type { T } from '../i18n'

/** The noun each count is of, with its singular and plural message. */
const KEYS = {
  error: ['count.errorOne', 'count.errorMany'],
  warning: ['count.warningOne', 'count.warningMany'],
  indicator: ['count.indicatorOne', 'count.indicatorMany'],
  followUp: ['count.followUpOne', 'count.followUpMany'],
} as const

/** A count in words with its noun in the right number: "1 varning", "2 varningar", "0 errors". */
export const countOf = (t: T, noun: keyof typeof KEYS, count: number): string => t(KEYS[noun][count === 1 ? 0 : 1], { count })
