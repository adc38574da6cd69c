import { useState, type FormEvent, type ReactNode } from 'react'
import { apiClient, type ApiClient } from './api.js'
import { ErrorSummary, Field, Submit, useForm } from './forms.js'
import { useKitI18n } from './i18n.js'
import { PageHeading } from './page.js'
import type { Session } from './types.js'

/**
 * The sign-in page of both apps: username and password to `POST /api/session`. A wrong
 * password (401) and too many attempts (429) come back worded in the UI's language and
 * are shown in the error summary.
 */
export function LoginPage(props: { intro: string; expired?: boolean; onLogin: (session: Session) => void; client?: ApiClient }): ReactNode {
  const { t } = useKitI18n()
  const client = props.client ?? apiClient
  const form = useForm('login')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

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
      </div>
    </div>
  )
}
