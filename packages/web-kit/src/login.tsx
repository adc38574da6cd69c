import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { apiClient, type ApiClient } from './api.js'
import { ErrorSummary, Field, Submit, useForm } from './forms.js'
import { useKitI18n } from './i18n.js'
import { PageHeading } from './page.js'
import type { Session, SignInMethods } from './types.js'

/** Where the browser goes to sign in with the city's account (server-kit's OpenID Connect route). */
export const CITY_SIGN_IN_PATH = '/api/oidc/login'
const PASSWORD_ONLY: SignInMethods = { password: true, oidc: false }

/**
 * The sign-in page of both apps. When the server offers it (`GET /api/sign-in`), a link
 * signs in with the city's account (OpenID Connect); the username and password go to
 * `POST /api/session` unless the server has turned password login off. A wrong password
 * (401) and too many attempts (429) come back worded in the UI's language and are shown
 * in the error summary. `methods` skips asking the server (stories, tests).
 */
export function LoginPage(props: {
  intro: string
  expired?: boolean
  onLogin: (session: Session) => void
  client?: ApiClient
  methods?: SignInMethods
}): ReactNode {
  const { t } = useKitI18n()
  const client = props.client ?? apiClient
  const form = useForm('login')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [asked, setAsked] = useState<SignInMethods | null>(null)
  const methods = props.methods ?? asked ?? PASSWORD_ONLY

  useEffect(() => {
    if (props.methods) return
    let live = true
    // A server without the route (or unreachable) offers what every server has: the password.
    client.request<SignInMethods>('/api/sign-in', { quiet401: true }).then(
      (m) => live && setAsked(m),
      () => live && setAsked(PASSWORD_ONLY),
    )
    return () => {
      live = false
    }
  }, [client, props.methods])

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const session = await form.submit(() => client.request<Session>('/api/session', { json: { username, password }, quiet401: true }))
    if (session) {
      setPassword('')
      client.setCsrfToken(session.csrfToken)
      props.onLogin(session)
    }
  }

  return (
    <div className="login">
      <div className="card login__card">
        <PageHeading>{t('loginTitle')}</PageHeading>
        <p>{props.intro}</p>
        {props.expired && (
          <p className="notice notice--info" role="status">
            {t('sessionExpired')}
          </p>
        )}
        {methods.oidc && (
          <p className="login__city">
            <a className="button button--primary" href={CITY_SIGN_IN_PATH}>
              {t('signInWithCity')}
            </a>
          </p>
        )}
        {methods.password && (
          <>
            {methods.oidc && <h2 className="login__or">{t('signInWithPassword')}</h2>}
            {passwordForm()}
          </>
        )}
      </div>
    </div>
  )

  // Called, not rendered as a component: a component declared here would be a new type at
  // every render, and React would remount the inputs (losing focus) at every keystroke.
  function passwordForm(): ReactNode {
    return (
      <>
        <ErrorSummary form={form} fields={['username', 'password']} title={t('loginFailed')} />
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Field form={form} name="username" label={t('username')} required>
            {(p) => (
              <input
                {...p}
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field form={form} name="password" label={t('password')} required>
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <Submit form={form} label={t('loginButton')} busyLabel={t('loggingIn')} />
        </form>
      </>
    )
  }
}
