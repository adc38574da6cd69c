import type { ReactNode } from 'react'
import type { Translator } from '../i18n.js'
import { spokenPhone, telHref } from '../phone.js'

/** A phone number (or a clock time) as written, isolated left to right inside any text direction. */
export function PhoneNumber(props: { phone: string }): ReactNode {
  return (
    <bdi dir="ltr" className="num">
      {props.phone}
    </bdi>
  )
}

/**
 * A tel: link, "Call 114 14". Its accessible name starts with the visible label (so
 * voice control users can say what they see) and then reads the digits in their groups
 * ("Call 114 14: 1 1 4, 1 4"), so a screen reader does not stop at "one hundred fourteen…".
 */
export function CallLink(props: { phone: string; t: Translator }): ReactNode {
  const call = props.t('call')
  return (
    <a className="call" href={telHref(props.phone)} aria-label={`${call} ${props.phone}: ${spokenPhone(props.phone)}`}>
      {call} <PhoneNumber phone={props.phone} />
    </a>
  )
}
