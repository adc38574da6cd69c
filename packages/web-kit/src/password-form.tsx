import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { apiClient, type ApiClient } from './api.js'
import { ErrorSummary, Field, Submit, useForm } from './forms.js'
import { useKitI18n } from './i18n.js'
import type { FieldProblem } from './types.js'

/** `GET /api/session/password`: whether the user may change a password here, and the length rule. */
export interface PasswordPolicy {
  readonly allowed: boolean
  readonly minLength: number
  readonly maxLength: number
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const

/**
 * "Change password", on the user's own sign-ins page: the current password, the new one
 * twice. The server's problems (a wrong current password, each broken rule) are shown at
 * their field and in the error summary, in the UI's language. On success the API client
 * takes the new session's CSRF token (the cookie is new too: every other session ended),
 * and a live region says so. A user without a password here (the city's account, or
 * password sign-in off) is told where to change it instead. `policy` skips asking (stories).
 */
export function PasswordForm(props: { client?: ApiClient; policy?: PasswordPolicy; onChanged?: () => void }): ReactNode {
  const { t } = useKitI18n()
  const client = props.client ?? apiClient
  const form = useForm('password')
  // null while asking, and when the server could not say (then the form is left out).
  const [asked, setAsked] = useState<PasswordPolicy | null>(null)
  const policy = props.policy ?? asked
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [done, setDone] = useState('')

  useEffect(() => {
    if (props.policy) return
    let live = true
    client.request<PasswordPolicy>('/api/session/password').then(
      (p) => live && setAsked(p),
      () => live && setAsked(null),
    )
    return () => {
      live = false
    }
  }, [client, props.policy])

  if (!policy) return null
  if (!policy.allowed)
    return (
      <section aria-labelledby="password-title" className="card narrow password-form">
        <h2 id="password-title">{t('passwordTitle')}</h2>
        <p>{t('passwordNotHere')}</p>
      </section>
    )

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setDone('')
    const local: FieldProblem[] = [
      ...(current === '' ? [{ path: 'currentPassword', message: t('passwordMissing') }] : []),
      ...(next !== again ? [{ path: 'confirmPassword', message: t('passwordMismatch') }] : []),
    ]
    if (local.length > 0) {
      form.setProblem({ status: 400, detail: t('passwordNotChanged'), errors: local })
      return
    }
    const changed = await form.submit(() =>
      client.request<{ csrfToken: string }>('/api/session/password', {
        method: 'PUT',
        json: { currentPassword: current, newPassword: next },
      }),
    )
    if (!changed) return
    client.setCsrfToken(changed.csrfToken)
    setCurrent('')
    setNext('')
    setAgain('')
    setDone(t('passwordChanged'))
    props.onChanged?.()
  }

  return (
    <section aria-labelledby="password-title" className="card narrow password-form">
      <h2 id="password-title">{t('passwordTitle')}</h2>
      <p>{t('passwordIntro')}</p>
      <ErrorSummary form={form} fields={FIELDS} title={t('passwordNotChanged')} />
      <div role="status" data-testid="password-status">
        {done && <p className="notice notice--ok">{done}</p>}
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field form={form} name="currentPassword" label={t('currentPassword')} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          form={form}
          name="newPassword"
          label={t('newPassword')}
          hint={t('newPasswordHint', { min: policy.minLength, max: policy.maxLength })}
          required
        >
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} />
          )}
        </Field>
        <Field form={form} name="confirmPassword" label={t('confirmPassword')} required>
          {(p) => (
            <input {...p} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.currentTarget.value)} />
          )}
        </Field>
        <Submit form={form} label={t('passwordChangeButton')} busyLabel={t('passwordChanging')} />
      </form>
    </section>
  )
}
