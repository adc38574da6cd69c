import { api, ErrorSummary, Field, RadioGroup, Submit, useForm, useAnnounce, useModalDialog, type Problem, WholeDates } from '@vbe/web-kit'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { AmountField, amountBody } from '../../components/AmountField'
import { LetterLocaleField } from '../../components/LetterLocaleField'
import { useI18n } from '../../i18n'
import { useProgrammes } from '../../lists'
import { DECISION_KINDS, type CaseDetail, type DecisionKind, type Lang } from '../../types'
import type { CaseProps } from './CasePage'

type Basis = 'correction' | 'reconsideration'

/**
 * Where the dialog opens: the choices already made and the server's last answer to show
 * (its field errors under their fields). Nothing is chosen when it is left out; the
 * component stories open the dialog in each state this way.
 */
export interface DecisionDraft {
  readonly step?: 'form' | 'confirm'
  readonly basis?: Basis
  readonly kind?: DecisionKind
  readonly amount?: string
  readonly reasons?: string
  readonly overrides?: Readonly<Record<string, string>>
  readonly problem?: Problem
}
const GRANTS: Readonly<Record<DecisionKind, boolean>> = { approve: true, deny: false, partial: true }
const ADVERSE: Readonly<Record<DecisionKind, boolean>> = { approve: false, deny: true, partial: true }

/**
 * The decision dialog, for a first decision or (with `revise`) a correction or
 * reconsideration. Nothing is pre-selected. Granting against failed rules asks for a
 * reason per rule; a denial shows the rules it cites. "Review" shows what is decided,
 * for how much and against which findings, and only "Confirm" saves it.
 */
export function DecisionDialog(props: CaseProps & { revise?: boolean; onClose: () => void; initial?: DecisionDraft }): ReactNode {
  const { t, e, lang, loc, money, date } = useI18n()
  const announce = useAnnounce()
  const form = useForm(props.revise ? 'revision' : 'decision', { onConflict: () => void props.reload() })
  const ref = useModalDialog(props.onClose, 'input, select, textarea, button')
  const c = props.detail
  const guide = c.decisionGuide
  const initial = props.initial
  const [step, setStep] = useState<'form' | 'confirm'>(initial?.kind === undefined ? 'form' : (initial.step ?? 'form'))
  const [basis, setBasis] = useState<Basis | null>(initial?.basis ?? null)
  const [kind, setKind] = useState<DecisionKind | null>(initial?.kind ?? null)
  const [amount, setAmount] = useState(initial?.amount ?? '')
  const [reasons, setReasons] = useState(initial?.reasons ?? '')
  const [overrides, setOverrides] = useState<Record<string, string>>({ ...initial?.overrides })
  const { setProblem } = form
  const initialProblem = initial?.problem
  useEffect(() => {
    if (initialProblem) setProblem(initialProblem)
  }, [initialProblem, setProblem])
  const [letterLocale, setLetterLocale] = useState<Lang>(lang)
  // Focus follows the step: the confirmation's heading, or back to the form's first control.
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (step === 'confirm') dialog.querySelector<HTMLElement>('#decision-confirm-title')?.focus()
  }, [step, ref])
  const grants = kind !== null && GRANTS[kind]
  const maxAmount = useProgrammes()?.find((p) => p.id === c.programme)?.maxAmount ?? null
  // The server's rules, said up front: no denial or lower amount while the applicant may still
  // reply (where the basis asks for kommunicering), nor while evidence behind a condition is unassessed.
  const awaitingReply = c.replyDue !== null && basis !== 'correction'
  const adverseBlocked = awaitingReply || guide.toAssess.length > 0
  const granted = kind === 'approve' ? c.amountRequested : kind === 'partial' && amount.trim() !== '' ? Number(amount) : null
  // The failed rules this grant overrides: all of them, but the programme maximum only when the amount granted is above it.
  const overridden = grants
    ? guide.failedRules.filter((r) => r.grantUpTo === null || granted === null || Number.isNaN(granted) || granted > r.grantUpTo)
    : []
  const fields = ['basis', 'kind', 'amount', ...overridden.map((r) => `overrides.${r.id}`), 'reasons', 'letterLocale']
  const ruleNames = (rules: readonly { heading: { sv: string; en: string } }[]) => rules.map((r) => loc(r.heading)).join(', ')

  const review = (ev: FormEvent) => {
    ev.preventDefault()
    const errors = [
      ...(props.revise && basis === null ? [{ path: 'basis', message: t('reviseBasis') }] : []),
      ...(kind === null ? [{ path: 'kind', message: t('decisionChooseKind') }] : []),
    ]
    if (errors.length > 0) {
      form.setProblem({ status: 400, detail: errors[0]!.message, errors })
      return
    }
    form.setProblem(null)
    setStep('confirm')
  }

  const confirm = async () => {
    if (kind === null) return
    const body = {
      ...(props.revise ? { basis } : {}),
      kind,
      ...(kind === 'partial' ? amountBody(amount) : {}),
      reasons,
      letterLocale,
      ...(overridden.length > 0 ? { overrides: Object.fromEntries(overridden.map((r) => [r.id, overrides[r.id] ?? ''])) } : {}),
    }
    const path = `/api/cases/${encodeURIComponent(c.id)}/${props.revise ? 'revision' : 'decision'}`
    const detail = await form.submit(() => api<CaseDetail>(path, { json: body }))
    if (detail) {
      props.onChange(detail)
      announce(t('decisionSaved', { status: e('status', detail.status) }))
      props.onClose()
    } else setStep('form')
  }

  const title = props.revise ? t('reviseTitle') : t('decisionDialogTitle')
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="decision-dialog-title" aria-describedby="decision-dialog-intro">
      <div className="dialog__header">
        <h2 id="decision-dialog-title">{title}</h2>
        <button type="button" className="button button--ghost dialog__close" onClick={props.onClose} aria-label={t('close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {step === 'confirm' && kind !== null ? (
        <div className="decision-confirm" role="group" aria-labelledby="decision-confirm-title">
          <h3 id="decision-confirm-title" tabIndex={-1}>
            {t('decisionConfirmTitle')}
          </h3>
          <p id="decision-dialog-intro">
            <strong>{t('decisionConfirmWhat', { kind: e('decision', kind) })}</strong>
          </p>
          <p>
            {granted === null
              ? t('decisionConfirmNoAmount', { requested: money(c.amountRequested) })
              : t('decisionConfirmAmount', { amount: money(granted), requested: money(c.amountRequested) })}
          </p>
          {granted !== null && maxAmount !== null && granted > maxAmount && (
            <p className="notice notice--warn" data-over-max>
              <strong>{t('decisionOverMax', { max: money(maxAmount) })}</strong>
            </p>
          )}
          <p>
            {guide.denialCites.length > 0
              ? t('decisionConfirmFindings', { rules: ruleNames(guide.denialCites) })
              : guide.toAssess.length === 0 && t('decisionConfirmNoFindings')}
          </p>
          {guide.toAssess.length > 0 && <p>{t('decisionConfirmToAssess', { rules: ruleNames(guide.toAssess) })}</p>}
          {(guide.fourEyes || overridden.length > 0) && <p className="notice notice--warn">{t('decisionConfirmSecond')}</p>}
          <div className="dialog__buttons">
            <button type="button" className="button button--primary" onClick={() => void confirm()} aria-disabled={form.busy || undefined}>
              {form.busy ? t('saving') : t('decisionConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('form')}>
              {t('decisionConfirmBack')}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={review} noValidate>
          <p id="decision-dialog-intro">{props.revise ? t('reviseIntro') : t('decisionDialogIntro')}</p>
          {guide.fourEyes && <p className="notice notice--warn">{t('decisionDialogFourEyes')}</p>}
          <ErrorSummary form={form} fields={fields} title={t(props.revise ? 'reviseFailed' : 'decisionFailed')} />
          {props.revise && (
            <RadioGroup
              form={form}
              name="basis"
              legend={t('reviseBasis')}
              value={basis}
              onChange={setBasis}
              options={(['correction', 'reconsideration'] as const).map((b) => ({ value: b, label: e('basis', b) }))}
            />
          )}
          <RadioGroup
            form={form}
            name="kind"
            legend={t('decisionKind')}
            value={kind}
            onChange={setKind}
            options={DECISION_KINDS.map((k) =>
              ADVERSE[k] && adverseBlocked
                ? { value: k, label: t('decisionKindBlocked', { kind: e('decision', k) }), disabled: true }
                : { value: k, label: e('decision', k) },
            )}
          />
          {guide.toAssess.length > 0 && (
            <p className="notice notice--warn" data-assess-first>
              {t('decisionAssessFirst', { rules: ruleNames(guide.toAssess) })}
            </p>
          )}
          {c.replyDue !== null && awaitingReply ? (
            <p className="notice notice--warn" data-reply-due>
              <WholeDates>{t('replyDueDialog', { date: date(c.replyDue) })}</WholeDates>
            </p>
          ) : (
            kind !== null && ADVERSE[kind] && !adverseBlocked && <p className="notice">{t('decisionNeedsCommunication')}</p>
          )}
          {kind === 'partial' && (
            <AmountField form={form} label={t('decisionAmount')} requested={c.amountRequested} value={amount} onChange={setAmount} />
          )}
          {overridden.length > 0 && (
            <fieldset className="field">
              <legend>{t('decisionOverridesLegend')}</legend>
              <p>{t('decisionOverridesIntro')}</p>
              {overridden.map((r) => (
                <Field
                  key={r.id}
                  form={form}
                  name={`overrides.${r.id}`}
                  label={t('decisionOverrideFor', { rule: loc(r.heading) })}
                  required
                >
                  {(p) => (
                    <textarea
                      {...p}
                      rows={2}
                      value={overrides[r.id] ?? ''}
                      onChange={(ev) => {
                        const value = ev.currentTarget.value
                        setOverrides((o) => ({ ...o, [r.id]: value }))
                      }}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          )}
          {kind === 'deny' && guide.denialCites.length > 0 && <p>{t('decisionDenialCites', { rules: ruleNames(guide.denialCites) })}</p>}
          <Field form={form} name="reasons" label={t('decisionReasons')} required>
            {(p) => <textarea {...p} rows={5} value={reasons} onChange={(ev) => setReasons(ev.currentTarget.value)} />}
          </Field>
          <LetterLocaleField form={form} legend={t('letterLocale')} value={letterLocale} onChange={setLetterLocale} />
          <div className="dialog__buttons">
            <Submit form={form} label={t('decisionReview')} />
            <button type="button" className="button button--secondary" onClick={props.onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
