import { apiClient, ConfirmDialog, ErrorSummary, Field, formatDateTime, ProblemMessage, Submit, useForm } from '@vbe/web-kit'
import { useEffect, useRef, useState, type FormEvent, type MutableRefObject, type ReactNode } from 'react'
import type { PlanAnalysis, PlanFinding } from '@vbe/core/plans'
import { useI18n } from '../../i18n'
import type { Action, PlanDetail } from '../../types'

/**
 * The plan's workflow: the actions the user may take now (submit, adopt, return, revise),
 * the return form (the committee's decision and a comment, both required; the server's
 * field errors are shown at the fields and in the error summary), and the history.
 * Adopting cannot be undone, so it asks first, in a dialog that also takes the committee's
 * decision (optional), as returning does. Submitting to the committee locks the plan, so it
 * asks first too, listing the warnings left in words; a plan with errors is neither offered to the
 * committee nor adopted: the page lists the errors in words instead (the server refuses both too;
 * the approver returns such a plan to the district). After a step,
 * focus moves to the message that says what happened.
 */
export function Workflow({
  plan,
  busy,
  version,
  onDone,
  analysis,
}: {
  plan: PlanDetail
  busy: boolean
  version: MutableRefObject<number>
  onDone: (plan: PlanDetail) => void
  /** The analysis of the plan as typed: what the submit step names (errors stop it, warnings are listed). */
  analysis: PlanAnalysis | null
}): ReactNode {
  const { t, lang } = useI18n()
  const actions = useForm('workflow')
  const returnForm = useForm('return')
  const [returnOpen, setReturnOpen] = useState(false)
  const [decisionReference, setDecisionReference] = useState('')
  const [comment, setComment] = useState('')
  const [adopting, setAdopting] = useState(false)
  const [adoptReference, setAdoptReference] = useState('')
  const [submitting, setSubmitting] = useState(false)
  /** The step that the plan's errors stop (their list is shown), if any. */
  const [blocked, setBlocked] = useState<'submit' | 'adopt' | null>(null)
  const [done, setDone] = useState<{ action: Action; version: number } | null>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)
  const blockedRef = useRef<HTMLDivElement>(null)
  const findings = analysis ? allFindings(analysis) : []
  const errors = findings.filter((f) => f.severity === 'error')
  const warnings = findings.filter((f) => f.severity === 'warning')
  // After a step the button that was pressed is gone: focus goes to the words that say what happened.
  useEffect(() => doneRef.current?.focus(), [done])
  useEffect(() => {
    if (blocked) blockedRef.current?.focus()
  }, [blocked])
  const planName = `${plan.districtName} ${plan.year}`
  const transition = (action: Action, extra: Record<string, string> = {}) =>
    apiClient.request<PlanDetail>(`/api/plans/${plan.id}/transitions`, {
      method: 'POST',
      json: { action, ...extra },
      ifMatch: version.current,
    })
  const act = async (action: Action, extra: Record<string, string> = {}) => {
    const result = await actions.submit(() => transition(action, extra))
    if (result) {
      onDone(result)
      setBlocked(null)
      setDone({ action, version: result.version })
    }
    return result
  }
  const startSubmit = () => {
    setDone(null)
    if (errors.length > 0) setBlocked('submit')
    else setSubmitting(true)
  }
  const startAdopt = () => {
    setDone(null)
    if (errors.length > 0) setBlocked('adopt')
    else setAdopting(true)
  }
  const adopt = async () => {
    const reference = adoptReference.trim()
    const done = await act('adopt', reference ? { decisionReference: reference } : {})
    if (done) {
      setAdopting(false)
      setAdoptReference('')
    }
  }
  const submit = async () => {
    if (await act('submit')) setSubmitting(false)
  }
  const submitReturn = async (e: FormEvent) => {
    e.preventDefault()
    const result = await returnForm.submit(() => transition('return', { decisionReference, comment }))
    if (result) {
      setReturnOpen(false)
      onDone(result)
      setDone({ action: 'return', version: result.version })
    }
  }
  return (
    <section className="workflow" aria-labelledby="wf-h">
      <h2 id="wf-h">{t('workflow')}</h2>
      {plan.can.actions.length > 0 ? (
        <p className="button-row">
          {plan.can.actions.map((a) =>
            a === 'return' ? (
              <button
                key={a}
                type="button"
                className="button button--secondary"
                onClick={() => setReturnOpen(true)}
                aria-expanded={returnOpen}
              >
                {t('action.return')}
              </button>
            ) : (
              <button
                key={a}
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => (a === 'adopt' ? startAdopt() : a === 'submit' ? startSubmit() : void act(a))}
              >
                {t(`action.${a}`)}
              </button>
            ),
          )}
        </p>
      ) : null}
      {done && (
        <p className="notice notice--info" role="status" tabIndex={-1} ref={doneRef} data-testid="workflow-done">
          {t(`done.${done.action}` as 'done.submit', { version: done.version })}
        </p>
      )}
      {blocked && errors.length > 0 && (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={blockedRef}
          aria-labelledby="submit-blocked-h"
          data-testid="submit-blocked"
        >
          <h3 id="submit-blocked-h">{t(blocked === 'adopt' ? 'adoptBlockedTitle' : 'submitBlockedTitle')}</h3>
          <p>{t(blocked === 'adopt' ? 'adoptBlockedText' : 'submitBlockedText')}</p>
          <ul>
            {errors.map((f, i) => (
              <li key={i}>{f.message[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {actions.problem && !adopting && !submitting && <ProblemMessage problem={actions.problem} />}
      {submitting && (
        <ConfirmDialog
          title={t('confirmSubmitTitle', { plan: planName })}
          confirmLabel={t('confirmSubmit')}
          busy={actions.busy}
          problem={actions.problem}
          onConfirm={() => void submit()}
          onCancel={() => setSubmitting(false)}
        >
          <p>{t('confirmSubmitText', { version: plan.version })}</p>
          {warnings.length > 0 && (
            <div data-testid="confirm-warnings">
              <p>{t('confirmWarningsTitle')}</p>
              <ul>
                {warnings.map((f, i) => (
                  <li key={i}>{f.message[lang]}</li>
                ))}
              </ul>
            </div>
          )}
        </ConfirmDialog>
      )}
      {adopting && (
        <ConfirmDialog
          title={t('confirmAdoptTitle', { plan: planName })}
          confirmLabel={t('confirmAdopt')}
          busy={actions.busy}
          problem={actions.problem}
          onConfirm={() => void adopt()}
          onCancel={() => setAdopting(false)}
        >
          <p>{t('confirmAdoptText', { version: plan.version })}</p>
          <Field form={actions} name="decisionReference" label={t('decisionReference')} optional>
            {(p) => <input {...p} type="text" value={adoptReference} onChange={(e) => setAdoptReference(e.currentTarget.value)} />}
          </Field>
        </ConfirmDialog>
      )}
      {returnOpen && (
        <form className="card" noValidate onSubmit={(e) => void submitReturn(e)} aria-labelledby="return-h">
          <h3 id="return-h">{t('action.return')}</h3>
          <ErrorSummary form={returnForm} fields={['decisionReference', 'comment']} title={t('returnFailed')} />
          <p>{t('returnHelp')}</p>
          <Field form={returnForm} name="decisionReference" label={t('decisionReference')} required>
            {(p) => <input {...p} type="text" value={decisionReference} onChange={(e) => setDecisionReference(e.currentTarget.value)} />}
          </Field>
          <Field form={returnForm} name="comment" label={t('comment')} required>
            {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.currentTarget.value)} rows={3} />}
          </Field>
          <p className="button-row">
            <Submit form={returnForm} label={t('confirmReturn')} />
            <button type="button" className="button button--secondary" onClick={() => setReturnOpen(false)}>
              {t('cancel')}
            </button>
          </p>
        </form>
      )}
      <details>
        <summary>
          {t('history')} ({plan.history.length})
        </summary>
        <ol className="history">
          {plan.history.map((h) => (
            <li key={h.version}>
              {t('version')} {h.version}: {t(`event.${h.action}` as 'event.save')} {t('by')} {h.by ?? t('systemActor')},{' '}
              {formatDateTime(h.at)}
              {h.decisionReference ? ` — ${h.decisionReference}` : ''}
              {h.comment ? `: ${h.comment}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </section>
  )
}

/** Every finding of the analysis, in the panel's order. */
const allFindings = (a: PlanAnalysis): PlanFinding[] => [
  ...a.indicatorFindings,
  ...a.responsibilityFindings,
  ...a.riskFindings,
  ...a.revisionFindings,
]
