import { api, hasRole, ErrorSummary, Field, RadioGroup, Submit, useForm, useAnnounce, Table, WholeDates } from '@vbe/web-kit'
import { useState, type FormEvent, type ReactNode } from 'react'
import { yesNo } from '../../components/badges'
import { useI18n } from '../../i18n'
import { ASSESSMENTS, type AssessmentStatus, type CaseDetail } from '../../types'
import { emptyEvidence, EVIDENCE_FIELDS, EvidenceFields, evidenceBody, type EvidenceInput } from '../../components/EvidenceFields'
import type { CaseProps } from './CasePage'

export function EvidenceSection(props: CaseProps): ReactNode {
  const { t, e, date } = useI18n()
  const evidence = props.detail.application.evidence ?? []
  const open = props.detail.status === 'new' || props.detail.status === 'in_review' || props.detail.status === 'awaiting_reply'
  const canAdd = hasRole(props.user, 'officer') && open
  const assessment = new Map(props.detail.evidenceAssessments.map((a) => [a.evidenceId, a] as const))
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('evidence')}</h2>
      <p className="muted">{t('evidenceIntro')}</p>
      {evidence.length === 0 ? (
        <p>{t('noEvidence')}</p>
      ) : (
        <Table
          caption={t('evidenceCaption')}
          cards
          rows={evidence.map((x, i) => ({ ...x, number: i + 1 }))}
          rowKey={(x) => x.id}
          columns={[
            { id: 'number', header: t('colEvidenceNumber'), rowHeader: true, cell: (x) => x.number },
            { id: 'conduct', header: t('colConduct'), cell: (x) => e('conduct', x.conduct) },
            {
              id: 'actor',
              header: t('colActor'),
              cell: (x) => (
                <>
                  {e('actor', x.actor)}
                  {x.representativeAge !== undefined && <span className="block small muted">{x.representativeAge}</span>}
                </>
              ),
            },
            { id: 'within', header: t('colWithin'), cell: (x) => yesNo(t, x.withinActivities) },
            { id: 'verified', header: t('colVerified'), cell: (x) => yesNo(t, x.verified) },
            { id: 'date', header: t('colDate'), cell: (x) => date(x.date) },
            {
              id: 'source',
              header: t('colSource'),
              cell: (x) => (
                <>
                  {e('source', x.source.kind)}
                  {x.source.reference && <span className="block small muted">{x.source.reference}</span>}
                </>
              ),
            },
            { id: 'summary', header: t('colSummary'), cell: (x) => x.summary ?? '' },
            { id: 'assessment', header: t('colAssessment'), cell: (x) => <Assessment assessment={assessment.get(x.id)} /> },
          ]}
        />
      )}
      {canAdd && evidence.length > 0 && <AssessEvidence {...props} />}
      {canAdd && <AddEvidence {...props} />}
    </section>
  )
}

/** An evidence item's assessment: its status, the reason, and who assessed it when. */
function Assessment(props: { assessment: CaseDetail['evidenceAssessments'][number] | undefined }): ReactNode {
  const { t, e, date } = useI18n()
  const a = props.assessment
  return (
    <>
      {e('assessment', a?.status ?? 'unassessed')}
      {a?.reason && <span className="block small">{a.reason}</span>}
      {a?.assessedBy && (
        <span className="block small muted">
          <WholeDates>{t('assessedBy', { name: a.assessedBy, at: date(a.assessedAt?.slice(0, 10) ?? null) })}</WholeDates>
        </span>
      )}
    </>
  )
}

function AddEvidence(props: CaseProps): ReactNode {
  const { t, e } = useI18n()
  const announce = useAnnounce()
  const form = useForm('evidence', { onConflict: () => void props.reload() })
  const [item, setItem] = useState<EvidenceInput>(emptyEvidence)

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    // The three required fields, asked for in words before sending: the API's answer for an empty
    // choice lists the codes it accepts ("violence, threat, …"), which no officer should have to read.
    const missing = [
      ...(item.date === '' ? [{ path: 'date', message: t('evidenceNeedsDate') }] : []),
      ...(item.conduct === '' ? [{ path: 'conduct', message: t('evidenceNeedsConduct') }] : []),
      ...(item.source === '' ? [{ path: 'source.kind', message: t('evidenceNeedsSource') }] : []),
    ]
    if (missing.length > 0) {
      form.setProblem({ status: 400, detail: t('evidenceIncomplete'), errors: missing })
      return
    }
    const url = `/api/cases/${encodeURIComponent(props.detail.id)}/evidence`
    const detail = await form.submit(() => api<CaseDetail>(url, { json: evidenceBody(item) }))
    if (detail) {
      props.onChange(detail)
      announce(t('evidenceAdded', { outcome: e('outcome', detail.outcome) }))
      setItem(emptyEvidence())
    }
  }

  return (
    <form className="subform" onSubmit={(ev) => void onSubmit(ev)} noValidate aria-labelledby="add-evidence-title">
      <h3 id="add-evidence-title">{t('addEvidence')}</h3>
      <ErrorSummary form={form} fields={EVIDENCE_FIELDS} />
      <EvidenceFields form={form} name={(field) => field} value={item} onChange={(patch) => setItem((x) => ({ ...x, ...patch }))} />
      <Submit form={form} label={t('addEvidenceButton')} />
    </form>
  )
}

/** An officer's assessment of one evidence item: not assessed, assessed and relevant, or dismissed with a reason. */
function AssessEvidence(props: CaseProps): ReactNode {
  const { t, e } = useI18n()
  const announce = useAnnounce()
  const form = useForm('assessment', { onConflict: () => void props.reload() })
  const evidence = props.detail.application.evidence ?? []
  const [item, setItem] = useState('')
  const [status, setStatus] = useState<AssessmentStatus | null>(null)
  const [reason, setReason] = useState('')
  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const missing = [
      ...(item === '' ? [{ path: 'item', message: t('assessmentLegend') }] : []),
      ...(status === null ? [{ path: 'status', message: t('assessmentLegend') }] : []),
    ]
    if (missing.length > 0) {
      form.setProblem({ status: 400, detail: missing[0]!.message, errors: missing })
      return
    }
    const body = { status, ...(reason.trim() ? { reason: reason.trim() } : {}) }
    const path = `/api/cases/${encodeURIComponent(props.detail.id)}/evidence/${encodeURIComponent(item)}/assessment`
    const detail = await form.submit(() => api<CaseDetail>(path, { method: 'PUT', json: body }))
    if (detail) {
      props.onChange(detail)
      announce(t('assessmentSaved'))
      setReason('')
    }
  }
  return (
    <form className="subform" onSubmit={(ev) => void onSubmit(ev)} noValidate aria-labelledby="assess-title">
      <h3 id="assess-title">{t('assessmentLegend')}</h3>
      <ErrorSummary form={form} fields={['item', 'status', 'reason']} />
      <Field form={form} name="item" label={t('evidence')} required>
        {(p) => (
          <select {...p} value={item} onChange={(ev) => setItem(ev.currentTarget.value)}>
            <option value="" disabled>
              –
            </option>
            {evidence.map((x, i) => (
              <option key={x.id} value={x.id}>
                {`${i + 1}. ${e('conduct', x.conduct)}, ${e('source', x.source.kind)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        form={form}
        name="status"
        legend={t('assessmentLegend')}
        value={status}
        onChange={setStatus}
        options={ASSESSMENTS.map((a) => ({ value: a, label: e('assessment', a) }))}
      />
      {status === 'dismissed' && (
        <Field form={form} name="reason" label={t('assessmentReason')} required>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} />}
        </Field>
      )}
      <Submit form={form} label={t('assessmentSubmit')} className="button button--secondary" />
    </form>
  )
}
