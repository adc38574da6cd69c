import { parseAccept } from 'hono/utils/accept'
import type { Locale } from '@vbe/core'

/** The language an answer is in when the request does not ask for Swedish or English. */
export const DEFAULT_LANGUAGE: Locale = 'sv'

/** Swedish first: the order the server prefers when the client accepts either (`*`). */
const SUPPORTED: readonly Locale[] = ['sv', 'en']

/** Which supported language a language range names: `sv`, `sv-SE` → sv; `en`, `en-GB` → en. */
function localeOf(range: string): Locale | undefined {
  const primary = range.split('-')[0]
  return SUPPORTED.find((l) => l === primary)
}

/**
 * Picks Swedish or English from an `Accept-Language` header (RFC 9110 §12.5.4): the
 * acceptable range with the highest q-value wins and earlier ranges win ties. `*` means
 * any language, so the server's default (Swedish) unless `sv;q=0` ruled it out.
 * Swedish when the header is absent or names neither.
 *
 * @example
 * negotiateLanguage('en-GB,en;q=0.9,sv;q=0.8') // 'en'
 * negotiateLanguage('de-DE, sv;q=0.5')          // 'sv'
 * negotiateLanguage(undefined)                  // 'sv'
 */
export function negotiateLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LANGUAGE
  // Hono's parser reads the ranges and their weights (a malformed weight counts as 1);
  // what is left here is which of ours a range names.
  const ranges = parseAccept(header)
  const excluded = new Set(ranges.filter((r) => r.q === 0).flatMap((r) => localeOf(r.type.toLowerCase()) ?? []))
  const acceptable = ranges
    .map((r, order) => ({ range: r.type.toLowerCase(), q: r.q, order }))
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { range } of acceptable) {
    if (range === '*') {
      const any = SUPPORTED.find((l) => !excluded.has(l))
      if (any) return any
      continue
    }
    const locale = localeOf(range)
    if (locale) return locale
  }
  return DEFAULT_LANGUAGE
}
