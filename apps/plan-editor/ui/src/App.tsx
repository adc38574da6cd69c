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
  useFocusOnNavigation,
  useRoute,
  useSession,
  type Route,
} from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { districtName } from '@vbe/web-kit/districts'
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

function Shell(): ReactNode {
  const { t, lang } = useI18n()
  const route = useRoute()
  const page = pageOf(route)
  const { state, signIn, signOut } = useSession()
  useFocusOnNavigation(route)

  const user = state.kind === 'in' ? state.session.user : null
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
      user={
        user && { displayName: user.displayName, roles: user.roles, district: user.district ? districtName(user.district, lang) : null }
      }
      onSignOut={() => void signOut()}
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
        <Editor key={page.id} id={page.id} user={state.session.user} />
      ) : page.page === 'overview' && cityWide ? (
        <Overview />
      ) : (
        <PlanList user={state.session.user} />
      )}
    </AppLayout>
  )
}
