/**
 * Languages and UI texts. The UI texts live in one file per language
 * (`src/messages/<lang>.ts`); the widget publishes each as its own JSON file and loads
 * only the one it needs.
 */
export const LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'ti'] as const
export type Language = (typeof LANGUAGES)[number]

/** Languages written right to left. */
export const RTL_LANGUAGES: readonly Language[] = ['ar', 'fa']

/** Each language's name in itself, for the language picker. */
export const ENDONYMS: Readonly<Record<Language, string>> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  so: 'Soomaali',
  ti: 'ትግርኛ',
}

export const DAY_KEYS = ['day_mon', 'day_tue', 'day_wed', 'day_thu', 'day_fri', 'day_sat', 'day_sun'] as const

/** Every UI text key. A language file may lack some; the translator then falls back. */
export const MESSAGE_KEYS = [
  'title',
  'intro',
  'quickExit',
  'quickExitHint',
  'exitProgress',
  'exitExpired',
  'staleData',
  'statement',
  'language',
  'cat_emergency',
  'cat_police',
  'cat_municipal-entry',
  'cat_social-services',
  'cat_relatives-support',
  'cat_exit-support',
  'cat_victim-support',
  'cat_other',
  'missing',
  'missingAsk',
  'call',
  'website',
  'source',
  'checked',
  'alwaysOpen',
  'openUntil',
  'closedNow',
  'opensToday',
  'opensTomorrow',
  'opensOn',
  'closedUrgent',
  'notice',
  'inEnglish',
  'privacy',
  'day_mon',
  'day_tue',
  'day_wed',
  'day_thu',
  'day_fri',
  'day_sat',
  'day_sun',
] as const
export type MessageKey = (typeof MESSAGE_KEYS)[number]

/** One language's UI texts. Values may contain `{name}` placeholders. */
export type Messages = Partial<Record<MessageKey, string>>

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Reads a language tag such as `sv`, `SV`, `ar-SE` or `fa_IR`; unknown tags give `fallback`. */
export function parseLanguage(tag: string | null | undefined, fallback: Language = 'sv'): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0]
  return isLanguage(primary) ? primary : fallback
}

export const isRtl = (lang: Language): boolean => RTL_LANGUAGES.includes(lang)
export const directionOf = (lang: Language): 'rtl' | 'ltr' => (isRtl(lang) ? 'rtl' : 'ltr')

/** The language contact data is shown in: Swedish for Swedish, English for every other. */
export const contentLanguageFor = (lang: Language): 'sv' | 'en' => (lang === 'sv' ? 'sv' : 'en')

/**
 * The languages to look in, in order, for a UI text: the chosen language, then English
 * (most widely read of the two complete languages among people who chose neither), then
 * Swedish.
 */
export function fallbackChain(lang: Language): Language[] {
  return [...new Set<Language>([lang, 'en', 'sv'])]
}

/** Keys that a language's messages lack (or leave blank). */
export const missingKeys = (messages: Messages): MessageKey[] =>
  MESSAGE_KEYS.filter((k) => typeof messages[k] !== 'string' || messages[k].trim() === '')

/** A text found for a key and the language it was found in. */
export interface Found {
  readonly text: string
  readonly lang: Language
}

/** Looks a key up along a chain of languages. Never returns the key itself. */
export interface Translator {
  readonly lang: Language
  /** The text (placeholders left as they are; see fill()); '' when no language has it. */
  (key: MessageKey): string
  /** The text and the language it came from (for a correct `lang` attribute), or undefined. */
  find(key: MessageKey): Found | undefined
}

export function createTranslator(lang: Language, chain: ReadonlyArray<readonly [Language, Messages]>): Translator {
  const find = (key: MessageKey): Found | undefined => {
    for (const [l, messages] of chain) {
      const text = messages[key]
      if (typeof text === 'string' && text.trim() !== '') return { text, lang: l }
    }
    return undefined
  }
  const t = ((key: MessageKey) => find(key)?.text ?? '') as Translator
  Object.defineProperties(t, { lang: { value: lang }, find: { value: find } })
  return t
}

/** Fills `{name}` placeholders with plain strings (for text outside React: snippets, labels). */
export const fill = (template: string, vars: Readonly<Record<string, string>>): string =>
  splitPlaceholders(template)
    .map((part) => (part.kind === 'text' ? part.value : (vars[part.name] ?? '')))
    .join('')

export type TemplatePart = { kind: 'text'; value: string } | { kind: 'var'; name: string }

/** Splits `"Opens {day} at {time}"` into text and placeholder parts. */
export function splitPlaceholders(template: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  const re = /\{([a-zA-Z0-9]+)\}/g
  let last = 0
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push({ kind: 'text', value: template.slice(last, m.index) })
    parts.push({ kind: 'var', name: m[1] ?? '' })
    last = m.index + m[0].length
  }
  if (last < template.length) parts.push({ kind: 'text', value: template.slice(last) })
  return parts
}
