import type { ReactNode } from 'react'
import { contentLanguageFor, directionOf, type Language, type Translator } from '../i18n.js'
import { groupContacts, type DistrictInfo } from '../contacts.js'
import { Content, Msg } from '../text.js'
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
      <h2 id={titleId}>{props.heading ?? <Msg t={t} k="title" />}</h2>
      <p>
        <Msg t={t} k="intro" />
      </p>
      {cl !== lang && lang !== 'en' && (
        <p className="note">
          <Msg t={t} k="inEnglish" />
        </p>
      )}
      {groups.map((group) => (
        <div key={group.kind} className={group.kind}>
          <h3>
            <Msg t={t} k={`cat_${group.kind}`} />
          </h3>
          {group.kind === 'municipal-entry' && district.notice && (
            <p className="notice">
              <strong>
                <Msg t={t} k="notice" />
              </strong>
              {': '}
              <Content lang={lang} contentLang={cl}>
                {district.notice[cl]}
              </Content>
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
              <Msg t={t} k="missing" />
              {entry && (
                <>
                  {' '}
                  <Msg
                    t={t}
                    k="missingAsk"
                    vars={{
                      name: (
                        <bdi lang={cl === lang ? undefined : cl} dir={cl === lang ? undefined : 'ltr'}>
                          {entry.name[cl]}
                        </bdi>
                      ),
                    }}
                  />
                </>
              )}
            </p>
          )}
        </div>
      ))}
      <p>
        <small>
          <Msg t={t} k="privacy" />
        </small>
      </p>
    </section>
  )
}
