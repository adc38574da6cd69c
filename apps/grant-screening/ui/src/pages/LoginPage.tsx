import { useState, type FormEvent, type ReactNode } from 'react'
import { api } from '../api'
import { PageHeading } from '../components/common'
import { ErrorSummary, Field, Submit, useForm } from '../components/forms'
import { useI18n } from '../i18n'
import type { Session } from '../types'

export function LoginPage(props: { expired: boolean; onLogin: (s: Session) => void }): ReactNode {
  const { t } = useI18n()
  const form = useForm('login')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    // A wrong password (401) and too many attempts (429, with Retry-After) come worded in the UI's language.
    const session = await form.submit(() => api<Session>('/api/session', { json: { username, password }, quiet401: true }))
    if (session) {
      setPassword('')
      props.onLogin(session)
    }
  }

  return (
    <div className="login">
      <div className="card login__card">
        <PageHeading>{t('loginTitle')}</PageHeading>
        <p>{t('loginIntro')}</p>
        {props.expired && (
          <p className="notice notice--info" role="status">
            {t('sessionExpired')}
          </p>
        )}
        <ErrorSummary form={form} fields={['username', 'password']} title={t('loginFailed')} />
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Field form={form} name="username" label={t('username')} required>
            {(p) => <input {...p} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.currentTarget.value)} />}
          </Field>
          <Field form={form} name="password" label={t('password')} required>
            {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />}
          </Field>
          <Submit form={form} label={t('loginButton')} busyLabel={t('loggingIn')} />
        </form>
      </div>
    </div>
  )
}
