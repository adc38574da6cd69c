import {
  api,
  ConfirmDialog,
  hasRole,
  ENDONYMS,
  ErrorSummary,
  Field,
  Submit,
  useForm,
  useAnnounce,
  withQuery,
  WholeDates,
} from '@vbe/web-kit'
import { useRef, useState, type ReactNode } from 'react'
import { LetterLinks } from '../../components/LetterLinks'
import { Badge } from '../../components/badges'
import { useI18n } from '../../i18n'
import { useProgrammes } from '../../lists'
import type { CaseDetail, Decision, Lang } from '../../types'
import type { CaseProps } from './CasePage'
import { DecisionDialog } from './DecisionDialog'
import { LetterPreview } from '../../components/LetterPreview'

/** The decision: its state, the button that opens the decision dialog, the second signature and the letters. */
export function DecisionSection(props: CaseProps): ReactNode {
  const { t, date } = useI18n()
  const c = props.detail
  const d = c.decision
  const [open, setOpen] = useState<'decide' | 'revise' | null>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const officer = hasRole(props.user, 'officer')
  const canDecide = officer && (c.status === 'new' || c.status === 'in_review' || c.status === 'awaiting_reply')
  const canRevise = officer && c.status === 'decided' && d !== null
  const awaiting = c.status === 'awaiting_approval' || c.status === 'awaiting_revision_approval'
  // nobody gives the second signature to work they did: the decision, or the assessment of its evidence
  const ownWork = awaiting && d !== null && hasRole(props.user, 'approver') ? c.yourAuthorship : []
  const canApprove = hasRole(props.user, 'approver') && awaiting && d !== null && ownWork.length === 0

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
          <DecisionText decision={d} history={c.decisionHistory} programme={c.programme} />
          {awaiting && <p className="notice notice--warn">{t('awaitingSecondApproval')}</p>}
        </div>
      )}

      {(canDecide || canRevise) && (
        <p>
          <button type="button" className="button button--primary" ref={opener} onClick={() => setOpen(canDecide ? 'decide' : 'revise')}>
            {canDecide ? t('makeDecision') : t('revise')}
          </button>
          {c.replyDue !== null && (
            <>
              {' '}
              <span className="reply-due" data-reply-due>
                <WholeDates>{t('replyDue', { date: date(c.replyDue) })}</WholeDates>
              </span>
            </>
          )}
        </p>
      )}
      {open && (
        <DecisionDialog
          {...props}
          revise={open === 'revise'}
          onClose={() => {
            setOpen(null)
            // Focus back to the button that opened the dialog (or the heading if it went away).
            window.setTimeout(() => (opener.current ?? document.getElementById('decision-title'))?.focus(), 0)
          }}
        />
      )}

      {canApprove && d && <LetterPreview caseId={c.id} letterLocale={d.letterLocale} />}
      {canApprove && <Approval {...props} />}
      {ownWork.length > 0 && <p className="muted">{t(ownWork.includes('decidedBy') ? 'cannotApproveOwn' : 'cannotApproveAssessed')}</p>}

      {d && c.status === 'decided' && <Letters detail={c} />}

      {c.decisionHistory.length > 0 && (
        <div className="decision__history">
          <h3>{t('decisionHistory')}</h3>
          <ul className="plain">
            {c.decisionHistory.map((old) => (
              <li key={old.id}>
                <p className="decision__replaced-on">
                  <WholeDates>{t('decisionReplacedOn', { at: date(old.supersededAt) })}</WholeDates>
                </p>
                <DecisionText decision={old} history={c.decisionHistory} programme={c.programme} />
                <ReplacedLetters caseId={c.id} decision={old} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** The day a decision took effect: its second signature, or its own signing. */
const signedOn = (d: Decision): string => d.approvedAt ?? d.decidedAt

/** Which decision a correction or reconsideration replaces: its date, outcome and amount. */
function Replaces(props: { decision: Decision; history: CaseDetail['decisionHistory'] }): ReactNode {
  const { t, e, money, date } = useI18n()
  const old = props.decision.refersTo === null ? undefined : props.history.find((h) => h.id === props.decision.refersTo)
  if (old === undefined) return null
  const outcome = `${e('decided', old.kind)}${old.amount !== null && old.kind !== 'deny' ? ` ${money(old.amount)}` : ''}`
  return (
    <p className="small" data-replaces>
      <WholeDates>{t('decisionReplaces', { date: date(signedOn(old)), decision: outcome })}</WholeDates>
    </p>
  )
}

/** A decision in words: its basis and the decision it replaces, kind and amount, reasons, overrides or cited rules, and who signed. */
function DecisionText({
  decision: d,
  history,
  programme,
}: {
  decision: Decision
  history: CaseDetail['decisionHistory']
  programme: string
}): ReactNode {
  const { t, e, loc, money, dateTime } = useI18n()
  const max = useProgrammes()?.find((p) => p.id === programme)?.maxAmount ?? null
  return (
    <>
      {d.basis !== 'original' && <p className="small">{e('basis', d.basis)}</p>}
      <Replaces decision={d} history={history} />
      <p className="decision__kind">
        {e('decided', d.kind)}
        {d.amount !== null && d.kind !== 'deny' ? `: ${money(d.amount)}` : ''}
        {d.amount !== null && d.kind !== 'deny' && max !== null && d.amount > max && (
          <strong className="decision__over-max"> – {t('decisionOverMaxShown', { max: money(max) })}</strong>
        )}
      </p>
      <p className="decision__reasons">{d.reasons}</p>
      {d.overrides.length > 0 && (
        <>
          <p className="small">{t('decisionOverridesShown')}</p>
          <ul className="small">
            {d.overrides.map((o) => (
              <li key={o.rule.id}>
                <strong>{loc(o.rule.heading)}:</strong> {o.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.citedRules.length > 0 && (
        <p className="small">
          {t('decisionCites')} {d.citedRules.map((r) => loc(r.heading)).join(', ')}
        </p>
      )}
      <p className="small muted">
        <WholeDates>{t('decidedBy', { name: d.decidedBy ?? t('unknownOfficer'), at: dateTime(d.decidedAt) })}</WholeDates>
      </p>
      {d.approvedAt && (
        <p className="small muted">
          <WholeDates>{t('approvedBy', { name: d.approvedBy ?? t('unknownOfficer'), at: dateTime(d.approvedAt) })}</WholeDates>
        </p>
      )}
    </>
  )
}

function Letters(props: { detail: CaseDetail }): ReactNode {
  const { t } = useI18n()
  const base = `/api/cases/${encodeURIComponent(props.detail.id)}/letter`
  return (
    <div className="letters">
      <h3>{t('letters')}</h3>
      <LetterLinks
        base={base}
        first={props.detail.decision?.letterLocale ?? 'sv'}
        linkName={(l) => t('letterIn', { language: t(`lang_${l}`) })}
        web={t('letterWeb')}
        marker="data-letter"
      />
    </div>
  )
}

/**
 * The letter a replaced decision was issued with (frozen at its signing), in both languages (its own
 * first), named for screen readers by the day it was replaced. Lines, not a list: the entry is one item of the history.
 */
function ReplacedLetters(props: { caseId: string; decision: CaseDetail['decisionHistory'][number] }): ReactNode {
  const { t, date } = useI18n()
  const d = props.decision
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/letter?decision=${encodeURIComponent(d.id)}`
  const langs: Lang[] = d.letterLocale === 'en' ? ['en', 'sv'] : ['sv', 'en']
  return (
    <div className="letters" data-replaced-letters>
      {langs.map((l) => {
        const name = t('replacedLetterIn', { at: date(d.supersededAt), language: t(`lang_${l}`) })
        return (
          <p key={l} className="small">
            <span className="letters__lang" lang={l}>
              {ENDONYMS[l]}
            </span>{' '}
            <a href={withQuery(base, { lang: l, format: 'html' })} hrefLang={l} data-replaced-letter={`${l}-html`}>
              <span className="visually-hidden">{name} </span>
              {t('letterWeb')}
            </a>
            {' · '}
            <a href={withQuery(base, { lang: l, format: 'pdf' })} hrefLang={l} type="application/pdf" data-replaced-letter={`${l}-pdf`}>
              <span className="visually-hidden">{name} </span>
              PDF
            </a>
          </p>
        )
      })}
    </div>
  )
}

function Approval(props: CaseProps): ReactNode {
  const { t, e } = useI18n()
  const announce = useAnnounce()
  const form = useForm('approval', { onConflict: () => void props.reload() })
  const [comment, setComment] = useState('')
  // Approving makes the decision final, so it asks first (as deciding does); sending back does not.
  const [confirming, setConfirming] = useState(false)
  const send = async (approve: boolean) => {
    const detail = await form.submit(() =>
      api<CaseDetail>(`/api/cases/${encodeURIComponent(props.detail.id)}/approval`, {
        json: { approve, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      }),
    )
    setConfirming(false)
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
        setConfirming(true)
      }}
    >
      {confirming && (
        <ConfirmDialog
          title={t('approveConfirmTitle')}
          confirmLabel={t('approveConfirm')}
          busy={form.busy}
          onConfirm={() => void send(true)}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('approveConfirmBody')}</p>
        </ConfirmDialog>
      )}
      <h3 id="approval-title">{t('approvalSection')}</h3>
      <p>{t('approvalIntro')}</p>
      <ErrorSummary form={form} fields={['approve', 'comment']} title={t('approvalFailed')} />
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
