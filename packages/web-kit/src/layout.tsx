import { useRef, type ReactNode } from 'react'
import { useKitI18n, useLanguage } from './i18n.js'
import { ACCESSIBILITY_PATH, href } from './router.js'
import { LANGS, type Lang, type Role } from './types.js'

export const ENDONYMS: Readonly<Record<Lang, string>> = { sv: 'Svenska', en: 'English' }

/** The language switch: one button per language, named in that language, the current one pressed. */
export function LanguageSwitch(): ReactNode {
  const { t } = useKitI18n()
  const { lang, setLang } = useLanguage()
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} className="lang-switch__button" aria-pressed={l === lang} onClick={() => setLang(l)}>
          {ENDONYMS[l]}
        </button>
      ))}
    </div>
  )
}

export interface NavItem {
  readonly href: string
  readonly label: string
  readonly current?: boolean
}

/**
 * The page frame both staff apps share: a skip link, the header (the app's name, the
 * language switch and, when signed in, the user's display name and a sign-out button),
 * the main menu, the main landmark, and a footer that links to the accessibility statement.
 */
export function AppLayout(props: {
  /**
   * The signed-in user: the display name (never the username), the roles, and the
   * district's name (a city-wide user, with `district: null`, is shown as such).
   */
  user?: { displayName: string; roles: readonly Role[]; district: ReactNode | null } | null
  onSignOut?: () => void
  nav?: readonly NavItem[]
  tagline?: string
  /** More footer links (API documentation). */
  footerLinks?: readonly NavItem[]
  children: ReactNode
}): ReactNode {
  const { t } = useKitI18n()
  const mainRef = useRef<HTMLElement>(null)
  const user = props.user
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
              <span className="brand__tagline">{props.tagline ?? t('cityName')}</span>
            </span>
          </a>
          <div className="site-header__tools">
            <LanguageSwitch />
            {user && (
              <div className="user-box">
                <span className="user-box__name">
                  {t('loggedInAs', { name: user.displayName })}
                  <span className="user-box__roles">
                    {' · '}
                    {user.roles.map((r) => t(`role_${r}`)).join(', ')}
                    {' · '}
                    {user.district ?? t('cityWide')}
                  </span>
                </span>
                {props.onSignOut && (
                  <button type="button" className="button button--on-dark" onClick={props.onSignOut}>
                    {t('logout')}
                  </button>
                )}
              </div>
            )}
          </div>
        </div>
        {props.nav && props.nav.length > 0 && (
          <nav className="main-nav" aria-label={t('mainNav')}>
            <ul>
              {props.nav.map((i) => (
                <li key={i.href}>
                  <a href={i.href} {...(i.current ? { 'aria-current': 'page' as const } : {})}>
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>
          {t('appName')} · {t('cityName')}
        </p>
        <ul className="site-footer__links">
          <li>
            <a href={href(ACCESSIBILITY_PATH)}>{t('accessibilityLink')}</a>
          </li>
          {(props.footerLinks ?? []).map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </footer>
    </>
  )
}
