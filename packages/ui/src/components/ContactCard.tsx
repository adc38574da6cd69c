import type { ReactNode } from 'react'
import type { Contact } from '@vbe/core/plugins'
import { contentLanguageFor, type Language, type Translator } from '../i18n.js'
import { sourceLabel } from '../contacts.js'
import { Content, Msg } from '../text.js'
import { OpenStatus } from './OpenStatus.js'
import { CallLink } from './PhoneNumber.js'

/**
 * One contact: name, who it is for, whether it is open now, how to reach it, and where
 * the facts come from and when they were checked.
 */
export function ContactCard(props: { contact: Contact; t: Translator; lang: Language; now: Date }): ReactNode {
  const { contact: c, t, lang } = props
  const cl = contentLanguageFor(lang)
  return (
    <div className={`card ${c.kind}`}>
      <Content as="p" className="name" lang={lang} contentLang={cl}>
        {c.name[cl]}
      </Content>
      <Content as="p" lang={lang} contentLang={cl}>
        {c.audience[cl]}
      </Content>
      {c.hours && <OpenStatus hours={c.hours} now={props.now} t={t} lang={lang} />}
      <p className="actions">
        {c.phone && <CallLink phone={c.phone} t={t} />}
        {c.url && (
          <a href={c.url} aria-label={`${t('website')}: ${c.name[cl]}`}>
            <Msg t={t} k="website" />
          </a>
        )}
      </p>
      <p>
        <small>
          <Msg t={t} k="source" />
        {': '}
        <a href={c.source.url}>{sourceLabel(c.source.url)}</a>
        {' · '}
        <Msg t={t} k="checked" />{' '}
        <time dateTime={c.source.verifiedOn}>
          <bdi dir="ltr">{c.source.verifiedOn}</bdi>
          </time>
        </small>
      </p>
    </div>
  )
}
