import { useState, type MutableRefObject } from 'react'
import { TERTIALS, type Indicator, type Tertial } from '@vbe/core/plans'
import { apiClient, DateField, problemText, Table, toProblemOf } from '@vbe/web-kit'
import type { PlanDetail } from '../../types'
import { useI18n } from '../../i18n'

/** A small line chart: the follow-up values T1–T3 against the baseline and the target. */
export function Chart({ indicator, id }: { indicator: Indicator; id: string }) {
  const { t } = useI18n()
  const values = TERTIALS.map((p) => indicator.followUps.find((f) => f.period === p)?.value)
  const all = [indicator.baseline?.value, indicator.target?.value, ...values].filter((v): v is number => typeof v === 'number')
  const W = 320
  const H = 140
  const pad = 28
  const min = Math.min(0, ...all)
  const max = Math.max(1, ...all) * 1.1
  const y = (v: number) => H - pad - ((v - min) / (max - min)) * (H - 2 * pad)
  const x = (i: number) => pad + 30 + i * ((W - 2 * pad - 40) / 2)
  const points = values
    .map((v, i) => (v === undefined ? null : ([x(i), y(v)] as const)))
    .filter((p): p is readonly [number, number] => p !== null)
  const desc = t('chartDesc', {
    b: indicator.baseline ? String(indicator.baseline.value) : '—',
    t: indicator.target ? String(indicator.target.value) : '—',
    v: TERTIALS.map((p, i) => `${p} ${values[i] ?? '—'}`).join(', '),
  })
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart">
      <title id={`${id}-t`}>{`${t('chartTitle')}: ${indicator.name}`}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line x1={pad} x2={W - 4} y1={H - pad} y2={H - pad} stroke="#333" />
      {indicator.baseline && (
        <g>
          <line
            x1={pad}
            x2={W - 4}
            y1={y(indicator.baseline.value)}
            y2={y(indicator.baseline.value)}
            stroke="#6b4e00"
            strokeDasharray="4 3"
          />
          <text x={2} y={y(indicator.baseline.value) - 3} fontSize="10" fill="#6b4e00">
            {t('baseline')} {indicator.baseline.value}
          </text>
        </g>
      )}
      {indicator.target && (
        <g>
          <line x1={pad} x2={W - 4} y1={y(indicator.target.value)} y2={y(indicator.target.value)} stroke="#0a5c2e" strokeDasharray="8 3" />
          <text x={2} y={y(indicator.target.value) - 3} fontSize="10" fill="#0a5c2e">
            {t('target')} {indicator.target.value}
          </text>
        </g>
      )}
      {points.length > 1 && <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke="#0b5cad" strokeWidth="2" />}
      {points.map(([px, py], i) => (
        <circle key={i} cx={px} cy={py} r="4" fill="#0b5cad" />
      ))}
      {TERTIALS.map((p, i) => (
        <text key={p} x={x(i) - 6} y={H - 10} fontSize="11" fill="#222">
          {p}
        </text>
      ))}
    </svg>
  )
}

/** What is typed for one tertial, and the outcome of the last save or removal. */
interface PeriodState {
  readonly value: string
  readonly date: string
  readonly note: string
  readonly msg: string | null
}

/**
 * One indicator's follow-up values, a row per tertial: value, date and note, saved or
 * removed one tertial at a time. Keyed by the plan's version by its caller, so what is
 * typed starts again from the saved plan after every change. On a phone each tertial is a card.
 */
function FollowUpTable({
  plan,
  activityId,
  indicator,
  captionId,
  version,
  onSaved,
  busy,
}: {
  busy: boolean
  plan: PlanDetail
  activityId: string
  indicator: Indicator
  captionId: string
  version: MutableRefObject<number>
  onSaved: (p: PlanDetail) => void
}) {
  const { t } = useI18n()
  const saved = (period: Tertial) => indicator.followUps.find((f) => f.period === period)
  const [state, setState] = useState<Readonly<Record<Tertial, PeriodState>>>(() => {
    const initial = (period: Tertial): PeriodState => {
      const current = saved(period)
      return { value: current ? String(current.value) : '', date: current?.date ?? '', note: current?.note ?? '', msg: null }
    }
    return { T1: initial('T1'), T2: initial('T2'), T3: initial('T3') }
  })
  const set = (period: Tertial, change: Partial<PeriodState>) => setState((s) => ({ ...s, [period]: { ...s[period], ...change } }))
  const send = async (period: Tertial, method: 'PUT' | 'DELETE', done: string) => {
    const { value, date, note } = state[period]
    const path = `/api/plans/${plan.id}/activities/${encodeURIComponent(activityId)}/indicators/${encodeURIComponent(indicator.id)}/follow-ups/${period}`
    set(period, { msg: null })
    try {
      const { data } = await apiClient.requestWithEtag<PlanDetail>(path, {
        method,
        ...(method === 'PUT' ? { json: { value: value === '' ? null : Number(value), date, ...(note ? { note } : {}) } } : {}),
        ifMatch: version.current,
      })
      onSaved(data)
      set(period, method === 'DELETE' ? { value: '', date: '', note: '', msg: done } : { msg: done })
    } catch (e) {
      set(period, { msg: problemText(toProblemOf(e)) })
    }
  }
  const ro = !plan.can.followUp
  const q = (period: Tertial) => `fu-${activityId}-${indicator.id}-${period}`
  return (
    <Table
      caption={
        <>
          {t('baseline')}: {indicator.baseline ? `${indicator.baseline.value} (${indicator.baseline.date})` : '—'} · {t('target')}:{' '}
          {indicator.target ? `${indicator.target.value} (${indicator.target.date})` : '—'}
        </>
      }
      captionId={captionId}
      className="followup"
      cards
      rows={TERTIALS}
      rowKey={(period) => period}
      columns={[
        { id: 'period', header: t('period'), rowHeader: true, cell: (period) => period },
        {
          id: 'value',
          header: t('value'),
          cell: (period) => (
            <>
              <label htmlFor={`${q(period)}-v`} className="visually-hidden">{`${t('value')} ${period}`}</label>
              <input
                id={`${q(period)}-v`}
                type="number"
                value={state[period].value}
                readOnly={ro}
                onChange={(e) => set(period, { value: e.target.value })}
                size={6}
              />
            </>
          ),
        },
        {
          id: 'date',
          header: t('date'),
          cell: (period) => (
            <>
              <DateField
                id={`${q(period)}-d`}
                name="date"
                label={`${t('date')} ${period}`}
                labelHidden
                value={state[period].date}
                readOnly={ro}
                onChange={(date) => set(period, { date })}
              />
            </>
          ),
        },
        {
          id: 'note',
          header: t('note'),
          cell: (period) => (
            <>
              <label htmlFor={`${q(period)}-n`} className="visually-hidden">{`${t('note')} ${period}`}</label>
              <input
                id={`${q(period)}-n`}
                value={state[period].note}
                readOnly={ro}
                onChange={(e) => set(period, { note: e.target.value })}
              />
            </>
          ),
        },
        {
          id: 'actions',
          header: t('save'),
          headerHidden: true,
          actions: true,
          cell: (period) => (
            <>
              <div className="actions">
                {!ro && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    onClick={() => void send(period, 'PUT', t('save.saved'))}
                  >
                    {t('save')} {period}
                  </button>
                )}
                {!ro && saved(period) && (
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => void send(period, 'DELETE', t('removed'))}
                  >
                    {t('removeFollowUp')} {period}
                  </button>
                )}
              </div>
              <span role="status">{state[period].msg}</span>
            </>
          ),
        },
      ]}
    />
  )
}

export function FollowUp({
  plan,
  onSaved,
  version,
  busy,
}: {
  plan: PlanDetail
  onSaved: (p: PlanDetail) => void
  version: MutableRefObject<number>
  busy: boolean
}) {
  const { t } = useI18n()
  const inds = plan.document.activities.flatMap((a) => a.indicators.map((i) => ({ a, i })))
  return (
    <div>
      <h2>{t('tabFollowUp')}</h2>
      <p>{t('followUpIntro')}</p>
      {inds.length === 0 && <p>{t('noIndicators')}</p>}
      {inds.map(({ a, i }) => (
        <section key={`${a.id}-${i.id}`} className="card" aria-labelledby={`fuh-${a.id}-${i.id}`}>
          <h3 id={`fuh-${a.id}-${i.id}`}>
            {i.name}{' '}
            <span className="muted">
              ({t(`kind.${i.kind}`)}, {i.unit}; {a.title})
            </span>
          </h3>
          <div className="fu-grid">
            <Chart indicator={i} id={`chart-${a.id}-${i.id}`} />
            <FollowUpTable
              key={plan.version}
              busy={busy}
              plan={plan}
              activityId={a.id}
              indicator={i}
              captionId={`fuc-${a.id}-${i.id}`}
              version={version}
              onSaved={onSaved}
            />
          </div>
        </section>
      ))}
    </div>
  )
}
