import type { ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import type { SessionInfo } from './sessions-page.js'
import { Table, type Column } from './table.js'
import { summariseUserAgent } from './user-agent.js'

/**
 * A table of sign-ins (started, last used, browser, address) with a button to end each
 * one but the current: "My sign-ins" lists one's own, the users page an account's.
 * `endLabel` gives each button its accessible name (which sign-in, and whose). On a
 * phone each sign-in is a card (the kit table's `cards`).
 */
export function SessionsTable(props: {
  sessions: readonly SessionInfo[]
  caption: string
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
  const columns: Column<SessionInfo>[] = [
    { id: 'started', header: t('sessionStarted'), cell: (s) => dateTime(s.createdAt) },
    { id: 'last', header: t('sessionLastUsed'), cell: (s) => dateTime(s.lastSeenAt) },
    { id: 'browser', header: t('sessionBrowser'), cell: (s) => browserText(s.userAgent) },
    { id: 'address', header: t('sessionAddress'), cell: (s) => s.address ?? t('sessionUnknown') },
    {
      id: 'actions',
      header: props.actionsHeader,
      headerHidden: true,
      actions: true,
      cell: (s) =>
        s.current ? (
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
        ),
    },
  ]
  return (
    <Table
      caption={props.caption}
      {...(props.captionId ? { captionId: props.captionId } : {})}
      {...(props.compact ? { compact: true } : {})}
      cards
      columns={columns}
      rows={props.sessions}
      rowKey={(s) => s.id}
    />
  )
}
