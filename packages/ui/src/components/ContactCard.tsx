import type { ReactNode } from 'react'
import type { StockholmTime } from '@vbe/core/calendar'
import type { Contact } from '@vbe/core/plugins'
import type { Language, Translator } from '../i18n.js'
import { contactTexts, sourceLabel, type ContactTexts } from '../contacts.js'
import { contentAttrs, dataText, isoDate, msg } from '../text.js'
import { OpenStatus } from './OpenStatus.js'
import { CallLink } from './PhoneNumber.js'

/**
 * One contact: name, who it is for, whether it is open now, how to reach it, and where
 * the facts come from and when they were checked. `texts` are its texts in the reader's
 * language (`contactTexts`), marked with their own language when they fell back to English.
 */
export function ContactCard(props: {
  contact: Contact
  texts?: ContactTexts
  t: Translator
  lang: Language
  now: Date
  clock?: ((at: Date) => StockholmTime) | undefined
}): ReactNode {
  const { contact: c, t, lang } = props
  const texts = props.texts ?? contactTexts({ id: '', name: c.name, contacts: [] }, c, lang)
  const foreign = contentAttrs(lang, texts.lang)
  return (
    <div className={`card ${c.kind}`}>
      <p className="name" {...foreign}>
        {dataText(texts.name, texts.lang)}
      </p>
      <p {...foreign}>{dataText(texts.audience, texts.lang)}</p>
      {c.hours && <OpenStatus hours={c.hours} summary={texts} now={props.now} clock={props.clock} t={t} lang={lang} />}
      <p className="actions">
        {c.phone && <CallLink phone={c.phone} t={t} />}
        {c.url && (
          <a href={c.url} aria-label={`${t('website')}: ${texts.name}`}>
            {msg(t, 'website')}
          </a>
        )}
      </p>
      <p>
        <small>
          {msg(t, 'source')}
          {': '}
          <a href={c.source.url}>{sourceLabel(c.source.url)}</a>
          {' · '}
          {msg(t, 'checked')} {isoDate(c.source.verifiedOn)}
        </small>
      </p>
    </div>
  )
}
