import { Fragment, type ReactNode } from 'react'
import { directionOf, splitPlaceholders, type Language, type MessageKey, type Translator } from './i18n.js'

/**
 * A UI text as nodes. When the text came from a fallback language it carries that
 * language's `lang` and `dir`, so a screen reader pronounces it right. Placeholders are
 * filled with nodes (phone numbers, times), so each stays isolated in bidirectional text.
 * Everything is rendered as text, never parsed as HTML.
 */
export function Msg(props: { t: Translator; k: MessageKey; vars?: Readonly<Record<string, ReactNode>> }): ReactNode {
  const found = props.t.find(props.k)
  if (!found) return null
  const nodes = splitPlaceholders(found.text).map((part, i) =>
    part.kind === 'text' ? part.value : <Fragment key={i}>{props.vars?.[part.name] ?? null}</Fragment>,
  )
  return found.lang === props.t.lang ? <>{nodes}</> : <span lang={found.lang} dir={directionOf(found.lang)}>{nodes}</span>
}

/** Text from contact data (Swedish or English) inside a UI in another language. */
export function Content(props: { lang: Language; contentLang: 'sv' | 'en'; children: ReactNode; as?: 'span' | 'p'; className?: string }): ReactNode {
  const Tag = props.as ?? 'span'
  const foreign = props.lang !== props.contentLang
  return (
    <Tag className={props.className} lang={foreign ? props.contentLang : undefined} dir={foreign ? 'ltr' : undefined}>
      {props.children}
    </Tag>
  )
}
