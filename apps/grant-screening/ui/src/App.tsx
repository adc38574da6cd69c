import {
  AUDIT_PATH,
  AuditPage,
  hasRole,
  href,
  NotAllowedPage,
  NotFoundPage,
  StaffApp,
  StaffShell,
  type NavItem,
  type Route,
  type User,
} from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { grantAuditLabels } from './audit-labels'
import { catalogue, useI18n } from './i18n'
import { DistrictName, resetLists } from './lists'
import { CasePage } from './pages/case/CasePage'
import { ImportPage } from './pages/import/ImportPage'
import { NewApplicationPage } from './pages/new-application/NewApplicationPage'
import { QueuePage } from './pages/queue/QueuePage'
import { RescreenPage } from './pages/rescreen/RescreenPage'

export function App(): ReactNode {
  return (
    <StaffApp catalogue={catalogue}>
      <Shell />
    </StaffApp>
  )
}

function Shell(): ReactNode {
  const { t } = useI18n()
  return (
    <StaffShell
      tagline={t('appTagline')}
      loginIntro={t('loginIntro')}
      footerLinks={[{ href: '/api/docs', label: t('nav_api') }]}
      district={(id) => <DistrictName id={id} />}
      nav={(user, route) => navItems(user, route, t)}
      page={(user, route) => <Page route={route} user={user} />}
      // The cached programme and district lists belong to the user who fetched them.
      onSessionChange={resetLists}
    />
  )
}

function navItems(user: User, route: Route, t: ReturnType<typeof useI18n>['t']): NavItem[] {
  const items = [
    { path: '/', label: t('nav_queue'), show: true },
    { path: '/import', label: t('nav_import'), show: hasRole(user, 'officer', 'admin') },
    { path: '/new', label: t('nav_new'), show: hasRole(user, 'officer', 'admin') },
    { path: '/rescreen', label: t('nav_rescreen'), show: true },
    { path: AUDIT_PATH, label: t('nav_audit'), show: hasRole(user, 'auditor', 'admin') },
  ]
  const current = (path: string) => (path === '/' ? route.path === '/' || route.path.startsWith('/cases') : route.path === path)
  return items.filter((i) => i.show).map((i) => ({ href: href(i.path), label: i.label, current: current(i.path) }))
}

function Page(props: { route: Route; user: User }): ReactNode {
  const { route, user } = props
  const { t } = useI18n()
  const back = { href: href('/'), label: t('back') }
  const notAllowed = <NotAllowedPage back={back} />
  const [first, second] = route.segments
  if (!first) return <QueuePage route={route} user={user} />
  if (first === 'cases' && second) return <CasePage key={second} id={second} user={user} />
  if (first === 'import') return hasRole(user, 'officer', 'admin') ? <ImportPage /> : notAllowed
  if (first === 'new') return hasRole(user, 'officer', 'admin') ? <NewApplicationPage /> : notAllowed
  if (route.path === AUDIT_PATH)
    return hasRole(user, 'auditor', 'admin') ? (
      <AuditPage route={route} labels={grantAuditLabels} district={(id) => <DistrictName id={id} />} />
    ) : (
      notAllowed
    )
  if (first === 'rescreen') return <RescreenPage user={user} />
  return <NotFoundPage back={back} />
}
