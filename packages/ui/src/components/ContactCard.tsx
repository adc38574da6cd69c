import type { ReactNode } from 'react'
import type { Contact } from '@vbe/core/plugins'
import { contentLanguageFor, type Language, type Translator } from '../i18n.js'
import { sourceLabel } from '../contacts.js'
import { contentAttrs, msg } from '../text.js'
import { OpenStatus } from './OpenStatus.js'
import { CallLink } from './PhoneNumber.js'

/**
 * One contact: name, who it is for, whether it is open now, how to reach it, and where
 * the facts come from and when they were checked.
 */
export function ContactCard(props: { contact: Contact; t: Translator; lang: Language; now: Date }): ReactNode {
  const { contact: c, t, lang } = props
  const cl = contentLanguageFor(lang)
  const foreign = contentAttrs(lang, cl)
  return (
    <div className={`card ${c.kind}`}>
      <p className="name" {...foreign}>
        {c.name[cl]}
      </p>
      <p {...foreign}>{c.audience[cl]}</p>
      {c.hours && <OpenStatus hours={c.hours} now={props.now} t={t} lang={lang} />}
      <p className="actions">
        {c.phone && <CallLink phone={c.phone} t={t} />}
        {c.url && (
          <a href={c.url} aria-label={`${t('website')}: ${c.name[cl]}`}>
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
          {msg(t, 'checked')}{' '}
          <time dateTime={c.source.verifiedOn}>
            <bdi dir="ltr" className="num">
              {c.source.verifiedOn}
            </bdi>
          </time>
        </small>
      </p>
    </div>
  )
}
