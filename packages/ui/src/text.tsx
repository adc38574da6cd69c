import { Fragment, type ReactNode } from 'react'
import { splitNumbers } from './bidi.js'
import { directionOf, splitPlaceholders, type Language, type MessageKey, type Translator } from './i18n.js'

/**
 * A UI text as nodes. When the text came from a fallback language it carries that
 * language's `lang` and `dir`, so a screen reader pronounces it right. Placeholders are
 * filled with nodes (phone numbers, times), so each stays isolated in bidirectional text.
 * Everything is rendered as text, never parsed as HTML.
 *
 * A function rather than a component: the panel shows some fifty texts, and as
 * components each would cost the renderer an instance and a fragment before the first
 * paint. The common case, a text in the reader's language with no placeholder, is a
 * plain string.
 */
export function msg(t: Translator, k: MessageKey, vars?: Readonly<Record<string, ReactNode>>): ReactNode {
  const found = t.find(k)
  if (!found) return null
  const own = found.lang === t.lang
  if (own && !found.text.includes('{')) return found.text
  const nodes = splitPlaceholders(found.text).map((part, i) =>
    part.kind === 'text' ? part.value : <Fragment key={i}>{vars?.[part.name] ?? null}</Fragment>,
  )
  return own ? (
    <>{nodes}</>
  ) : (
    <span lang={found.lang} dir={directionOf(found.lang)}>
      {nodes}
    </span>
  )
}

/**
 * The attributes for text from contact data that is not in the UI's language (a contact
 * with no translation into it): its own `lang` and direction, so a screen reader
 * pronounces it right. Spread them onto the element that holds the text.
 */
export const contentAttrs = (lang: Language, contentLang: Language): { lang?: Language; dir?: 'ltr' | 'rtl' } =>
  lang === contentLang ? {} : { lang: contentLang, dir: directionOf(contentLang) }

/**
 * Text from contact data as nodes, its grouped numbers isolated left to right when it is
 * shown in a right-to-left language (`splitNumbers`); a plain string otherwise.
 */
export function dataText(text: string, lang: Language): ReactNode {
  const parts = splitNumbers(text, lang)
  return parts.length < 2
    ? text
    : parts.map((p, i) =>
        i % 2 ? (
          <bdi key={i} dir="ltr" className="num">
            {p}
          </bdi>
        ) : (
          p
        ),
      )
}

/** A date as written in the data (YYYY-MM-DD), machine-readable and kept left to right in any direction. */
export const isoDate = (date: string): ReactNode => (
  <time dateTime={date}>
    <bdi dir="ltr" className="num">
      {date}
    </bdi>
  </time>
)
