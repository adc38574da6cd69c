import type { ReactNode } from 'react'
import { ENDONYMS, LANGUAGES, directionOf, parseLanguage, type Language, type Translator } from '../i18n.js'
import { msg } from '../text.js'

/** A labelled select listing each language in itself. */
export function LanguagePicker(props: { lang: Language; t: Translator; onChange: (lang: Language) => void }): ReactNode {
  return (
    <label>
      {msg(props.t, 'language')}
      <select value={props.lang} onChange={(e) => props.onChange(parseLanguage(e.currentTarget.value, props.lang))}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l} dir={directionOf(l)}>
            {ENDONYMS[l]}
          </option>
        ))}
      </select>
    </label>
  )
}
