import {
  SortableTable,
  api,
  isApiError,
  type Problem,
  Loading,
  PageHeading,
  ProblemMessage,
  DateField,
  Field,
  useForm,
  useAnnounce,
  WholeDates,
  href,
  navigate,
  type Route,
} from '@vbe/web-kit'
import { useEffect, useEffectEvent, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { Badge } from '../../components/badges'
import { useI18n } from '../../i18n'
import { caseHref } from '../../router'
import { OUTCOMES, STATUSES, type CaseSummary, type Programme, type User } from '../../types'
import { useProgrammes } from '../../lists'

const FILTERS = ['status', 'programme', 'outcome', 'dueBefore', 'q'] as const
type Filters = Record<(typeof FILTERS)[number], string>

export function QueuePage(props: { route: Route; user: User }): ReactNode {
  const { t, e, loc, money, date, dateTime } = useI18n()
  const announce = useAnnounce()
  const form = useForm('filters')
  const programmes = useProgrammes()
  const appliedKey = FILTERS.map((k) => props.route.params.get(k) ?? '').join('\u0000')
  // One object per distinct set of filters, so the fetch below runs only when they change.
  const applied = useMemo(() => {
    const values = appliedKey.split('\u0000')
    return Object.fromEntries(FILTERS.map((k, i) => [k, values[i] ?? ''])) as Filters
  }, [appliedKey])
  const [draft, setDraft] = useState<Filters>(applied)
  const [cases, setCases] = useState<readonly CaseSummary[] | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)

  // New filters in the URL: reset the form and the list to them while rendering (not in the effect).
  const [shownFilters, setShownFilters] = useState(applied)
  if (shownFilters !== applied) {
    setShownFilters(applied)
    setDraft(applied)
    setCases(null)
    setProblem(null)
  }

  // Announces a filtered result in the current language, without refetching when the language changes.
  const announceFound = useEffectEvent((count: number) => {
    if (FILTERS.some((k) => applied[k])) announce(t('casesFound', { count }))
  })

  useEffect(() => {
    let live = true
    api<{ items: CaseSummary[]; total?: number }>('/api/cases', { query: applied })
      .then((r) => {
        if (!live) return
        setCases(r.items)
        setTotal(typeof r.total === 'number' ? r.total : null)
        announceFound(r.items.length)
      })
      .catch((err: unknown) => live && setProblem(isApiError(err) ? err.problem : { status: 0, detail: String(err) }))
    return () => {
      live = false
    }
  }, [applied])

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
      {/* Importing is in the main menu; the heading repeats no link of it. */}
      <PageHeading>{t('queueTitle')}</PageHeading>
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
          <DateField
            form={form}
            name="dueBefore"
            label={t('filterDueBefore')}
            value={draft.dueBefore}
            onChange={(v) => setDraft((d) => ({ ...d, dueBefore: v }))}
          />
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
        <SortableTable
          caption={
            total !== null && total > cases.length
              ? t('casesCaptionOf', { count: cases.length, total })
              : t('casesCaption', { count: cases.length })
          }
          rows={cases}
          rowKey={(c) => c.id}
          empty={t('noCases')}
          cards
          columns={[
            {
              id: 'association',
              header: t('colAssociation'),
              rowHeader: true,
              sortValue: (c) => c.associationName,
              cell: (c) => (
                <>
                  <a href={caseHref(c.id)}>{c.associationName}</a>
                  <span className="muted small block">{c.applicationRef ?? c.id}</span>
                </>
              ),
            },
            {
              id: 'programme',
              header: t('colProgramme'),
              sortValue: (c) => programmeName(c.programme),
              cell: (c) => programmeName(c.programme),
            },
            {
              id: 'amount',
              header: t('colAmount'),
              numeric: true,
              sortValue: (c) => c.amountRequested,
              cell: (c) => money(c.amountRequested),
            },
            {
              id: 'outcome',
              header: t('colOutcome'),
              sortValue: (c) => e('outcome', c.outcome),
              cell: (c) => (
                <>
                  <Badge kind="outcome" value={c.outcome} />
                  {/* "Requires assessment" says it already; the flag adds it only to another outcome (ineligible on a democracy finding). */}
                  {c.humanDecisionRequired && c.outcome !== 'requires_assessment' && <span className="flag">{t('humanDecision')}</span>}
                </>
              ),
            },
            {
              id: 'status',
              header: t('colStatus'),
              sortValue: (c) => e('status', c.status),
              cell: (c) => <Badge kind="status" value={c.status} />,
            },
            {
              id: 'reportDue',
              header: t('colReportDue'),
              sortValue: (c) => c.reportDue ?? '',
              cell: (c) => (
                <>
                  <WholeDates>{date(c.reportDue)}</WholeDates>
                  {c.reportReceivedOn && (
                    <span className="muted small block">
                      <WholeDates>{t('reportReceived', { date: date(c.reportReceivedOn) })}</WholeDates>
                    </span>
                  )}
                </>
              ),
            },
            { id: 'updated', header: t('colUpdated'), sortValue: (c) => c.updatedAt, cell: (c) => dateTime(c.updatedAt) },
          ]}
        />
      )}
    </>
  )
}
