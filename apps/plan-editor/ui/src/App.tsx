import { hasRole, StaffApp, StaffShell, type Route, type User } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { districtName } from '@vbe/districts'
import { catalogue, useI18n } from './i18n'
import { Editor } from './pages/editor/EditorPage'
import { Overview } from './pages/overview/Overview'
import { PlanList } from './pages/plans/PlanList'

/** The app's own pages (the shell serves the accessibility statement, my sign-ins and users, and marks no app item current there). */
type Page = { page: 'list' } | { page: 'plan'; id: string } | { page: 'overview' }

function pageOf(route: Route): Page {
  const [first, second] = route.segments
  if (first === 'plan' && second && /^[0-9a-f-]{36}$/.test(second)) return { page: 'plan', id: second }
  if (first === 'overview') return { page: 'overview' }
  return { page: 'list' }
}

export function App(): ReactNode {
  return (
    <StaffApp catalogue={catalogue}>
      <Shell />
    </StaffApp>
  )
}

function Shell(): ReactNode {
  const { t, lang } = useI18n()
  const cityWide = (user: User) => hasRole(user, 'admin', 'auditor')
  return (
    <StaffShell
      tagline={t('appTagline')}
      loginIntro={t('loginIntro')}
      footerLinks={[{ href: '/api/docs', label: t('apiDocs') }]}
      district={(id) => districtName(id, lang)}
      nav={(user, route) => {
        const page = pageOf(route).page
        return [
          { href: '#/', label: t('plans'), current: page === 'list' || page === 'plan' },
          ...(cityWide(user) ? [{ href: '#/overview', label: t('overview'), current: page === 'overview' }] : []),
        ]
      }}
      page={(user, route) => {
        const page = pageOf(route)
        if (page.page === 'plan') return <Editor key={page.id} id={page.id} user={user} />
        if (page.page === 'overview' && cityWide(user)) return <Overview />
        return <PlanList user={user} />
      }}
    />
  )
}
