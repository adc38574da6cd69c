import { api, withQuery, hasRole, ErrorSummary, Field, RadioGroup, Submit, useForm, useAnnounce, ENDONYMS } from '@vbe/web-kit'
import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Badge } from '../../components/badges'
import { useI18n } from '../../i18n'
import { DECISION_KINDS, type CaseDetail, type DecisionKind, type Lang, type User } from '../../types'
import type { CaseProps } from './CasePage'

const isDecider = (user: User, decidedBy: string) => decidedBy === user.username || decidedBy === user.displayName || decidedBy === user.id

/** The decision: its state, the button that opens the decision dialog, the second signature and the letters. */
export function DecisionSection(props: CaseProps): ReactNode {
  const { t, e, money, dateTime } = useI18n()
  const c = props.detail
  const d = c.decision
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const canDecide = hasRole(props.user, 'officer') && (c.status === 'new' || c.status === 'in_review')
  const canApprove =
    hasRole(props.user, 'approver') && c.status === 'awaiting_approval' && d !== null && !isDecider(props.user, d.decidedBy)

  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabIndex={-1}>
        {t('decisionSection')}
      </h2>
      <p>
        <strong>{t('caseStatus')}:</strong> <Badge kind="status" value={c.status} />
      </p>
      {!d ? (
        <p>{t('noDecision')}</p>
      ) : (
        <div className="decision__current">
          <p className="decision__kind">
            {e('decided', d.kind)}
            {d.amount !== null && d.kind !== 'deny' ? `: ${money(d.amount)}` : ''}
          </p>
          <p className="decision__reasons">{d.reasons}</p>
          <p className="small muted">{t('decidedBy', { name: d.decidedBy, at: dateTime(d.decidedAt) })}</p>
          {d.approvedBy && <p className="small muted">{t('approvedBy', { name: d.approvedBy, at: dateTime(d.approvedAt) })}</p>}
          {c.status === 'awaiting_approval' && <p className="notice notice--warn">{t('awaitingSecondApproval')}</p>}
        </div>
      )}

      {canDecide && (
        <p>
          <button type="button" className="button button--primary" ref={opener} onClick={() => setOpen(true)}>
            {t('makeDecision')}
          </button>
        </p>
      )}
      {open && (
        <DecisionDialog
          {...props}
          onClose={() => {
            setOpen(false)
            // Focus back to the button that opened the dialog (or the heading if it went away).
            window.setTimeout(() => (opener.current ?? document.getElementById('decision-title'))?.focus(), 0)
          }}
        />
      )}

      {canApprove && <Approval {...props} />}
      {hasRole(props.user, 'approver') && c.status === 'awaiting_approval' && d && isDecider(props.user, d.decidedBy) && (
        <p className="muted">{t('cannotApproveOwn')}</p>
      )}

      {d && c.status === 'decided' && <Letters detail={c} />}
    </section>
  )
}

function Letters(props: { detail: CaseDetail }): ReactNode {
  const { t } = useI18n()
  const base = `/api/cases/${encodeURIComponent(props.detail.id)}/letter`
  const langs: Lang[] = props.detail.decision?.letterLocale === 'en' ? ['en', 'sv'] : ['sv', 'en']
  return (
    <div className="letters">
      <h3>{t('letters')}</h3>
      <ul className="plain">
        {langs.map((l) => (
          <li key={l}>
            <span className="letters__lang" lang={l}>
              {ENDONYMS[l]}
            </span>
            <a href={withQuery(base, { lang: l, format: 'html' })} hrefLang={l} data-letter={`${l}-html`}>
              <span className="visually-hidden">{t('letterIn', { language: t(`lang_${l}`) })} </span>
              {t('letterWeb')}
            </a>
            {' · '}
            <a href={withQuery(base, { lang: l, format: 'pdf' })} hrefLang={l} type="application/pdf" data-letter={`${l}-pdf`}>
              <span className="visually-hidden">{t('letterIn', { language: t(`lang_${l}`) })} </span>
              PDF
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The decision dialog: a modal <dialog> (showModal gives the focus trap, Escape and an
 * inert page behind it); focus goes to the first control and back to the opener on close.
 */
function DecisionDialog(props: CaseProps & { onClose: () => void }): ReactNode {
  const { t, e, lang, money } = useI18n()
  const announce = useAnnounce()
  const form = useForm('decision', { onConflict: () => void props.reload() })
  const ref = useRef<HTMLDialogElement>(null)
  const c = props.detail
  const [kind, setKind] = useState<DecisionKind>('approve')
  const [amount, setAmount] = useState('')
  const [reasons, setReasons] = useState('')
  const [letterLocale, setLetterLocale] = useState<Lang>(lang)
  // The dialog is set up once on mount; Escape calls the latest onClose.
  const close = useEffectEvent(() => props.onClose())

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('input, select, textarea, button')?.focus()
    const onCancel = (ev: Event) => {
      ev.preventDefault()
      close()
    }
    // The page behind a modal dialog is inert; also wrap Tab at the ends so focus never
    // leaves the dialog for the browser's own controls.
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Tab') return
      const focusable = [
        ...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'),
      ].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0)
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      if (!first || !last) return
      if (!ev.shiftKey && document.activeElement === last) {
        ev.preventDefault()
        first.focus()
      } else if (ev.shiftKey && document.activeElement === first) {
        ev.preventDefault()
        last.focus()
      }
    }
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('keydown', onKey)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('keydown', onKey)
      if (dialog.open) dialog.close()
    }
  }, [])

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const body = {
      kind,
      ...(kind === 'partial' && amount.trim() !== '' ? { amount: Number(amount) } : {}),
      reasons,
      letterLocale,
    }
    const detail = await form.submit(() => api<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/decision`, { json: body }))
    if (detail) {
      props.onChange(detail)
      announce(t('decisionSaved', { status: e('status', detail.status) }))
      props.onClose()
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="decision-dialog-title" aria-describedby="decision-dialog-intro">
      <form onSubmit={(ev) => void onSubmit(ev)} noValidate>
        <div className="dialog__header">
          <h2 id="decision-dialog-title">{t('decisionDialogTitle')}</h2>
          <button type="button" className="button button--ghost dialog__close" onClick={props.onClose} aria-label={t('close')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <p id="decision-dialog-intro">{t('decisionDialogIntro')}</p>
        {c.humanDecisionRequired && <p className="notice notice--warn">{t('decisionDialogFourEyes')}</p>}
        <ErrorSummary form={form} fields={['kind', 'amount', 'reasons', 'letterLocale']} />
        <RadioGroup
          form={form}
          name="kind"
          legend={t('decisionKind')}
          value={kind}
          onChange={setKind}
          options={DECISION_KINDS.map((k) => ({ value: k, label: e('decision', k) }))}
        />
        {kind === 'partial' && (
          <Field
            form={form}
            name="amount"
            label={t('decisionAmount')}
            hint={t('decisionAmountHint', { amount: money(c.amountRequested) })}
            required
          >
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={1}
                max={c.amountRequested}
                className="input--medium"
                value={amount}
                onChange={(ev) => setAmount(ev.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <Field form={form} name="reasons" label={t('decisionReasons')} required>
          {(p) => <textarea {...p} rows={6} value={reasons} onChange={(ev) => setReasons(ev.currentTarget.value)} />}
        </Field>
        <RadioGroup
          form={form}
          name="letterLocale"
          legend={t('letterLocale')}
          inline
          value={letterLocale}
          onChange={setLetterLocale}
          options={[
            { value: 'sv', label: 'Svenska', lang: 'sv' },
            { value: 'en', label: 'English', lang: 'en' },
          ]}
        />
        <div className="dialog__buttons">
          <Submit form={form} label={t('decisionSubmit')} />
          <button type="button" className="button button--secondary" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

function Approval(props: CaseProps): ReactNode {
  const { t, e } = useI18n()
  const announce = useAnnounce()
  const form = useForm('approval', { onConflict: () => void props.reload() })
  const [comment, setComment] = useState('')
  const send = async (approve: boolean) => {
    const detail = await form.submit(() =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(props.detail.id)}/approval`, {
        json: { approve, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      }),
    )
    if (detail) {
      props.onChange(detail)
      setComment('')
      announce(t('approvalSaved', { status: e('status', detail.status) }))
    }
  }
  return (
    <form
      className="subform approval"
      aria-labelledby="approval-title"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault()
        void send(true)
      }}
    >
      <h3 id="approval-title">{t('approvalSection')}</h3>
      <p>{t('approvalIntro')}</p>
      <ErrorSummary form={form} fields={['approve', 'comment']} />
      <Field form={form} name="comment" label={t('approvalComment')} optional>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(ev) => setComment(ev.currentTarget.value)} />}
      </Field>
      <div className="button-row">
        <Submit form={form} label={t('approve')} />
        <button type="button" className="button button--secondary" onClick={() => void send(false)}>
          {t('reject')}
        </button>
      </div>
    </form>
  )
}
