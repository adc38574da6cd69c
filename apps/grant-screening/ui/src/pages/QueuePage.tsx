import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { api, isApiError, type Problem } from '../api'
import { hasRole } from '../roles'
import { Badge, Loading, PageHeading, ProblemMessage } from '../components/common'
import { Field, useForm } from '../components/forms'
import { useAnnounce } from '../components/live'
import { useI18n } from '../i18n'
import { caseHref, href, navigate, type Route } from '../router'
import { OUTCOMES, STATUSES, type CaseSummary, type Programme, type User } from '../types'
import { useProgrammes } from './lists'

const FILTERS = ['status', 'programme', 'outcome', 'dueBefore', 'q'] as const
type Filters = Record<(typeof FILTERS)[number], string>

export function QueuePage(props: { route: Route; user: User }): ReactNode {
  const { t, e, loc, money, date, dateTime } = useI18n()
  const announce = useAnnounce()
  const form = useForm('filters')
  const programmes = useProgrammes()
  const applied: Filters = Object.fromEntries(FILTERS.map((k) => [k, props.route.params.get(k) ?? ''])) as Filters
  const appliedKey = FILTERS.map((k) => applied[k]).join('\u0000')
  const [draft, setDraft] = useState<Filters>(applied)
  const [cases, setCases] = useState<readonly CaseSummary[] | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)

  useEffect(() => {
    setDraft(applied)
    let live = true
    setCases(null)
    setProblem(null)
    api<{ items: CaseSummary[]; total?: number }>('/api/cases', { query: applied })
      .then((r) => {
        if (!live) return
        setCases(r.items)
        setTotal(typeof r.total === 'number' ? r.total : null)
        if (FILTERS.some((k) => applied[k])) announce(t('casesFound', { count: r.items.length }))
      })
      .catch((err: unknown) => live && setProblem(isApiError(err) ? err.problem : { status: 0, detail: String(err) }))
    return () => {
      live = false
    }
  }, [appliedKey])

  const programmeName = (id: string) => {
    const p = programmes?.find((x) => x.id === id)
    return p ? loc(p.name) : id
  }

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault()
    navigate(href('/', draft))
  }
  const set = (k: keyof Filters) => (ev: { currentTarget: { value: string } }) => {
    const value = ev.currentTarget.value
    setDraft((d) => ({ ...d, [k]: value }))
  }

  return (
    <>
      <PageHeading
        sub={
          hasRole(props.user, 'officer', 'admin') ? (
            <p className="page-heading__actions">
              <a className="button button--secondary" href={href('/import')}>
                {t('nav_import')}
              </a>
            </p>
          ) : undefined
        }
      >
        {t('queueTitle')}
      </PageHeading>
      <p className="lead">{t('queueIntro')}</p>

      <section aria-labelledby="filters-title" className="filters card">
        <h2 id="filters-title" className="h-small">
          {t('filters')}
        </h2>
        <form onSubmit={onSubmit} className="filters__form">
          <Field form={form} name="status" label={t('filterStatus')}>
            {(p) => (
              <select {...p} value={draft.status} onChange={set('status')}>
                <option value="">{t('filterAll')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {e('status', s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="programme" label={t('filterProgramme')}>
            {(p) => (
              <select {...p} value={draft.programme} onChange={set('programme')}>
                <option value="">{t('filterAll')}</option>
                {(programmes ?? []).map((pr: Programme) => (
                  <option key={pr.id} value={pr.id}>
                    {loc(pr.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="outcome" label={t('filterOutcome')}>
            {(p) => (
              <select {...p} value={draft.outcome} onChange={set('outcome')}>
                <option value="">{t('filterAll')}</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {e('outcome', o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field form={form} name="dueBefore" label={t('filterDueBefore')}>
            {(p) => <input {...p} type="date" value={draft.dueBefore} onChange={set('dueBefore')} />}
          </Field>
          <Field form={form} name="q" label={t('filterSearch')} className="filters__search">
            {(p) => <input {...p} type="search" value={draft.q} onChange={set('q')} />}
          </Field>
          <div className="filters__buttons">
            <button type="submit" className="button button--primary">
              {t('applyFilters')}
            </button>
            <a className="button button--secondary" href={href('/')}>
              {t('clearFilters')}
            </a>
          </div>
        </form>
      </section>

      {problem ? (
        <ProblemMessage problem={problem} />
      ) : !cases ? (
        <Loading />
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="cases-caption" tabIndex={0}>
          <table className="table">
            <caption id="cases-caption">
              {total !== null && total > cases.length ? t('casesCaptionOf', { count: cases.length, total }) : t('casesCaption', { count: cases.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('colAssociation')}</th>
                <th scope="col">{t('colProgramme')}</th>
                <th scope="col" className="num">
                  {t('colAmount')}
                </th>
                <th scope="col">{t('colOutcome')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colReportDue')}</th>
                <th scope="col">{t('colUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.length === 0 ? (
                <tr>
                  <td colSpan={7}>{t('noCases')}</td>
                </tr>
              ) : (
                cases.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={caseHref(c.id)}>{c.associationName}</a>
                      <span className="muted small block">{c.applicationRef ?? c.id}</span>
                    </th>
                    <td>{programmeName(c.programme)}</td>
                    <td className="num">{money(c.amountRequested)}</td>
                    <td>
                      <Badge kind="outcome" value={c.outcome} />
                      {c.humanDecisionRequired && <span className="flag">{t('humanDecision')}</span>}
                    </td>
                    <td>
                      <Badge kind="status" value={c.status} />
                    </td>
                    <td>
                      {date(c.reportDue)}
                      {c.reportReceivedOn && <span className="muted small block">{t('reportReceived', { date: date(c.reportReceivedOn) })}</span>}
                    </td>
                    <td>{dateTime(c.updatedAt)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
