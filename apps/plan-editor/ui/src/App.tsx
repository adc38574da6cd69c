import {
  ACCESSIBILITY_PATH,
  AccessibilityStatement,
  AnnouncerProvider,
  AppLayout,
  apiClient,
  hasRole,
  I18nRoot,
  Loading,
  LoginPage,
  markNavigation,
  useAnnounce,
  useRoute,
  type Route,
  type Session,
  type User,
} from '@vbe/web-kit'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { catalogue, useI18n } from './i18n'
import { Editor } from './pages/editor/EditorPage'
import { Overview } from './pages/overview/Overview'
import { PlanList } from './pages/plans/PlanList'

type Page = { page: 'list' } | { page: 'plan'; id: string } | { page: 'overview' } | { page: 'accessibility' }

function pageOf(route: Route): Page {
  const [first, second] = route.segments
  if (first === 'plan' && second && /^[0-9a-f-]{36}$/.test(second)) return { page: 'plan', id: second }
  if (first === 'overview') return { page: 'overview' }
  if (route.path === ACCESSIBILITY_PATH) return { page: 'accessibility' }
  return { page: 'list' }
}

export function App(): ReactNode {
  return (
    <I18nRoot catalogue={catalogue} client={apiClient}>
      <AnnouncerProvider>
        <Shell />
      </AnnouncerProvider>
    </I18nRoot>
  )
}

type SessionState = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean } | { kind: 'in'; user: User }

function Shell(): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const route = useRoute()
  const page = pageOf(route)
  const [state, setState] = useState<SessionState>({ kind: 'loading' })

  const signIn = useCallback((session: Session) => {
    apiClient.setCsrfToken(session.csrfToken)
    setState({ kind: 'in', user: session.user })
  }, [])
  useEffect(() => {
    apiClient.setUnauthenticatedHandler(() => {
      apiClient.setCsrfToken(null)
      setState({ kind: 'anonymous', expired: true })
    })
    apiClient
      .request<Session>('/api/session', { quiet401: true })
      .then(signIn)
      .catch(() => setState({ kind: 'anonymous', expired: false }))
    return () => apiClient.setUnauthenticatedHandler(null)
  }, [signIn])

  // A navigation moves focus to the new page's heading (not the first page: focus starts at the top).
  const previousPath = useRef(route.path)
  useEffect(() => {
    if (previousPath.current !== route.path) markNavigation()
    previousPath.current = route.path
  }, [route.path])

  const logout = async () => {
    await apiClient.request('/api/session', { method: 'DELETE' }).catch(() => undefined)
    apiClient.setCsrfToken(null)
    setState({ kind: 'anonymous', expired: false })
    markNavigation()
    announce(t('loggedOut'))
    location.hash = '#/'
  }

  const user = state.kind === 'in' ? state.user : null
  const cityWide = user ? hasRole(user, 'admin', 'auditor') : false
  const nav = user
    ? [
        { href: '#/', label: t('plans'), current: page.page === 'list' || page.page === 'plan' },
        ...(cityWide ? [{ href: '#/overview', label: t('overview'), current: page.page === 'overview' }] : []),
      ]
    : []
  return (
    <AppLayout
      tagline={t('appTagline')}
      user={user && { displayName: user.displayName }}
      onSignOut={() => void logout()}
      nav={nav}
      footerLinks={[{ href: '/api/docs', label: t('apiDocs') }]}
    >
      {page.page === 'accessibility' ? (
        <AccessibilityStatement />
      ) : state.kind === 'loading' ? (
        <Loading />
      ) : state.kind === 'anonymous' ? (
        <LoginPage intro={t('loginIntro')} expired={state.expired} onLogin={signIn} />
      ) : page.page === 'plan' ? (
        <Editor key={page.id} id={page.id} user={state.user} />
      ) : page.page === 'overview' && cityWide ? (
        <Overview />
      ) : (
        <PlanList user={state.user} />
      )}
    </AppLayout>
  )
}
