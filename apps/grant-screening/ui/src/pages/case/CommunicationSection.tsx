import { api, DateField, hasRole, ErrorSummary, Field, RadioGroup, Submit, useForm, WholeDates } from '@vbe/web-kit'
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { AmountField, amountBody } from '../../components/AmountField'
import { LetterLocaleField } from '../../components/LetterLocaleField'
import { LetterLinks } from '../../components/LetterLinks'
import { useI18n } from '../../i18n'
import type { CaseDetail, Communication, Lang } from '../../types'
import type { CaseProps } from './CasePage'

/**
 * Kommunicering (förvaltningslagen 25 §): the material sent to the applicant before a
 * denial or a partial grant, its letters, the deadline and the reply.
 */
export function CommunicationSection(props: CaseProps): ReactNode {
  const { t, loc, money, date, dateTime } = useI18n()
  const c = props.detail
  const officer = hasRole(props.user, 'officer')
  const latest = c.communications.at(-1)
  const sinceDecision = latest && (!c.decision || latest.sentAt >= c.decision.decidedAt)
  const waiting = latest !== undefined && latest.repliedOn === null && sinceDecision
  const canSend = officer && (c.status === 'new' || c.status === 'in_review' || c.status === 'decided') && !waiting
  const canReply = officer && waiting && (c.status === 'awaiting_reply' || c.status === 'decided')
  // What was just done, said where focus goes: the form that was used is gone once it succeeds.
  const [done, setDone] = useState<string | null>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (done !== null) doneRef.current?.focus()
  }, [done])
  const finished = (detail: CaseDetail, message: string) => {
    props.onChange(detail)
    setDone(message)
  }
  return (
    <section className="card" aria-labelledby="communication-title">
      <h2 id="communication-title">{t('communications')}</h2>
      <p className="muted">{t('communicationIntro')}</p>
      {c.communications.length > 0 && (
        <ul className="plain communications">
          {c.communications.map((m) => (
            <li key={m.id}>
              <p>
                <strong>
                  <WholeDates>{t('communicationItem', { at: dateTime(m.sentAt), deadline: date(m.deadline) })}</WholeDates>
                </strong>
              </p>
              <p>
                {m.proposedKind === 'partial' && m.proposedAmount !== null
                  ? `${t('decision_partial')}: ${money(m.proposedAmount)}`
                  : t('decision_deny')}
                {m.citedRules.length > 0 ? ` – ${m.citedRules.map((r) => loc(r.heading)).join(', ')}` : ''}
              </p>
              <p className="decision__reasons">{m.material}</p>
              {m.repliedOn ? (
                <>
                  <p className="small">
                    <WholeDates>{t('communicationReplied', { date: date(m.repliedOn) })}</WholeDates>
                  </p>
                  <p className="decision__reasons">{m.reply}</p>
                </>
              ) : (
                <p className="small muted">{t('communicationNoReply')}</p>
              )}
              <CommunicationLetters caseId={c.id} communication={m} />
            </li>
          ))}
        </ul>
      )}
      <p className={done === null ? 'visually-hidden' : 'notice'} role="status" tabIndex={-1} ref={doneRef} data-communication-done>
        {done}
      </p>
      {canSend && <SendForm {...props} onDone={finished} />}
      {canReply && <ReplyForm {...props} onDone={finished} />}
    </section>
  )
}

function CommunicationLetters(props: { caseId: string; communication: Communication }): ReactNode {
  const { t } = useI18n()
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/communications/${encodeURIComponent(props.communication.id)}/letter`
  return (
    <div className="letters">
      <LetterLinks
        base={base}
        first={props.communication.letterLocale}
        linkName={(l) => t('communicationLetterIn', { language: t(`lang_${l}`) })}
        web={t('letterWeb')}
        marker="data-communication-letter"
      />
    </div>
  )
}

type Done = { onDone: (detail: CaseDetail, message: string) => void }

function SendForm(props: CaseProps & Done): ReactNode {
  const { t, e, lang, date } = useI18n()
  const form = useForm('communication', { onConflict: () => void props.reload() })
  const c = props.detail
  const [kind, setKind] = useState<'deny' | 'partial' | null>(null)
  const [amount, setAmount] = useState('')
  const [material, setMaterial] = useState('')
  const [deadline, setDeadline] = useState('')
  const [letterLocale, setLetterLocale] = useState<Lang>(lang)
  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    // Every empty field is named at once, each at its field, before anything is sent.
    const errors = [
      ...(kind === null ? [{ path: 'kind', message: t('communicationChooseKind') }] : []),
      ...(material.trim() === '' ? [{ path: 'material', message: t('communicationMaterialMissing') }] : []),
      ...(deadline.trim() === '' ? [{ path: 'deadline', message: t('communicationDeadlineMissing') }] : []),
    ]
    if (kind === null || errors.length > 0) {
      // no words of its own: the summary's first line already asks to fix what is marked
      form.setProblem({ status: 400, detail: '', errors })
      return
    }
    const body = {
      kind,
      ...(kind === 'partial' ? amountBody(amount) : {}),
      material,
      deadline,
      letterLocale,
    }
    const detail = await form.submit(() => api<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}/communications`, { json: body }))
    if (detail) props.onDone(detail, t('communicationSent', { date: date(deadline) }))
  }
  return (
    <form className="subform" onSubmit={(ev) => void onSubmit(ev)} noValidate aria-labelledby="send-communication-title">
      <h3 id="send-communication-title">{t('communicationSend')}</h3>
      <ErrorSummary form={form} fields={['kind', 'amount', 'material', 'deadline', 'letterLocale']} title={t('communicationFailed')} />
      <RadioGroup
        form={form}
        name="kind"
        legend={t('communicationKind')}
        value={kind}
        onChange={setKind}
        options={(['deny', 'partial'] as const).map((k) => ({ value: k, label: e('decision', k) }))}
      />
      {kind === 'partial' && (
        <AmountField form={form} label={t('communicationAmount')} requested={c.amountRequested} value={amount} onChange={setAmount} />
      )}
      <Field form={form} name="material" label={t('communicationMaterial')} required>
        {(p) => <textarea {...p} rows={4} value={material} onChange={(ev) => setMaterial(ev.currentTarget.value)} />}
      </Field>
      <DateField form={form} name="deadline" label={t('communicationDeadline')} required value={deadline} onChange={setDeadline} />
      <LetterLocaleField form={form} legend={t('communicationLocale')} value={letterLocale} onChange={setLetterLocale} />
      <Submit form={form} label={t('communicationSend')} className="button button--secondary" />
    </form>
  )
}

function ReplyForm(props: CaseProps & Done): ReactNode {
  const { t } = useI18n()
  const form = useForm('reply', { onConflict: () => void props.reload() })
  const [reply, setReply] = useState('')
  const [receivedOn, setReceivedOn] = useState('')
  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const detail = await form.submit(() =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(props.detail.id)}/communications/reply`, { json: { reply, receivedOn } }),
    )
    if (detail) props.onDone(detail, t('replySaved'))
  }
  return (
    <form className="subform" onSubmit={(ev) => void onSubmit(ev)} noValidate aria-labelledby="reply-title">
      <h3 id="reply-title">{t('replySubmit')}</h3>
      <ErrorSummary form={form} fields={['reply', 'receivedOn']} />
      <Field form={form} name="reply" label={t('replyText')} required>
        {(p) => <textarea {...p} rows={4} value={reply} onChange={(ev) => setReply(ev.currentTarget.value)} />}
      </Field>
      <DateField form={form} name="receivedOn" label={t('replyReceivedOn')} required value={receivedOn} onChange={setReceivedOn} />
      <Submit form={form} label={t('replySubmit')} className="button button--secondary" />
    </form>
  )
}
