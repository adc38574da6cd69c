import type { ReactNode } from 'react'
import { contentLanguageFor, directionOf, type Language, type Translator } from '../i18n.js'
import { groupContacts, type DistrictInfo } from '../contacts.js'
import { contentAttrs, msg } from '../text.js'
import { ContactCard } from './ContactCard.js'
import { LanguagePicker } from './LanguagePicker.js'
import { QuickExit } from './QuickExit.js'

export interface InfoPanelProps {
  readonly lang: Language
  readonly t: Translator
  readonly district: DistrictInfo
  readonly now: Date
  /** A heading the host page chose instead of the default one; shown as text. */
  readonly heading?: string | undefined
  readonly onLanguageChange?: ((lang: Language) => void) | undefined
  readonly onExit?: (() => void) | undefined
  /** The heading's id; give each panel its own when several share one document (stories). */
  readonly titleId?: string | undefined
}

/**
 * Where to turn, in a fixed order: 112, the police's 114 14, the district's entry point,
 * social services and reporting concern about a child, support for relatives, exit
 * support, support for victims. A category with no sourced contact says so and names the
 * district's entry point instead; nothing is invented to fill it.
 */
export function InfoPanel(props: InfoPanelProps): ReactNode {
  const { lang, t, district } = props
  const titleId = props.titleId ?? 'vbe-title'
  const cl = contentLanguageFor(lang)
  const groups = groupContacts(district.contacts)
  const entry = groups.find((g) => g.kind === 'municipal-entry')?.contacts[0]
  return (
    <section lang={lang} dir={directionOf(lang)} aria-labelledby={titleId}>
      <div className="bar">
        {props.onExit && <QuickExit t={t} onExit={props.onExit} />}
        {props.onLanguageChange && <LanguagePicker lang={lang} t={t} onChange={props.onLanguageChange} />}
      </div>
      <h2 id={titleId}>{props.heading ?? msg(t, 'title')}</h2>
      <p>{msg(t, 'intro')}</p>
      {cl !== lang && lang !== 'en' && <p className="note">{msg(t, 'inEnglish')}</p>}
      {groups.map((group) => (
        <div key={group.kind} className={group.kind}>
          <h3>{msg(t, `cat_${group.kind}`)}</h3>
          {group.kind === 'municipal-entry' && district.notice && (
            <p className="notice">
              <strong>{msg(t, 'notice')}</strong>
              {': '}
              <span {...contentAttrs(lang, cl)}>{district.notice[cl]}</span>
            </p>
          )}
          {group.contacts.length > 0 ? (
            <ul>
              {group.contacts.map((c) => (
                <li key={c.id}>
                  <ContactCard contact={c} t={t} lang={lang} now={props.now} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="missing">
              {msg(t, 'missing')}
              {entry && <> {msg(t, 'missingAsk', { name: <bdi {...contentAttrs(lang, cl)}>{entry.name[cl]}</bdi> })}</>}
            </p>
          )}
        </div>
      ))}
      <p>
        <small>{msg(t, 'privacy')}</small>
      </p>
    </section>
  )
}
