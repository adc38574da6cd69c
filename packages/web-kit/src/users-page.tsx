import { useEffect, useState, type ReactNode } from 'react'
import { apiClient, toProblemOf, type ApiClient } from './api.js'
import { ConfirmDialog } from './confirm-dialog.js'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'
import { Loading, PageHeading, ProblemMessage } from './page.js'
import type { SessionInfo } from './sessions-page.js'
import { SessionsTable } from './sessions-table.js'
import { Table, type Column } from './table.js'
import type { Problem, Role, User } from './types.js'

/** The hash route of the admins' users page (`#/users`) in both apps. */
export const USERS_PATH = '/users'

/** A user as `GET /api/users` lists them for an admin. */
export interface Account {
  readonly id: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly district: string | null
  readonly disabled: boolean
  readonly signIn: 'password' | 'oidc'
  readonly liveSessions: number
  readonly lastSeenAt: string | null
  /** The admin looking is this user. */
  readonly self: boolean
}

/** What the admin is about to do, waiting for the dialog's answer. */
type Pending =
  | { readonly kind: 'disable'; readonly user: Account }
  | { readonly kind: 'enable'; readonly user: Account }
  | { readonly kind: 'end-all'; readonly user: Account }
  | { readonly kind: 'end-one'; readonly user: Account; readonly session: SessionInfo }

/**
 * "Users", for admins in both apps: the users in the admin's scope (a district admin
 * sees its own district) by display name, with translated roles, the district's name,
 * status, how they sign in, live sign-ins and last activity. Each user's sign-ins can be
 * shown and ended one by one or all at once, and the account disabled or enabled; every
 * such action asks first in a dialog, and its outcome is announced. No id, username or
 * code is shown. `initial` and `sessions` render without fetching (stories, tests).
 */
export function UsersPage(props: {
  admin: User
  /** A district's name, as the shell shows it. */
  district: (id: string) => ReactNode
  client?: ApiClient
  initial?: readonly Account[]
  sessions?: Readonly<Record<string, readonly SessionInfo[]>>
}): ReactNode {
  const { t, dateTime, number } = useKitI18n()
  const announce = useAnnounce()
  const client = props.client ?? apiClient
  const [users, setUsers] = useState<readonly Account[] | null>(props.initial ?? null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [open, setOpen] = useState<Readonly<Record<string, readonly SessionInfo[] | 'loading'>>>(props.sessions ?? {})
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialogProblem, setDialogProblem] = useState<Problem | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (props.initial && version === 0) return
    let live = true
    client.request<{ users: Account[] }>('/api/users').then(
      (r) => {
        if (!live) return
        setUsers(r.users)
        setProblem(null)
      },
      (e: unknown) => live && setProblem(toProblemOf(e)),
    )
    return () => {
      live = false
    }
  }, [client, props.initial, version])

  const loadSessions = async (user: Account) => {
    setOpen((o) => ({ ...o, [user.id]: 'loading' }))
    try {
      const r = await client.request<{ sessions: SessionInfo[] }>(`/api/users/${encodeURIComponent(user.id)}/sessions`)
      setOpen((o) => ({ ...o, [user.id]: r.sessions }))
    } catch (e) {
      setOpen(({ [user.id]: _closed, ...rest }) => rest)
      setProblem(toProblemOf(e))
    }
  }
  const toggle = (user: Account) => {
    if (open[user.id]) setOpen(({ [user.id]: _closed, ...rest }) => rest)
    else void loadSessions(user)
  }

  const confirm = async (p: Pending) => {
    setBusy(true)
    setDialogProblem(null)
    const base = `/api/users/${encodeURIComponent(p.user.id)}`
    const name = p.user.displayName
    try {
      if (p.kind === 'disable' || p.kind === 'enable') {
        const r = await client.request<{ sessionsEnded: number }>(`${base}/disabled`, {
          method: 'PUT',
          json: { disabled: p.kind === 'disable' },
        })
        announce(p.kind === 'disable' ? t('userDisabledDone', { name, count: number(r.sessionsEnded) }) : t('userEnabledDone', { name }))
      } else if (p.kind === 'end-all') {
        const r = await client.request<{ ended: number }>(`${base}/sessions`, { method: 'DELETE' })
        announce(t('userEndedAllDone', { name, count: number(r.ended) }))
      } else {
        await client.request<void>(`${base}/sessions/${encodeURIComponent(p.session.id)}`, { method: 'DELETE' })
        announce(t('userEndedOneDone', { name }))
      }
      setPending(null)
      setVersion((v) => v + 1)
      if (open[p.user.id]) void loadSessions(p.user)
    } catch (e) {
      setDialogProblem(toProblemOf(e))
    } finally {
      setBusy(false)
    }
  }

  const columns: Column<Account>[] = [
    {
      id: 'name',
      header: t('userName'),
      rowHeader: true,
      cell: (u) => (
        <>
          {u.displayName} {u.self && <span className="muted">{t('userYou')}</span>}
        </>
      ),
    },
    {
      id: 'roles',
      header: t('userRoles'),
      cell: (u) => (u.roles.length > 0 ? u.roles.map((r) => t(`role_${r}`)).join(', ') : t('userNoRole')),
    },
    { id: 'district', header: t('userDistrict'), cell: (u) => (u.district === null ? t('cityWide') : props.district(u.district)) },
    { id: 'signIn', header: t('userSignIn'), cell: (u) => t(`userSignIn_${u.signIn}`) },
    { id: 'status', header: t('userStatus'), cell: (u) => (u.disabled ? <strong>{t('userDisabled')}</strong> : t('userActive')) },
    { id: 'sessions', header: t('userSessions'), numeric: true, cell: (u) => number(u.liveSessions) },
    { id: 'lastSeen', header: t('userLastSeen'), cell: (u) => (u.lastSeenAt ? dateTime(u.lastSeenAt) : t('userNever')) },
    { id: 'actions', header: t('userActions'), actions: true, cell: (u) => actions(u) },
  ]

  const intro = props.admin.district === null ? t('usersIntroCity') : null
  return (
    <section>
      <PageHeading>{t('usersTitle')}</PageHeading>
      <p>{intro ?? <DistrictIntro name={props.district(props.admin.district ?? '')} />}</p>
      {problem && <ProblemMessage problem={problem} />}
      {users === null && !problem && <Loading />}
      {users && users.length === 0 && <p>{t('usersNone')}</p>}
      {users && users.length > 0 && (
        // On a phone each user is a card with its buttons, and the sign-ins under it: nothing scrolls sideways.
        <Table
          caption={t('usersCaption')}
          captionId="users-caption"
          cards
          columns={columns}
          rows={users}
          rowKey={(u) => u.id}
          rowProps={(u) => ({ 'data-user-row': u.displayName })}
          details={(u) => {
            const sessions = open[u.id]
            if (!sessions) return null
            return { id: `user-sessions-${u.id}`, content: sessions === 'loading' ? <Loading /> : userSessions(u, sessions) }
          }}
        />
      )}
      {pending && dialog(pending)}
    </section>
  )

  // Called, not rendered as components, so that React keeps their elements between renders.
  function actions(u: Account): ReactNode {
    const sessions = open[u.id]
    return (
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={Boolean(sessions)}
          aria-controls={`user-sessions-${u.id}`}
          aria-label={t(sessions ? 'userHideSessionsFor' : 'userShowSessionsFor', { name: u.displayName })}
          onClick={() => toggle(u)}
        >
          {t(sessions ? 'userHideSessions' : 'userShowSessions')}
        </button>
        {u.liveSessions > 0 && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('userEndAllFor', { name: u.displayName })}
            onClick={() => setPending({ kind: 'end-all', user: u })}
          >
            {t('userEndAll')}
          </button>
        )}
        {!u.self && (
          <button
            type="button"
            className={u.disabled ? 'button button--secondary' : 'button button--danger'}
            aria-label={t(u.disabled ? 'userEnableFor' : 'userDisableFor', { name: u.displayName })}
            onClick={() => setPending({ kind: u.disabled ? 'enable' : 'disable', user: u })}
          >
            {t(u.disabled ? 'userEnable' : 'userDisable')}
          </button>
        )}
      </div>
    )
  }

  function userSessions(u: Account, sessions: readonly SessionInfo[]): ReactNode {
    if (sessions.length === 0) return <p>{t('userSessionsNone', { name: u.displayName })}</p>
    return (
      <SessionsTable
        sessions={sessions}
        caption={t('userSessionsOf', { name: u.displayName })}
        compact
        actionsHeader={t('userActions')}
        endLabel={(_, started) => t('userEndSessionFor', { started, name: u.displayName })}
        onEnd={(session) => setPending({ kind: 'end-one', user: u, session })}
      />
    )
  }

  function dialog(p: Pending): ReactNode {
    const name = p.user.displayName
    const texts =
      p.kind === 'disable'
        ? { title: t('confirmDisableTitle', { name }), body: t('confirmDisableBody'), button: t('confirmDisableButton'), danger: true }
        : p.kind === 'enable'
          ? { title: t('confirmEnableTitle', { name }), body: t('confirmEnableBody'), button: t('confirmEnableButton'), danger: false }
          : p.kind === 'end-all'
            ? { title: t('confirmEndAllTitle', { name }), body: t('confirmEndAllBody'), button: t('confirmEndAllButton'), danger: true }
            : {
                title: t('confirmEndOneTitle', { started: dateTime(p.session.createdAt) }),
                body: t('confirmEndOneBody', { name }),
                button: t('confirmEndOneButton'),
                danger: true,
              }
    return (
      <ConfirmDialog
        title={texts.title}
        confirmLabel={texts.button}
        danger={texts.danger}
        busy={busy}
        problem={dialogProblem}
        onConfirm={() => void confirm(p)}
        onCancel={() => {
          setPending(null)
          setDialogProblem(null)
        }}
      >
        <p>{texts.body}</p>
      </ConfirmDialog>
    )
  }
}

/** The intro for a district admin, with the district's name (a node: the shell's name may be one). */
function DistrictIntro(props: { name: ReactNode }): ReactNode {
  const { t } = useKitI18n()
  const [before, after] = t('usersIntroDistrict').split('{district}')
  return (
    <>
      {before}
      {props.name}
      {after}
    </>
  )
}
