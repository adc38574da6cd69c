import type { ReactNode } from 'react'
import { LetterLinks } from './LetterLinks'
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
  return (
    <div className="letters letters--preview">
      <h3>{t.heading}</h3>
      <p>{t.lead}</p>
      <LetterLinks
        base={base}
        first={props.letterLocale}
        linkName={(l) => t.letterIn.replace('{language}', t.language[l])}
        web={t.web}
        marker="data-letter-preview"
      />
    </div>
  )
}
