import type { ReactNode } from 'react'
import type { Hours } from '@vbe/core/plugins'
import type { Language, Translator } from '../i18n.js'
import { Content, Msg } from '../text.js'
import { openStatus } from '../time/opening.js'
import { PhoneNumber } from './PhoneNumber.js'

/**
 * Whether a line is open now (Stockholm time, Swedish public holidays). When it is
 * closed it says when it opens and points to 112 and 114 14. The published hours
 * summary follows, except for round-the-clock lines, where it would only repeat.
 */
export function OpenStatus(props: { hours: Hours; now: Date; t: Translator; lang: Language }): ReactNode {
  const { t, hours } = props
  const status = openStatus(hours, props.now)
  const contentLang = props.lang === 'sv' ? 'sv' : 'en'
  let state: ReactNode
  let extra: ReactNode = null
  if (status.state === 'always') state = <Msg t={t} k="alwaysOpen" />
  else if (status.state === 'open') state = <Msg t={t} k="openUntil" vars={{ time: <PhoneNumber phone={status.closes} /> }} />
  else {
    const next = status.next
    const time = next ? <PhoneNumber phone={next.time} /> : null
    state = (
      <>
        <Msg t={t} k="closedNow" />{' '}
        {next && next.inDays === 0 && <Msg t={t} k="opensToday" vars={{ time }} />}
        {next && next.inDays === 1 && <Msg t={t} k="opensTomorrow" vars={{ time }} />}
        {next && next.inDays > 1 && (
          <Msg t={t} k="opensOn" vars={{ time, day: <Msg t={t} k={`day_${next.weekday}`} /> }} />
        )}
      </>
    )
    extra = (
      <p className="urgent">
        <Msg t={t} k="closedUrgent" vars={{ n112: <PhoneNumber phone="112" />, n11414: <PhoneNumber phone="114 14" /> }} />
      </p>
    )
  }
  return (
    <div className={`status ${status.state}`}>
      <p className="state">{state}</p>
      {extra}
      {status.state !== 'always' && (
        <Content as="p" className="summary" lang={props.lang} contentLang={contentLang}>
          {hours.summary[contentLang]}
        </Content>
      )}
    </div>
  )
}
