import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ApiClient } from './api.js'
import { formatDate, formatDateTime } from './format.js'
import { fill, kitMessages, type KitKey } from './messages.js'
import { langFromUrl, setLangInUrl } from './router.js'
import type { Lang, Localized } from './types.js'

/**
 * One i18n mechanism for the staff UIs. Each app declares a typed catalogue (Swedish and
 * English with the same keys, checked by the compiler) with `defineCatalogue`; the kit's
 * own texts are merged under it. `I18nRoot` keeps the language (in `?lang=`), sets
 * `<html lang>`, and tells the API client, so problems come back in the UI's language.
 */

export type Vars = Readonly<Record<string, string | number>>
export type Messages<K extends string> = Readonly<Record<K, string>>

/** An app's texts in both languages; every app names itself with `appName`. */
export interface Catalogue<K extends string> {
  readonly sv: Messages<K | 'appName'>
  readonly en: Messages<K | 'appName'>
}

/** A catalogue whose English must have exactly the Swedish keys. */
export function defineCatalogue<const S extends Readonly<Record<string, string>> & { readonly appName: string }>(
  sv: S,
  en: Readonly<Record<keyof S & string, string>>,
): Catalogue<keyof S & string> {
  return { sv, en }
}

export interface I18n<K extends string = never> {
  readonly lang: Lang
  /** A UI text with its placeholders filled. */
  t(key: K | KitKey | 'appName', vars?: Vars): string
  /** A text for an enumeration value (`status_new`, or `status.new` with `sep`), or the value itself when unknown. */
  e(prefix: string, value: string, sep?: '_' | '.'): string
  has(key: string): boolean
  /** Text the API sends in both languages. */
  loc(text: Localized | string | null | undefined): string
  number(n: number): string
  percent(share: number): string
  money(amount: number): string
  /** `YYYY-MM-DD`. In running text, `<WholeDates>` keeps it on one line (the kit's tables, hints and errors do so themselves). */
  date(iso: string | null | undefined): string
  /** `YYYY-MM-DD HH:MM` in Stockholm; the date stays whole the same way. */
  dateTime(iso: string | null | undefined): string
}

export function createI18n<K extends string>(catalogue: Catalogue<K>, lang: Lang): I18n<K> {
  const messages: Readonly<Record<string, string>> = { ...kitMessages[lang], ...catalogue[lang] }
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB'
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const t = (key: string, vars?: Vars) => fill(messages[key] ?? key, vars)
  return {
    lang,
    t,
    e: (prefix, value, sep = '_') => messages[`${prefix}${sep}${value}`] ?? value,
    has: (key) => key in messages,
    loc: (text) => (text == null ? '' : typeof text === 'string' ? text : text[lang] || text.sv || text.en),
    number: (n) => num.format(n),
    percent: (share) => pct.format(share),
    money: (amount) => t('kronor', { amount: num.format(amount) }),
    date: formatDate,
    dateTime: formatDateTime,
  }
}

interface LanguageState {
  readonly i18n: I18n<string>
  setLang(lang: Lang): void
}

const empty: Catalogue<never> = { sv: { appName: '' }, en: { appName: '' } }
const I18nContext = createContext<LanguageState>({ i18n: createI18n(empty, 'sv'), setLang: () => undefined })

/** Holds the language for the app below it: from `?lang=`, mirrored to the URL, `<html lang>` and the API client. */
export function I18nRoot<K extends string>(props: {
  catalogue: Catalogue<K>
  client?: ApiClient
  initial?: Lang
  children: ReactNode
}): ReactNode {
  const { catalogue, client } = props
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = props.initial ?? langFromUrl()
    client?.setLanguage(initial)
    return initial
  })
  const setLang = useCallback(
    (l: Lang) => {
      client?.setLanguage(l)
      if (props.initial === undefined) setLangInUrl(l)
      setLangState(l)
    },
    [client, props.initial],
  )
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const value = useMemo(() => ({ i18n: createI18n<string>(catalogue, lang), setLang }), [catalogue, lang, setLang])
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
}

/** The translator; an app wraps it once with its key type: `export const useI18n = () => useKitI18n<MessageKey>()`. */
export function useKitI18n<K extends string = never>(): I18n<K> {
  return useContext(I18nContext).i18n
}

export function useLanguage(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { i18n, setLang } = useContext(I18nContext)
  return { lang: i18n.lang, setLang }
}
