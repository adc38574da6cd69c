import { withQuery, ENDONYMS } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import type { Lang } from '../types'

/**
 * A letter's links in both languages, the letter's own language first: the web page and
 * the PDF, each named for screen readers by `linkName` (e.g. "Beslutsbrevet på engelska,").
 * `marker` names the data attribute the tests find the links by (`<marker>="sv-html"`).
 */
export function LetterLinks(props: {
  readonly base: string
  readonly first: Lang
  readonly linkName: (lang: Lang) => string
  readonly web: string
  readonly marker: `data-${string}`
}): ReactNode {
  const langs: Lang[] = props.first === 'en' ? ['en', 'sv'] : ['sv', 'en']
  return (
    <ul className="plain">
      {langs.map((l) => (
        <li key={l}>
          <span className="letters__lang" lang={l}>
            {ENDONYMS[l]}
          </span>
          <a href={withQuery(props.base, { lang: l, format: 'html' })} hrefLang={l} {...{ [props.marker]: `${l}-html` }}>
            <span className="visually-hidden">{props.linkName(l)} </span>
            {props.web}
          </a>
          {' · '}
          <a
            href={withQuery(props.base, { lang: l, format: 'pdf' })}
            hrefLang={l}
            type="application/pdf"
            {...{ [props.marker]: `${l}-pdf` }}
          >
            <span className="visually-hidden">{props.linkName(l)} </span>
            PDF
          </a>
        </li>
      ))}
    </ul>
  )
}
