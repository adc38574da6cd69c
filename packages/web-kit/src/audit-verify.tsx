import { useState, type ReactNode } from 'react'
import { api } from './api.js'
import type { AuditVerification } from './audit-labels.js'
import { ErrorSummary, useForm } from './forms.js'
import { useKitI18n } from './i18n.js'

/** The audit page's "verify the chain" card: runs `GET /api/audit/verify` and shows the result (a status region). */
export function AuditVerifyCard(props: { initial?: AuditVerification }): ReactNode {
  const { t } = useKitI18n()
  const form = useForm('verify')
  const [verification, setVerification] = useState<AuditVerification | null>(props.initial ?? null)

  const verify = async () => {
    setVerification(null)
    const r = await form.submit(() => api<AuditVerification>('/api/audit/verify'))
    // The result region below is role="status": it announces the result itself.
    if (r) setVerification(r)
  }

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title" className="h-small">
        {t('auditVerifyChain')}
      </h2>
      <ErrorSummary form={form} />
      <button type="button" className="button button--primary" onClick={() => void verify()} aria-disabled={form.busy || undefined}>
        {form.busy ? t('auditVerifying') : t('auditVerifyChain')}
      </button>
      <div role="status" className="audit-verify-result">
        {verification && (
          <div className={`notice ${verification.ok ? 'notice--ok' : 'notice--error'}`}>
            <p>
              {verification.ok
                ? t('auditVerifyOk', { checked: verification.checked })
                : t('auditVerifyFailed', { count: verification.problems.length, checked: verification.checked })}
            </p>
            {verification.problems.length > 0 && (
              <ul>
                {verification.problems.map((p, i) => (
                  <li key={i}>{p.seq === null ? p.problem : t('auditVerifyProblem', { seq: p.seq, problem: p.problem })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  )
}
