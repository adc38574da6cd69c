import { withQuery, ENDONYMS } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import type { Lang } from '../types'

/* The decision letter before signing: links to the exact letter a second signature will issue. */

const TEXT = {
  sv: {
    heading: 'Beslutsbrevet före underskrift',
    lead: 'Läs beslutsbrevet precis som det skickas när du godkänner beslutet. Det låses när du skriver under.',
    letterIn: 'Förhandsvisning av beslutsbrevet på {language},',
    web: 'Webbsida',
    language: { sv: 'svenska', en: 'engelska' },
  },
  en: {
    heading: 'The decision letter before signing',
    lead: 'Read the decision letter exactly as it will be sent when you approve the decision. It is locked when you sign.',
    letterIn: 'Preview of the decision letter in {language},',
    web: 'Web page',
    language: { sv: 'Swedish', en: 'English' },
  },
} as const

/**
 * Mount in the case page's decision section for an approver who may give the second
 * signature (status `awaiting_approval`, not the decider), above the approve button.
 */
export function LetterPreview(props: { readonly caseId: string; readonly letterLocale: Lang }): ReactNode {
  const { lang } = useI18n()
  const t = TEXT[lang]
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/letter/preview`
  const langs: Lang[] = props.letterLocale === 'en' ? ['en', 'sv'] : ['sv', 'en']
  return (
    <div className="letters letters--preview">
      <h3>{t.heading}</h3>
      <p>{t.lead}</p>
      <ul className="plain">
        {langs.map((l) => (
          <li key={l}>
            <span className="letters__lang" lang={l}>
              {ENDONYMS[l]}
            </span>
            <a href={withQuery(base, { lang: l, format: 'html' })} hrefLang={l} data-letter-preview={`${l}-html`}>
              <span className="visually-hidden">{t.letterIn.replace('{language}', t.language[l])} </span>
              {t.web}
            </a>
            {' · '}
            <a href={withQuery(base, { lang: l, format: 'pdf' })} hrefLang={l} type="application/pdf" data-letter-preview={`${l}-pdf`}>
              <span className="visually-hidden">{t.letterIn.replace('{language}', t.language[l])} </span>
              PDF
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
