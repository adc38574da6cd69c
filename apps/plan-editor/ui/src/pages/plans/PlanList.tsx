import {
  apiClient,
  ApiError,
  isApiError,
  ErrorSummary,
  Field,
  hasRole,
  Loading,
  PageHeading,
  ProblemMessage,
  RadioGroup,
  SortableTable,
  Submit,
  toProblemOf,
  useForm,
  type Problem,
  type User,
} from '@vbe/web-kit'
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { stockholmDay } from '@vbe/core/calendar'
import { CoverageSummary, PlanStatusBadge } from '../../components/plans'
import { useI18n } from '../../i18n'
import { countOf } from '../../messages/counts'
import type { PlanSummary } from '../../types'

/** The plans in the user's scope, and (for an officer with a district) the form that starts a new one. */
export function PlanList({ user }: { user: User }): ReactNode {
  const { t, e, dateTime } = useI18n()
  const [plans, setPlans] = useState<PlanSummary[] | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const load = useCallback(() => {
    apiClient
      .request<{ items: PlanSummary[] }>('/api/plans')
      .then((data) => setPlans(data.items))
      .catch((err: unknown) => setProblem(toProblemOf(err)))
  }, [])
  useEffect(load, [load])
  const canCreate = hasRole(user, 'officer') && user.district !== null
  return (
    <section>
      <PageHeading>{t('plans')}</PageHeading>
      {problem && <ProblemMessage problem={problem} />}
      {plans === null ? (
        !problem && <Loading />
      ) : plans.length === 0 ? (
        <p>{t('noPlans')}</p>
      ) : (
        <SortableTable
          caption={t('plans')}
          captionHidden
          cards
          rows={plans}
          rowKey={(p) => p.id}
          columns={[
            {
              id: 'plan',
              header: t('district'),
              rowHeader: true,
              sortValue: (p) => `${p.districtName} ${p.year}`,
              cell: (p) => (
                <a href={`#/plan/${p.id}`}>
                  {p.districtName} {p.year}
                </a>
              ),
            },
            { id: 'year', header: t('year'), numeric: true, sortValue: (p) => p.year, cell: (p) => p.year },
            {
              id: 'status',
              header: t('status'),
              sortValue: (p) => e('status', p.status, '.'),
              cell: (p) => <PlanStatusBadge status={p.status} />,
            },
            { id: 'coverage', header: t('coverage'), className: 'covsum', cell: (p) => <CoverageSummary coverage={p.coverage} /> },
            {
              id: 'findings',
              header: t('findings'),
              sortValue: (p) => p.findings.error * 1000 + p.findings.warning,
              cell: (p) => `${countOf(t, 'error', p.findings.error)} · ${countOf(t, 'warning', p.findings.warning)}`,
            },
            {
              id: 'updated',
              header: t('updated'),
              sortValue: (p) => p.updatedAt,
              // "2026-11-23 01:39 av Amina Yusuf"; the system's words carry their own brackets, so the name is not put in more.
              cell: (p) => t('updatedAtBy', { at: dateTime(p.updatedAt), by: p.updatedBy ?? t('systemActor') }),
            },
          ]}
        />
      )}
      {canCreate && <CreatePlan plans={plans ?? []} />}
    </section>
  )
}

function CreatePlan({ plans }: { plans: readonly PlanSummary[] }): ReactNode {
  const { t } = useI18n()
  const form = useForm('create')
  const [from, setFrom] = useState<'template' | 'revision'>('template')
  const [year, setYear] = useState(stockholmDay(new Date()).slice(0, 4))
  const [source, setSource] = useState('')
  const sourcePlanId = source || plans[0]?.id || ''
  const create = async (ev: FormEvent) => {
    ev.preventDefault()
    const body = from === 'template' ? { from, year: Number(year) } : { from, sourcePlanId, ...(year ? { year: Number(year) } : {}) }
    const created = await form.submit(async () => {
      try {
        return await apiClient.request<{ id: string }>('/api/plans', { json: body })
      } catch (err) {
        // The plan exists already: say which, by name, at the year, and offer the way to it when it is in the
        // list (else the server's words, which name it too: "Det finns redan en plan för Rinkeby-Kista 2017. …").
        if (!isApiError(err) || err.status !== 409) throw err
        const existing = plans.find((p) => p.id === currentId(err.problem.current))
        const detail = existing ? t('planExists', { plan: `${existing.districtName} ${existing.year}` }) : err.problem.detail
        throw new ApiError({ ...err.problem, detail, errors: [{ path: 'year', message: t('planExistsYear') }] })
      }
    })
    if (created) location.hash = `#/plan/${created.id}`
  }
  const existing = form.problem?.status === 409 ? plans.find((p) => p.id === currentId(form.problem?.current)) : undefined
  return (
    <form onSubmit={(ev) => void create(ev)} className="card" aria-labelledby="create-heading" noValidate>
      <h2 id="create-heading">{t('createPlan')}</h2>
      <ErrorSummary form={form} fields={['from', 'sourcePlanId', 'year']} title={t('createFailed')} />
      {existing && (
        <p>
          <a href={`#/plan/${existing.id}`}>{t('openPlan', { plan: `${existing.districtName} ${existing.year}` })}</a>
        </p>
      )}
      <RadioGroup
        form={form}
        name="from"
        legend={t('startFrom')}
        inline
        value={from}
        onChange={setFrom}
        options={[
          { value: 'template', label: t('fromTemplate') },
          { value: 'revision', label: t('fromRevision'), disabled: plans.length === 0 },
        ]}
      />
      {from === 'revision' && (
        <Field form={form} name="sourcePlanId" label={t('fromRevision')}>
          {(p) => (
            <select {...p} value={sourcePlanId} onChange={(ev) => setSource(ev.currentTarget.value)}>
              {plans.map((pl) => (
                <option key={pl.id} value={pl.id}>
                  {pl.districtName} {pl.year}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field form={form} name="year" label={t('year')}>
        {(p) => (
          <input
            {...p}
            className="input--short"
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(ev) => setYear(ev.currentTarget.value)}
          />
        )}
      </Field>
      <Submit form={form} label={t('create')} />
    </form>
  )
}

/** The id of the plan a 409 names as already there (`current: { id }`). */
function currentId(current: unknown): string | undefined {
  return current && typeof current === 'object' && 'id' in current && typeof current.id === 'string' ? current.id : undefined
}
