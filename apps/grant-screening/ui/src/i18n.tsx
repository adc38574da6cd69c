import { createContext, useContext, type ReactNode } from 'react'
import { en } from './messages/en'
import { sv, type MessageKey, type Messages } from './messages/sv'
import type { Lang, Localized } from './types'

/**
 * Languages, as in @vbe/ui: one message file per language (`src/messages/<lang>.ts`), a
 * translator that fills `{name}` placeholders, and formatters for money, dates and
 * times in Stockholm.
 */
export const LANGS: readonly Lang[] = ['sv', 'en']
export const ENDONYMS: Readonly<Record<Lang, string>> = { sv: 'Svenska', en: 'English' }
export const MESSAGES: Readonly<Record<Lang, Messages>> = { sv, en }

export const isLang = (v: unknown): v is Lang => v === 'sv' || v === 'en'

export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`))
}

export interface I18n {
  readonly lang: Lang
  /** A UI text with its placeholders filled. */
  t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string
  /** A text for an enumeration value (`status_new`), or the value itself when unknown. */
  e(prefix: string, value: string): string
  /** Text the API sends in both languages. */
  loc(text: Localized | string | null | undefined): string
  money(amount: number): string
  number(n: number): string
  percent(share: number): string
  date(iso: string | null | undefined): string
  dateTime(iso: string | null | undefined): string
}

export function createI18n(lang: Lang): I18n {
  const messages = MESSAGES[lang]
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB'
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  // Times as `2026-11-22 11:00` in both languages, like the ISO dates.
  const dt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  const t = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => fill(messages[key], vars)
  return {
    lang,
    t,
    e: (prefix, value) => {
      const key = `${prefix}_${value}`
      return key in messages ? messages[key as MessageKey] : value
    },
    loc: (text) => (text == null ? '' : typeof text === 'string' ? text : text[lang] || text.sv || text.en),
    money: (amount) => t('kronor', { amount: num.format(amount) }),
    number: (n) => num.format(n),
    percent: (share) => pct.format(share),
    // Dates stay ISO (YYYY-MM-DD): unambiguous in both languages and what the forms use.
    date: (iso) => (iso ? iso.slice(0, 10) : '–'),
    dateTime: (iso) => {
      if (!iso) return '–'
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : dt.format(d)
    },
  }
}

const I18nContext = createContext<I18n>(createI18n('sv'))

export function I18nProvider(props: { value: I18n; children: ReactNode }): ReactNode {
  return <I18nContext.Provider value={props.value}>{props.children}</I18nContext.Provider>
}

export const useI18n = (): I18n => useContext(I18nContext)
