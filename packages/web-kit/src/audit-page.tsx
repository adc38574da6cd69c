import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { api, isApiError } from './api.js'
import {
  auditEventVersion,
  type AuditEntityKind,
  type AuditEventRow,
  type AuditPageLabels,
  type AuditVerification,
} from './audit-labels.js'
import { AuditVerifyCard } from './audit-verify.js'
import { ErrorSummary, Field, useForm } from './forms.js'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'
import { fill } from './messages.js'
import { Loading, Notice, PageHeading, ProblemMessage } from './page.js'
import { href, navigate, type Route } from './router.js'
import { ScrollRegion } from './table.js'
import type { Problem } from './types.js'

/** The hash route of the audit page (`#/audit`) in both apps. */
export const AUDIT_PATH = '/audit'

const LIMITS = ['50', '100', '200', '500'] as const

/**
 * The link to the audit page filtered to one entity: by the reference people know it by
 * (a diarienummer, a plan's district and year), which the page's filter field then shows;
 * by its id only when it has no such reference.
 */
export const auditHref = (entity: { reference: string | null; entityId: string }): string =>
  href(AUDIT_PATH, entity.reference ? { reference: entity.reference } : { entityId: entity.entityId })

/** The event's entity as a person knows it: its kind and label (never its id), its version where it has one, and a link. */
function EntityCell(props: { ev: AuditEventRow; kind: AuditEntityKind | undefined }): ReactNode {
  const { t, loc } = useKitI18n()
  const { ev, kind } = props
  const label = ev.entityLabel
  if (!kind) return <>{label ? `${t('auditOtherEntity')}: ${label}` : t('auditOtherEntity')}</>
  const shown = label ? (kind.named ? fill(loc(kind.named), { label }) : `${loc(kind.type)}: ${label}`) : loc(kind.unnamed ?? kind.type)
  const version = kind.versioned ? auditEventVersion(ev) : null
  const text = version === null ? shown : `${shown}, ${t('auditVersion', { version })}`
  if (!kind.link) return <>{text}</>
  return (
    <>
      <span className="block">{text}</span>
      <a href={kind.link.href(ev.entityId)} aria-label={fill(loc(kind.link.named), { name: label ?? loc(kind.unnamed ?? kind.type) })}>
        {loc(kind.link.text)}
      </a>
    </>
  )
}

/**
 * The audit trail, the same page in both staff apps (admins and auditors): events newest
 * first with who (display name), what (the app's label of the action), which entity (its
 * label, never its id) and district; a filter by the reference people know an entity by,
 * paging back, and the verification of the hash chain. What is app-specific comes in
 * `labels`. `?reference=` prefills the filter; `?entityId=` (an entity without a reference)
 * says the list is narrowed and offers all events. `initial` renders without fetching (stories).
 */
export function AuditPage(props: {
  route: Route
  labels: AuditPageLabels
  /** A district's name, as the shell shows it. */
  district: (id: string) => ReactNode
  initial?: { readonly events: readonly AuditEventRow[]; readonly verification?: AuditVerification }
}): ReactNode {
  const { t, dateTime, loc } = useKitI18n()
  const { labels, initial } = props
  const announce = useAnnounce()
  const filterForm = useForm('audit')
  const setFilterProblem = filterForm.setProblem
  const entityId = props.route.params.get('entityId') ?? ''
  const reference = props.route.params.get('reference') ?? ''
  const limit = props.route.params.get('limit') ?? '100'
  const [draftReference, setDraftReference] = useState(reference)
  const [draftLimit, setDraftLimit] = useState(limit)
  const [events, setEvents] = useState<readonly AuditEventRow[] | null>(initial?.events ?? null)
  const [more, setMore] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  // A new filter in the URL: reset the list and the form to it while rendering (not in the effect).
  const queryKey = `${entityId}\u0000${reference}\u0000${limit}`
  const [shownKey, setShownKey] = useState(queryKey)
  if (shownKey !== queryKey) {
    setShownKey(queryKey)
    setEvents(initial?.events ?? null)
    setProblem(null)
    setFilterProblem(null)
    setDraftReference(reference)
    setDraftLimit(limit)
  }

  const fetchEvents = useCallback(
    (before?: number) =>
      api<{ events: AuditEventRow[] }>('/api/audit', { query: reference ? { reference, limit, before } : { entityId, limit, before } }),
    [entityId, reference, limit],
  )

  useEffect(() => {
    if (initial) return
    let live = true
    fetchEvents()
      .then((r) => {
        if (!live) return
        setEvents(r.events)
        setMore(r.events.length >= Number(limit))
      })
      .catch((e: unknown) => {
        if (!live) return
        // A filter the server refuses (a reference nothing has): the error at its field, linked from the summary.
        if (isApiError(e) && e.status === 400) setFilterProblem(e.problem)
        else setProblem(isApiError(e) ? e.problem : { status: 0, detail: String(e) })
      })
    return () => {
      live = false
    }
  }, [fetchEvents, limit, initial, setFilterProblem])

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

  // An actor without a user: the system or a seed in words, else a user that has been removed (never the username).
  const actorWord = (actor: string) => {
    const word = labels.actors?.[actor]
    return word ? loc(word) : t('auditRemovedUser')
  }

  const onFilter = (ev: FormEvent) => {
    ev.preventDefault()
    navigate(href(AUDIT_PATH, { reference: draftReference.trim(), limit: draftLimit === '100' ? '' : draftLimit }))
  }

  return (
    <>
      <PageHeading>{t('auditTitle')}</PageHeading>
      <p className="lead">{labels.intro ? loc(labels.intro) : t('auditIntro')}</p>

      <div className="audit-tools">
        <AuditVerifyCard {...(initial?.verification ? { initial: initial.verification } : {})} />

        <section className="card" aria-labelledby="audit-filter-title">
          <h2 id="audit-filter-title" className="h-small">
            {t('auditFilters')}
          </h2>
          <form onSubmit={onFilter} className="audit-filter">
            <Field
              form={filterForm}
              name="reference"
              label={loc(labels.reference.label)}
              {...(labels.reference.hint ? { hint: loc(labels.reference.hint) } : {})}
            >
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
            <div className="audit-filter__buttons">
              <button type="submit" className="button button--secondary">
                {t('auditShow')}
              </button>
            </div>
          </form>
        </section>
      </div>

      {entityId && !reference && (
        <Notice tone="info">
          <p>
            {t('auditOneEntity')} <a href={href(AUDIT_PATH)}>{t('auditShowAll')}</a>
          </p>
        </Notice>
      )}
      <ErrorSummary form={filterForm} fields={['reference', 'limit']} title={t('auditFilterFailed')} />
      {problem ? (
        <ProblemMessage problem={problem} />
      ) : !events ? (
        filterForm.problem ? null : (
          <Loading />
        )
      ) : (
        <>
          <ScrollRegion labelledBy="audit-caption">
            <table className="table table--compact">
              <caption id="audit-caption">{t('auditCaption', { count: events.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('auditColSeq')}
                  </th>
                  <th scope="col">{t('auditColAt')}</th>
                  <th scope="col">{t('auditColActor')}</th>
                  <th scope="col">{t('auditColAction')}</th>
                  <th scope="col">{t('auditColEntity')}</th>
                  <th scope="col">{t('auditColDistrict')}</th>
                </tr>
              </thead>
              <tbody>
                {events.length === 0 ? (
                  <tr>
                    <td colSpan={6}>{t('auditEmpty')}</td>
                  </tr>
                ) : (
                  events.map((ev) => {
                    const action = labels.actions[ev.action]
                    return (
                      <tr key={ev.seq}>
                        <th scope="row" className="num">
                          {ev.seq}
                        </th>
                        <td className="nowrap">{dateTime(ev.at)}</td>
                        <td>{ev.actorName ?? actorWord(ev.actor)}</td>
                        <td>
                          {action ? loc(action) : t('auditOtherAction')}
                          {ev.erasedBy != null && <span className="block small muted">{t('auditErasedEvent', { seq: ev.erasedBy })}</span>}
                        </td>
                        <td>
                          <EntityCell ev={ev} kind={labels.entities[ev.entityType]} />
                        </td>
                        <td>{ev.district ? props.district(ev.district) : '–'}</td>
                      </tr>
                    )
                  })
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
