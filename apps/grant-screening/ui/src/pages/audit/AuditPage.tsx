import {
  api,
  isApiError,
  type Problem,
  Loading,
  PageHeading,
  ProblemMessage,
  ErrorSummary,
  Field,
  useForm,
  useAnnounce,
  href,
  navigate,
  type Route,
  ScrollRegion,
} from '@vbe/web-kit'
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { caseHref } from '../../router'
import type { AuditVerification } from '../../types'
import type { LabelledAuditEvent as AuditEvent } from '@vbe/server-kit'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS } from './action-labels'
import { DistrictName } from '../../lists'

const LIMITS = ['50', '100', '200', '500'] as const

const actionLabel = (action: string, loc: (text: { sv: string; en: string }) => string): string | null => {
  const label = AUDIT_ACTION_LABELS[action]
  return label ? loc(label) : null
}

/** The event's entity as a person knows it: a case by its diarienummer (and a link), anything else by its type. Never its id. */
function EntityCell(props: { ev: AuditEvent }): ReactNode {
  const { t, loc } = useI18n()
  const { ev } = props
  if (ev.entityType === 'case') {
    const name = ev.entityLabel ?? t('auditCaseWithoutNumber')
    return (
      <>
        <span className="block">{ev.entityLabel ? t('auditCaseNumbered', { number: ev.entityLabel }) : name}</span>
        <a href={caseHref(ev.entityId)} aria-label={t('auditOpenCaseNamed', { case: name })}>
          {t('auditOpenCase')}
        </a>
      </>
    )
  }
  const type = AUDIT_ENTITY_TYPE_LABELS[ev.entityType]
  const typeLabel = type ? loc(type) : t('auditOtherEntity')
  return <>{ev.entityLabel ? `${typeLabel}: ${ev.entityLabel}` : typeLabel}</>
}

/** The audit trail (auditor, admin): events newest first, filter by case, page back, and verify the hash chain. */
export function AuditPage(props: { route: Route }): ReactNode {
  const { t, dateTime, loc } = useI18n()
  const announce = useAnnounce()
  const filterForm = useForm('audit')
  const verifyForm = useForm('verify')
  const entityId = props.route.params.get('entityId') ?? ''
  const reference = props.route.params.get('reference') ?? ''
  const limit = props.route.params.get('limit') ?? '100'
  const [draftReference, setDraftReference] = useState(reference)
  const [draftLimit, setDraftLimit] = useState(limit)
  const [events, setEvents] = useState<AuditEvent[] | null>(null)
  const [more, setMore] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [verification, setVerification] = useState<AuditVerification | null>(null)

  // A new filter in the URL: reset the list and the form to it while rendering (not in the effect).
  const queryKey = `${entityId}\u0000${reference}\u0000${limit}`
  const [shownKey, setShownKey] = useState(queryKey)
  if (shownKey !== queryKey) {
    setShownKey(queryKey)
    setEvents(null)
    setProblem(null)
    setDraftReference(reference)
    setDraftLimit(limit)
  }

  const fetchEvents = useCallback(
    (before?: number) =>
      api<{ events: AuditEvent[] }>('/api/audit', { query: reference ? { reference, limit, before } : { entityId, limit, before } }),
    [entityId, reference, limit],
  )

  useEffect(() => {
    let live = true
    fetchEvents()
      .then((r) => {
        if (!live) return
        setEvents(r.events)
        setMore(r.events.length >= Number(limit))
      })
      .catch((e: unknown) => live && setProblem(isApiError(e) ? e.problem : { status: 0, detail: String(e) }))
    return () => {
      live = false
    }
  }, [fetchEvents, limit])

  const older = async () => {
    const last = events?.[events.length - 1]
    if (!last) return
    const r = await filterForm.submit(() => fetchEvents(last.seq))
    if (r) {
      setEvents((e) => [...(e ?? []), ...r.events])
      setMore(r.events.length >= Number(limit))
      announce(t('auditCaption', { count: (events?.length ?? 0) + r.events.length }))
    }
  }

  const verify = async () => {
    setVerification(null)
    const r = await verifyForm.submit(() => api<AuditVerification>('/api/audit/verify'))
    if (r) {
      // The result region below is role="status": it announces the result itself.
      setVerification(r)
    }
  }

  const onFilter = (ev: FormEvent) => {
    ev.preventDefault()
    navigate(href('/audit', { reference: draftReference.trim(), limit: draftLimit === '100' ? '' : draftLimit }))
  }

  return (
    <>
      <PageHeading>{t('auditTitle')}</PageHeading>
      <p className="lead">{t('auditIntro')}</p>

      <div className="audit-tools">
        <section className="card" aria-labelledby="verify-title">
          <h2 id="verify-title" className="h-small">
            {t('verifyChain')}
          </h2>
          <ErrorSummary form={verifyForm} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => void verify()}
            aria-disabled={verifyForm.busy || undefined}
          >
            {verifyForm.busy ? t('verifying') : t('verifyChain')}
          </button>
          <div role="status" className="verify-result">
            {verification && (
              <div className={`notice ${verification.ok ? 'notice--ok' : 'notice--error'}`}>
                <p>
                  {verification.ok
                    ? t('verifyOk', { checked: verification.checked })
                    : t('verifyFailed', { count: verification.problems.length, checked: verification.checked })}
                </p>
                {verification.problems.length > 0 && (
                  <ul>
                    {verification.problems.map((p, i) => (
                      <li key={i}>{p.seq === null ? p.problem : t('verifyProblem', { seq: p.seq, problem: p.problem })}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        </section>

        <section className="card" aria-labelledby="audit-filter-title">
          <h2 id="audit-filter-title" className="h-small">
            {t('filters')}
          </h2>
          <form onSubmit={onFilter} className="filters__form">
            <Field form={filterForm} name="reference" label={t('auditFilterCaseNumber')}>
              {(p) => <input {...p} type="text" value={draftReference} onChange={(ev) => setDraftReference(ev.currentTarget.value)} />}
            </Field>
            <Field form={filterForm} name="limit" label={t('auditLimit')}>
              {(p) => (
                <select {...p} value={draftLimit} onChange={(ev) => setDraftLimit(ev.currentTarget.value)}>
                  {LIMITS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="filters__buttons">
              <button type="submit" className="button button--secondary">
                {t('auditShow')}
              </button>
            </div>
          </form>
        </section>
      </div>

      <ErrorSummary form={filterForm} />
      {problem ? (
        <ProblemMessage problem={problem} />
      ) : !events ? (
        <Loading />
      ) : (
        <>
          <ScrollRegion labelledBy="audit-caption">
            <table className="table table--compact">
              <caption id="audit-caption">{t('auditCaption', { count: events.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('colSeq')}
                  </th>
                  <th scope="col">{t('colAt')}</th>
                  <th scope="col">{t('colAuditActor')}</th>
                  <th scope="col">{t('colAction')}</th>
                  <th scope="col">{t('colEntity')}</th>
                  <th scope="col">{t('colDistrict')}</th>
                </tr>
              </thead>
              <tbody>
                {events.length === 0 ? (
                  <tr>
                    <td colSpan={6}>{t('auditEmpty')}</td>
                  </tr>
                ) : (
                  events.map((ev) => (
                    <tr key={ev.seq}>
                      <th scope="row" className="num">
                        {ev.seq}
                      </th>
                      <td className="nowrap">{dateTime(ev.at)}</td>
                      <td>{ev.actorName ?? t('auditRemovedUser')}</td>
                      <td>
                        {actionLabel(ev.action, loc) ?? t('auditOtherAction')}
                        {ev.erasedBy != null && <span className="block small muted">{t('erasedEvent', { seq: ev.erasedBy })}</span>}
                      </td>
                      <td>
                        <EntityCell ev={ev} />
                      </td>
                      <td>{ev.district ? <DistrictName id={ev.district} /> : '–'}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </ScrollRegion>
          {more && (
            <p>
              <button type="button" className="button button--secondary" onClick={() => void older()}>
                {t('auditOlder')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  )
}
