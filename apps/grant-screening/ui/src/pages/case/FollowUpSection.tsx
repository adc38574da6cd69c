import { api, ConfirmDialog, DateField, hasRole, ErrorSummary, Field, Submit, useForm, useAnnounce, WholeDates } from '@vbe/web-kit'
import { useState, type FormEvent, type ReactNode } from 'react'
import { LetterLinks } from '../../components/LetterLinks'
import { useI18n } from '../../i18n'
import type { CaseDetail } from '../../types'
import type { CaseProps } from './CasePage'

/** Follow-up: when the association's report is due and when it came in. */
export function FollowUpSection(props: CaseProps): ReactNode {
  const { t, date } = useI18n()
  const announce = useAnnounce()
  const form = useForm('followup', { onConflict: () => void props.reload() })
  const c = props.detail
  const [reportDue, setReportDue] = useState(c.reportDue ?? '')
  const [received, setReceived] = useState(c.reportReceivedOn ?? '')
  const canEdit = hasRole(props.user, 'officer')

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const body = { ...(reportDue ? { reportDue } : {}), ...(received ? { reportReceivedOn: received } : {}) }
    const detail = await form.submit(() =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/follow-up`, { method: 'PUT', json: body }),
    )
    if (detail) {
      props.onChange(detail)
      announce(t('followUpSaved'))
    }
  }

  return (
    <section className="card" aria-labelledby="followup-title">
      <h2 id="followup-title">{t('followUp')}</h2>
      <p className="muted">{t('followUpIntro')}</p>
      {canEdit ? (
        <form onSubmit={(ev) => void onSubmit(ev)} noValidate>
          <ErrorSummary form={form} fields={['reportDue', 'reportReceivedOn']} />
          <div className="form-grid">
            <DateField form={form} name="reportDue" label={t('reportDue')} value={reportDue} onChange={setReportDue} />
            <DateField form={form} name="reportReceivedOn" label={t('reportReceivedOn')} value={received} onChange={setReceived} />
          </div>
          <Submit form={form} label={t('saveFollowUp')} className="button button--secondary" />
        </form>
      ) : (
        <dl className="dl">
          <dt>{t('reportDue')}</dt>
          <dd>
            <WholeDates>{date(c.reportDue)}</WholeDates>
          </dd>
          <dt>{t('reportReceivedOn')}</dt>
          <dd>
            <WholeDates>{date(c.reportReceivedOn)}</WholeDates>
          </dd>
        </dl>
      )}
    </section>
  )
}

/** Reclaim: the decision to take back (part of) a grant. */
export function ReclaimSection(props: CaseProps): ReactNode {
  const { t, money, dateTime } = useI18n()
  const announce = useAnnounce()
  const form = useForm('reclaim', { onConflict: () => void props.reload() })
  const c = props.detail
  const [amount, setAmount] = useState('')
  const [reasons, setReasons] = useState('')
  const canEdit = hasRole(props.user, 'officer') && !c.reclaim
  // A reclaim is a decision against the association that cannot be taken back here: it asks first.
  const [confirming, setConfirming] = useState(false)

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault()
    setConfirming(true)
  }
  const decide = async () => {
    const detail = await form.submit(() =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/reclaim`, {
        json: { amount: amount.trim() === '' ? null : Number(amount), reasons },
      }),
    )
    setConfirming(false)
    if (detail) {
      props.onChange(detail)
      announce(t('reclaimSaved'))
    }
  }

  return (
    <section className="card" aria-labelledby="reclaim-title">
      <h2 id="reclaim-title">{t('reclaim')}</h2>
      {c.reclaim ? (
        <>
          <p>
            <WholeDates>
              {t('reclaimDone', {
                amount: money(c.reclaim.amount),
                name: c.reclaim.decidedBy ?? t('unknownOfficer'),
                at: dateTime(c.reclaim.decidedAt),
              })}
            </WholeDates>
          </p>
          <p className="decision__reasons">{c.reclaim.reasons}</p>
          <ReclaimLetters caseId={c.id} />
        </>
      ) : (
        <p className="muted">{t('reclaimIntro')}</p>
      )}
      {canEdit && (
        <form onSubmit={onSubmit} noValidate>
          {confirming && (
            <ConfirmDialog
              title={t('reclaimConfirmTitle')}
              confirmLabel={t('reclaimConfirm')}
              danger
              busy={form.busy}
              onConfirm={() => void decide()}
              onCancel={() => setConfirming(false)}
            >
              <p>{t('reclaimConfirmBody', { amount: amount.trim() === '' ? '–' : money(Number(amount)) })}</p>
            </ConfirmDialog>
          )}
          <ErrorSummary form={form} fields={['amount', 'reasons']} />
          <Field form={form} name="amount" label={t('reclaimAmount')} required>
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={1}
                className="input--medium"
                value={amount}
                onChange={(ev) => setAmount(ev.currentTarget.value)}
              />
            )}
          </Field>
          <Field form={form} name="reasons" label={t('reclaimReasons')} required>
            {(p) => <textarea {...p} rows={3} value={reasons} onChange={(ev) => setReasons(ev.currentTarget.value)} />}
          </Field>
          <Submit form={form} label={t('reclaimSubmit')} className="button button--danger" />
        </form>
      )}
    </section>
  )
}

function ReclaimLetters(props: { caseId: string }): ReactNode {
  const { t } = useI18n()
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/reclaim/letter`
  return (
    <div className="letters">
      <LetterLinks
        base={base}
        first="sv"
        linkName={(l) => t('reclaimLetterIn', { language: t(`lang_${l}`) })}
        web={t('letterWeb')}
        marker="data-reclaim-letter"
      />
    </div>
  )
}
