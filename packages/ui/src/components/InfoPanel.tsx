import type { ReactNode } from 'react'
import type { StockholmTime } from '@vbe/core/calendar'
import { directionOf, type Language, type Translator } from '../i18n.js'
import { contactTexts, groupContacts, noticeText, type DistrictInfo } from '../contacts.js'
import { contentAttrs, dataText, isoDate, msg } from '../text.js'
import { ContactCard } from './ContactCard.js'
import { PhoneNumber } from './PhoneNumber.js'
import { LanguagePicker } from './LanguagePicker.js'
import { QuickExit } from './QuickExit.js'

export interface InfoPanelProps {
  readonly lang: Language
  readonly t: Translator
  readonly district: DistrictInfo
  readonly now: Date
  /** Reads the Stockholm wall clock for "open now"; core's `stockholmTime` when absent. */
  readonly clock?: ((at: Date) => StockholmTime) | undefined
  /** A heading the host page chose instead of the default one; shown as text. */
  readonly heading?: string | undefined
  /** The language the host page's heading is written in (the snippet's); marked as such when the reader picks another. */
  readonly headingLang?: Language | undefined
  readonly onLanguageChange?: ((lang: Language) => void) | undefined
  readonly onExit?: (() => void) | undefined
  /** The heading's id; give each panel its own when several share one document (stories). */
  readonly titleId?: string | undefined
  /** The date the contacts were last checked (the oldest check among them), YYYY-MM-DD. */
  readonly checked?: string | undefined
  /** True when that check is more than twelve months old: the panel says so and points to 112 and 114 14. */
  readonly stale?: boolean | undefined
  /** Shift presses towards quick exit (1, 2), or 'expired'; announced in a live region. */
  readonly exitProgress?: number | 'expired' | undefined
  /** Where the accessibility statement is; linked at the foot of the panel. */
  readonly statementUrl?: string | undefined
  /** The language the statement is written in (`hreflang`); the link's text says so where it is not the reader's. */
  readonly statementLang?: Language | undefined
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
  const groups = groupContacts(district.contacts)
  const entry = groups.find((g) => g.kind === 'municipal-entry')?.contacts[0]
  const entryTexts = entry && contactTexts(district, entry, lang)
  const notice = noticeText(district, lang)
  const foreign = lang !== 'en' && district.contacts.some((c) => contactTexts(district, c, lang).lang !== lang)
  return (
    <section lang={lang} dir={directionOf(lang)} aria-labelledby={titleId}>
      <div className="bar">
        {props.onExit && <QuickExit t={t} onExit={props.onExit} />}
        {props.onLanguageChange && <LanguagePicker lang={lang} t={t} onChange={props.onLanguageChange} />}
      </div>
      {props.onExit && (
        <p role="status" className="sr">
          {props.exitProgress === 'expired'
            ? msg(t, 'exitExpired')
            : props.exitProgress
              ? msg(t, 'exitProgress', { n: String(props.exitProgress) })
              : null}
        </p>
      )}
      <h2 id={titleId} {...(props.heading ? contentAttrs(lang, props.headingLang ?? lang) : {})}>
        {props.heading ?? msg(t, 'title')}
      </h2>
      <p>{msg(t, 'intro')}</p>
      {props.stale && props.checked && (
        <p className="stale">
          {msg(t, 'staleData', {
            date: isoDate(props.checked),
            n112: <PhoneNumber phone="112" />,
            n11414: <PhoneNumber phone="114 14" />,
          })}
        </p>
      )}
      {foreign && <p className="note">{msg(t, 'inEnglish')}</p>}
      {groups.map((group) => (
        <div key={group.kind} className={group.kind}>
          <h3>{msg(t, `cat_${group.kind}`)}</h3>
          {group.kind === 'municipal-entry' && notice && (
            <p className="notice">
              <strong>{msg(t, 'notice')}</strong>
              {': '}
              <span {...contentAttrs(lang, notice.lang)}>{dataText(notice.text, notice.lang)}</span>
            </p>
          )}
          {group.contacts.length > 0 ? (
            <ul>
              {group.contacts.map((c) => (
                <li key={c.id}>
                  <ContactCard contact={c} texts={contactTexts(district, c, lang)} t={t} lang={lang} now={props.now} clock={props.clock} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="missing">
              {msg(t, 'missing')}
              {entryTexts && (
                <>
                  {' '}
                  {msg(t, 'missingAsk', {
                    name: <bdi {...contentAttrs(lang, entryTexts.lang)}>{dataText(entryTexts.name, entryTexts.lang)}</bdi>,
                  })}
                </>
              )}
            </p>
          )}
        </div>
      ))}
      <p>
        <small>{msg(t, 'privacy')}</small>
      </p>
      {props.statementUrl && (
        <p>
          <small>
            <a href={props.statementUrl} hrefLang={props.statementLang}>
              {msg(t, 'statement')}
            </a>
          </small>
        </p>
      )}
    </section>
  )
}
