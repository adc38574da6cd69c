import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api, setApiLanguage, setCsrfToken, setUnauthenticatedHandler } from './api'
import { Loading, markNavigation, PageHeading } from './components/common'
import { AnnouncerProvider, useAnnounce } from './components/live'
import { createI18n, ENDONYMS, I18nProvider, LANGS, useI18n } from './i18n'
import { AuditPage } from './pages/AuditPage'
import { CasePage } from './pages/CasePage'
import { ImportPage } from './pages/ImportPage'
import { LoginPage } from './pages/LoginPage'
import { NewApplicationPage } from './pages/NewApplicationPage'
import { QueuePage } from './pages/QueuePage'
import { DistrictName, resetLists } from './pages/lists'
import { RescreenPage } from './pages/RescreenPage'
import { href, langFromUrl, setLangInUrl, useRoute, type Route } from './router'
import { hasRole } from './roles'
import type { Lang, Session, User } from './types'

export function App(): ReactNode {
  // The API answers in the UI's language from the first request on (Accept-Language).
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = langFromUrl()
    setApiLanguage(initial)
    return initial
  })
  const i18n = useMemo(() => createI18n(lang), [lang])
  const setLang = useCallback((l: Lang) => {
    setApiLanguage(l)
    setLangInUrl(l)
    setLangState(l)
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  return (
    <I18nProvider value={i18n}>
      <AnnouncerProvider>
        <Shell setLang={setLang} />
      </AnnouncerProvider>
    </I18nProvider>
  )
}

type SessionState = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean } | { kind: 'in'; session: Session }

function Shell(props: { setLang: (l: Lang) => void }): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const route = useRoute()
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  const mainRef = useRef<HTMLElement>(null)

  const signIn = useCallback((session: Session) => {
    resetLists()
    setCsrfToken(session.csrfToken)
    setState({ kind: 'in', session })
  }, [])

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null)
      setState({ kind: 'anonymous', expired: true })
    })
    api<Session>('/api/session', { quiet401: true })
      .then(signIn)
      .catch(() => setState({ kind: 'anonymous', expired: false }))
    return () => setUnauthenticatedHandler(null)
  }, [signIn])

  // A navigation moves focus to the new page's heading (not the first page: focus starts at the top).
  const previousPath = useRef(route.path)
  useEffect(() => {
    if (previousPath.current !== route.path) markNavigation()
    previousPath.current = route.path
  }, [route.path])

  const logout = async () => {
    try {
      await api('/api/session', { method: 'DELETE' })
    } catch {
      // Logged out either way.
    }
    setCsrfToken(null)
    setState({ kind: 'anonymous', expired: false })
    markNavigation()
    announce(t('loggedOut'))
    window.location.hash = '#/'
  }

  const user = state.kind === 'in' ? state.session.user : null
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          mainRef.current?.focus()
          mainRef.current?.scrollIntoView()
        }}
      >
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href="#/">
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('appName')}</span>
              <span className="brand__tagline">{t('appTagline')}</span>
            </span>
          </a>
          <div className="site-header__tools">
            <LanguageSwitch setLang={props.setLang} />
            {user && (
              <div className="user-box">
                <span className="user-box__name">
                  {t('loggedInAs', { name: user.displayName })}
                  <span className="user-box__roles">
                    {' · '}
                    {user.roles.map((r) => t(`role_${r}`)).join(', ')}
                    {' · '}
                    {user.district ? <DistrictName id={user.district} /> : t('cityWide')}
                  </span>
                </span>
                <button type="button" className="button button--on-dark" onClick={() => void logout()}>
                  {t('logout')}
                </button>
              </div>
            )}
          </div>
        </div>
        {user && <MainNav user={user} route={route} />}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {state.kind === 'loading' ? (
          <Loading />
        ) : state.kind === 'anonymous' ? (
          <LoginPage expired={state.expired} onLogin={signIn} />
        ) : (
          <Page route={route} user={state.session.user} />
        )}
      </main>
      <footer className="site-footer">
        <p>
          {t('appName')} · {t('cityName')} ·{' '}
          <a href="/api/docs">
            {t('nav_api')}
          </a>
        </p>
      </footer>
    </>
  )
}

function LanguageSwitch(props: { setLang: (l: Lang) => void }): ReactNode {
  const { t, lang } = useI18n()
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} className="lang-switch__button" aria-pressed={l === lang} onClick={() => props.setLang(l)}>
          {ENDONYMS[l]}
        </button>
      ))}
    </div>
  )
}

function MainNav(props: { user: User; route: Route }): ReactNode {
  const { t } = useI18n()
  const items: { path: string; label: string; show: boolean }[] = [
    { path: '/', label: t('nav_queue'), show: true },
    { path: '/import', label: t('nav_import'), show: hasRole(props.user, 'officer', 'admin') },
    { path: '/new', label: t('nav_new'), show: hasRole(props.user, 'officer', 'admin') },
    { path: '/rescreen', label: t('nav_rescreen'), show: true },
    { path: '/audit', label: t('nav_audit'), show: hasRole(props.user, 'auditor', 'admin') },
  ]
  const current = (path: string) => (path === '/' ? props.route.path === '/' || props.route.path.startsWith('/cases') : props.route.path === path)
  return (
    <nav className="main-nav" aria-label={t('mainNav')}>
      <ul>
        {items
          .filter((i) => i.show)
          .map((i) => (
            <li key={i.path}>
              <a href={href(i.path)} {...(current(i.path) ? { 'aria-current': 'page' as const } : {})}>
                {i.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  )
}

function Page(props: { route: Route; user: User }): ReactNode {
  const { route, user } = props
  const [first, second] = route.segments
  if (!first) return <QueuePage route={route} user={user} />
  if (first === 'cases' && second) return <CasePage key={second} id={second} user={user} />
  if (first === 'import') return hasRole(user, 'officer', 'admin') ? <ImportPage /> : <NotAllowed />
  if (first === 'new') return hasRole(user, 'officer', 'admin') ? <NewApplicationPage /> : <NotAllowed />
  if (first === 'audit') return hasRole(user, 'auditor', 'admin') ? <AuditPage route={route} /> : <NotAllowed />
  if (first === 'rescreen') return <RescreenPage user={user} />
  return <NotFound />
}

function NotFound(): ReactNode {
  const { t } = useI18n()
  return (
    <>
      <PageHeading>{t('notFoundTitle')}</PageHeading>
      <p>{t('notFoundText')}</p>
      <p>
        <a href="#/">{t('back')}</a>
      </p>
    </>
  )
}

function NotAllowed(): ReactNode {
  const { t } = useI18n()
  return (
    <>
      <PageHeading>{t('notAllowedTitle')}</PageHeading>
      <p>{t('notAllowedText')}</p>
      <p>
        <a href="#/">{t('back')}</a>
      </p>
    </>
  )
}
