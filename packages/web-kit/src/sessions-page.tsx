import { useEffect, useState, type ReactNode } from 'react'
import { apiClient, toProblemOf, type ApiClient } from './api.js'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'
import { Loading, PageHeading, ProblemMessage } from './page.js'
import { PasswordForm, type PasswordPolicy } from './password-form.js'
import { SessionsTable } from './sessions-table.js'
import type { Problem } from './types.js'

/** The hash route of "My sign-ins" (`#/sessions`) in both apps. */
export const SESSIONS_PATH = '/sessions'

/** A session as `GET /api/sessions` lists it. */
export interface SessionInfo {
  readonly id: string
  readonly createdAt: string
  readonly lastSeenAt: string
  readonly expiresAt: string
  readonly address: string | null
  readonly userAgent: string | null
  readonly current: boolean
}

/**
 * "My sign-ins", the same in both apps: the user's live sessions (when each started and
 * was last used, the browser and address), a button to end any but the current one
 * (logging out ends that), and the form to change one's password (which ends the
 * others). `initial` renders a list, and `policy` the form, without fetching (stories, tests).
 */
export function SessionsPage(props: { client?: ApiClient; initial?: readonly SessionInfo[]; policy?: PasswordPolicy }): ReactNode {
  const { t } = useKitI18n()
  const announce = useAnnounce()
  const client = props.client ?? apiClient
  const [sessions, setSessions] = useState<readonly SessionInfo[] | null>(props.initial ?? null)
  const [problem, setProblem] = useState<Problem | null>(null)

  // Bumped after ending a session, to list again.
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (props.initial && version === 0) return
    let live = true
    client.request<{ sessions: SessionInfo[] }>('/api/sessions').then(
      (r) => {
        if (!live) return
        setSessions(r.sessions)
        setProblem(null)
      },
      (e: unknown) => live && setProblem(toProblemOf(e)),
    )
    return () => {
      live = false
    }
  }, [client, props.initial, version])

  const end = async (id: string) => {
    try {
      await client.request<void>(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
      announce(t('sessionEnded'))
      setVersion((v) => v + 1)
    } catch (e) {
      setProblem(toProblemOf(e))
    }
  }

  return (
    <section>
      <PageHeading>{t('sessionsTitle')}</PageHeading>
      <p>{t('sessionsIntro')}</p>
      {problem && <ProblemMessage problem={problem} />}
      {sessions === null && !problem && <Loading />}
      {sessions && (
        // Its own region, named by the caption; on a phone each sign-in is a card, so nothing scrolls sideways.
        <SessionsTable
          sessions={sessions}
          caption={t('sessionsCaption')}
          captionId="sessions-caption"
          actionsHeader={t('sessionEndShort')}
          endLabel={(_, started) => t('sessionEnd', { started })}
          onEnd={(s) => void end(s.id)}
        />
      )}
      {sessions && sessions.every((s) => s.current) && <p>{t('sessionsNone')}</p>}
      <PasswordForm client={client} {...(props.policy ? { policy: props.policy } : {})} onChanged={() => setVersion((v) => v + 1)} />
    </section>
  )
}
