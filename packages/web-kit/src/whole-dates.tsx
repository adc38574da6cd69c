import { Fragment, type ReactNode } from 'react'

/**
 * A date in running text (`2027-03-31`, or the format `ÅÅÅÅ-MM-DD` / `YYYY-MM-DD`): a
 * browser may break a line after any of its hyphens, which on a phone leaves `2027-` on one
 * line and `03-31` on the next. Not part of a longer token (an id, `2026-05-04T08:55`).
 */
const DATE = /(?<![\p{L}\p{N}-])(?:\d{4}-\d{1,2}-\d{1,2}|ÅÅÅÅ-MM-DD|YYYY-MM-DD)(?![\p{L}\p{N}-])/gu

/**
 * `text` with each date in it kept on one line: the date is wrapped in a `span.nowrap`
 * (white-space: nowrap), the text itself is untouched. So a screen reader reads the date
 * as before and copying gives the ISO date as written (no non-breaking hyphens, no
 * invisible joiners that would spoil a pasted date). A line may still break around the
 * date, and between a date and its time (`2026-05-04 08:55`). Text without a date comes
 * back as the same string.
 */
export function wholeDates(text: string): ReactNode {
  const parts: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(DATE)) {
    if (m.index > last) parts.push(text.slice(last, m.index))
    parts.push(
      <span key={m.index} className="nowrap">
        {m[0]}
      </span>,
    )
    last = m.index + m[0].length
  }
  if (parts.length === 0) return text
  if (last < text.length) parts.push(text.slice(last))
  return <Fragment>{parts}</Fragment>
}

/**
 * `wholeDates` for JSX: `<WholeDates>{t('replyDue', { date: date(c.replyDue) })}</WholeDates>`.
 * What the kit's `date()` and `dateTime()` give is a string (for titles, labels and
 * sentences); shown in running text, this keeps each date on one line.
 */
export function WholeDates(props: { children: string }): ReactNode {
  return wholeDates(props.children)
}

/** A cell, hint or message: a string gets its dates kept whole, anything else is left as it is. */
export const withWholeDates = (node: ReactNode): ReactNode => (typeof node === 'string' ? wholeDates(node) : node)
