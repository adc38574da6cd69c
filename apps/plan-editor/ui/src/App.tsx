import { AUDIT_PATH, AuditPage, hasRole, StaffApp, StaffShell, type Route, type User } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { districtName } from '@vbe/districts'
import { planAuditLabels } from './audit-labels'
import { catalogue, useI18n } from './i18n'
import { Editor } from './pages/editor/EditorPage'
import { Overview } from './pages/overview/Overview'
import { PlanList } from './pages/plans/PlanList'

/** The app's own pages (the shell serves the accessibility statement, my sign-ins and users, and marks no app item current there). */
type Page = { page: 'list' } | { page: 'plan'; id: string } | { page: 'overview' } | { page: 'audit' }

function pageOf(route: Route): Page {
  const [first, second] = route.segments
  if (first === 'plan' && second && /^[0-9a-f-]{36}$/.test(second)) return { page: 'plan', id: second }
  if (first === 'overview') return { page: 'overview' }
  if (route.path === AUDIT_PATH) return { page: 'audit' }
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
        // Someone who may not read the log gets the plan list at `#/audit`.
        const onList = page === 'list' || page === 'plan' || (page === 'audit' && !readsAudit(user))
        return [
          { href: '#/', label: t('plans'), current: onList },
          ...(cityWide(user) ? [{ href: '#/overview', label: t('overview'), current: page === 'overview' }] : []),
          ...(readsAudit(user) ? [{ href: `#${AUDIT_PATH}`, label: t('auditTitle'), current: page === 'audit' }] : []),
        ]
      }}
      page={(user, route) => {
        const page = pageOf(route)
        if (page.page === 'plan') return <Editor key={page.id} id={page.id} user={user} />
        if (page.page === 'overview' && cityWide(user)) return <Overview />
        if (page.page === 'audit' && readsAudit(user)) return <AuditPage route={route} labels={planAuditLabels} district={district} />
        return <PlanList user={user} />
      }}
    />
  )
}
