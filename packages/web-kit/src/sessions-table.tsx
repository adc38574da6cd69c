import type { ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import type { SessionInfo } from './sessions-page.js'
import { summariseUserAgent } from './user-agent.js'

/**
 * A table of sign-ins (started, last used, browser, address) with a button to end each
 * one but the current: "My sign-ins" lists one's own, the users page an account's.
 * `endLabel` gives each button its accessible name (which sign-in, and whose).
 */
export function SessionsTable(props: {
  sessions: readonly SessionInfo[]
  caption: ReactNode
  captionId?: string
  compact?: boolean
  actionsHeader: string
  endLabel: (session: SessionInfo, started: string) => string
  onEnd: (session: SessionInfo) => void
}): ReactNode {
  const { t, dateTime } = useKitI18n()
  // The browser in words ("Chrome 131 på Windows"), not its User-Agent header; the header only when it names no browser we know.
  const browserText = (userAgent: string | null): string => {
    if (!userAgent) return t('sessionUnknown')
    const summary = summariseUserAgent(userAgent)
    if (!summary) return userAgent
    return summary.os ? t('sessionBrowserOn', { browser: summary.browser, os: summary.os }) : summary.browser
  }
  return (
    <table className={props.compact ? 'table table--compact' : 'table'}>
      <caption id={props.captionId}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sessionStarted')}</th>
          <th scope="col">{t('sessionLastUsed')}</th>
          <th scope="col">{t('sessionBrowser')}</th>
          <th scope="col">{t('sessionAddress')}</th>
          <th scope="col">
            <span className="visually-hidden">{props.actionsHeader}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s) => (
          <tr key={s.id}>
            <td>{dateTime(s.createdAt)}</td>
            <td>{dateTime(s.lastSeenAt)}</td>
            <td>{browserText(s.userAgent)}</td>
            <td>{s.address ?? t('sessionUnknown')}</td>
            <td>
              {s.current ? (
                <strong>{t('sessionThisOne')}</strong>
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={props.endLabel(s, dateTime(s.createdAt))}
                  onClick={() => props.onEnd(s)}
                >
                  {t('sessionEndShort')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
