import type { ReactNode } from 'react'
import type { StockholmTime } from '@vbe/core/calendar'
import type { Hours } from '@vbe/core/plugins'
import type { Language, Translator } from '../i18n.js'
import { contentAttrs, dataText, msg } from '../text.js'
import { openStatus } from '../time/opening.js'
import { PhoneNumber } from './PhoneNumber.js'

/**
 * Whether a line is open now (Stockholm time, Swedish public holidays). When it is
 * closed it says when it opens and points to 112 and 114 14. The published hours
 * summary follows, except for round-the-clock lines, where it would only repeat.
 */
export function OpenStatus(props: {
  hours: Hours
  /** The hours summary in the reader's language (or English) and the language it is in. */
  summary: { readonly lang: Language; readonly hours?: string | undefined }
  now: Date
  /** Reads the Stockholm wall clock; core's `stockholmTime` when absent. */
  clock?: ((at: Date) => StockholmTime) | undefined
  t: Translator
  lang: Language
}): ReactNode {
  const { t, hours } = props
  const status = openStatus(hours, props.now, props.clock)
  let state: ReactNode
  let extra: ReactNode = null
  if (status.state === 'always') state = msg(t, 'alwaysOpen')
  else if (status.state === 'open') state = msg(t, 'openUntil', { time: <PhoneNumber phone={status.closes} /> })
  else {
    const next = status.next
    const time = next ? <PhoneNumber phone={next.time} /> : null
    state = (
      <>
        {msg(t, 'closedNow')} {next && next.inDays === 0 && msg(t, 'opensToday', { time })}
        {next && next.inDays === 1 && msg(t, 'opensTomorrow', { time })}
        {next && next.inDays > 1 && msg(t, 'opensOn', { time, day: msg(t, `day_${next.weekday}`) })}
      </>
    )
    extra = (
      <p className="urgent">{msg(t, 'closedUrgent', { n112: <PhoneNumber phone="112" />, n11414: <PhoneNumber phone="114 14" /> })}</p>
    )
  }
  return (
    <div className={`status ${status.state}`}>
      <p className="state">{state}</p>
      {extra}
      {status.state !== 'always' && (
        <p className="summary" {...contentAttrs(props.lang, props.summary.lang)}>
          {props.summary.hours && dataText(props.summary.hours, props.summary.lang)}
        </p>
      )}
    </div>
  )
}
