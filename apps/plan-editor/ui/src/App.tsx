import { AUDIT_PATH, AuditPage, hasRole, NotAllowedPage, NotFoundPage, StaffApp, StaffShell, type Route, type User } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { districtName } from '@vbe/districts'
import { planAuditLabels } from './audit-labels'
import { catalogue, useI18n } from './i18n'
import { Editor } from './pages/editor/EditorPage'
import { Overview } from './pages/overview/Overview'
import { PlanList } from './pages/plans/PlanList'

/** The app's own pages (the shell serves the accessibility statement, my sign-ins and users, and marks no app item current there). */
type Page = { page: 'list' } | { page: 'plan'; id: string } | { page: 'overview' } | { page: 'audit' } | { page: 'not-found' }

/** The page for the route; an address that leads nowhere is said to be so (as in grant screening), not shown as the list. */
function pageOf(route: Route): Page {
  const [first, second, ...rest] = route.segments
  if (first === undefined) return { page: 'list' }
  if (first === 'plan' && second && rest.length === 0 && /^[0-9a-f-]{36}$/.test(second)) return { page: 'plan', id: second }
  if (first === 'overview' && second === undefined) return { page: 'overview' }
  if (route.path === AUDIT_PATH) return { page: 'audit' }
  return { page: 'not-found' }
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
  // The roles the server lets read the audit log (a district admin: its district's events).
  const readsAudit = (user: User) => hasRole(user, 'admin', 'auditor')
  const district = (id: string) => districtName(id, lang)
  return (
    <StaffShell
      tagline={t('appTagline')}
      loginIntro={t('loginIntro')}
      footerLinks={[{ href: '/api/docs', label: t('apiDocs') }]}
      district={district}
      nav={(user, route) => {
        const page = pageOf(route).page
        return [
          { href: '#/', label: t('plans'), current: page === 'list' || page === 'plan' },
          ...(cityWide(user) ? [{ href: '#/overview', label: t('overview'), current: page === 'overview' }] : []),
          ...(readsAudit(user) ? [{ href: `#${AUDIT_PATH}`, label: t('auditTitle'), current: page === 'audit' }] : []),
        ]
      }}
      page={(user, route) => {
        const page = pageOf(route)
        const back = { href: '#/', label: t('back') }
        if (page.page === 'plan') return <Editor key={page.id} id={page.id} user={user} />
        if (page.page === 'overview') return cityWide(user) ? <Overview /> : <NotAllowedPage back={back} />
        if (page.page === 'audit')
          return readsAudit(user) ? (
            <AuditPage route={route} labels={planAuditLabels} district={district} />
          ) : (
            <NotAllowedPage back={back} />
          )
        if (page.page === 'not-found') return <NotFoundPage back={back} />
        return <PlanList user={user} />
      }}
    />
  )
}
