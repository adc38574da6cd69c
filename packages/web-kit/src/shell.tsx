import type { ReactNode } from 'react'
import { AccessibilityStatement } from './accessibility.js'
import { apiClient } from './api.js'
import { I18nRoot, useKitI18n, type Catalogue } from './i18n.js'
import { AppLayout, type NavItem } from './layout.js'
import { AnnouncerProvider } from './live.js'
import { LoginPage } from './login.js'
import { ACCESSIBILITY_PATH, href, useRoute, type Route } from './router.js'
import { useFocusOnNavigation, useSession } from './session.js'
import { SessionsPage, SESSIONS_PATH } from './sessions-page.js'
import { hasRole, type User } from './types.js'
import { UsersPage, USERS_PATH } from './users-page.js'
import { Loading, NotAllowedPage } from './page.js'

/** The pages the shell serves itself, in both apps. */
const KIT_PATHS: readonly string[] = [ACCESSIBILITY_PATH, SESSIONS_PATH, USERS_PATH]

/** A staff app's root: its language (from its catalogue, mirrored to the API client) and the live region for announcements. */
export function StaffApp<K extends string>(props: { catalogue: Catalogue<K>; children: ReactNode }): ReactNode {
  return (
    <I18nRoot catalogue={props.catalogue} client={apiClient}>
      <AnnouncerProvider>{props.children}</AnnouncerProvider>
    </I18nRoot>
  )
}

/**
 * The shell both staff apps share: the layout with the signed-in user (display name,
 * roles, the district's name), the app's menu and footer links; the accessibility
 * statement at its path; while the session loads, a loading notice; signed out, the
 * login page; signed in, the user's own sign-ins and password at `#/sessions` (linked
 * from the footer), for admins the users in their scope at `#/users` (last in the
 * menu), and otherwise the app's page for the route. Focus moves to the page on
 * navigation.
 */
export function StaffShell(props: {
  tagline: string
  loginIntro: string
  footerLinks: readonly NavItem[]
  /** The user's district as people know it (its name). */
  district: (id: string) => ReactNode
  /** The menu for the signed-in user on this route. */
  nav: (user: User, route: Route) => NavItem[]
  /** The page for the signed-in user on this route. */
  page: (user: User, route: Route) => ReactNode
  /** Called when the session changes (sign-in or out): drop what belonged to the user before. */
  onSessionChange?: () => void
}): ReactNode {
  const { t } = useKitI18n()
  const route = useRoute()
  const { state, signIn, signOut } = useSession(props.onSessionChange ? { onChange: props.onSessionChange } : {})
  useFocusOnNavigation(route)
  const user = state.kind === 'in' ? state.session.user : null
  return (
    <AppLayout
      tagline={props.tagline}
      user={user && { displayName: user.displayName, roles: user.roles, district: user.district ? props.district(user.district) : null }}
      onSignOut={() => void signOut()}
      nav={
        user
          ? [
              // On the kit's own pages no app menu item is current, whatever the app's router falls back to.
              ...props.nav(user, route).map((item) => (KIT_PATHS.includes(route.path) ? { ...item, current: false } : item)),
              ...(hasRole(user, 'admin') ? [{ href: href(USERS_PATH), label: t('usersTitle'), current: route.path === USERS_PATH }] : []),
            ]
          : []
      }
      footerLinks={[...(user ? [{ href: href(SESSIONS_PATH), label: t('sessionsTitle') }] : []), ...props.footerLinks]}
    >
      {route.path === ACCESSIBILITY_PATH ? (
        <AccessibilityStatement />
      ) : state.kind === 'loading' ? (
        <Loading />
      ) : state.kind === 'anonymous' ? (
        <LoginPage intro={props.loginIntro} expired={state.expired} onLogin={signIn} />
      ) : route.path === SESSIONS_PATH ? (
        <SessionsPage />
      ) : route.path === USERS_PATH ? (
        hasRole(state.session.user, 'admin') ? (
          <UsersPage admin={state.session.user} district={props.district} />
        ) : (
          <NotAllowedPage text={t('usersOnlyAdmins')} />
        )
      ) : (
        props.page(state.session.user, route)
      )}
    </AppLayout>
  )
}
