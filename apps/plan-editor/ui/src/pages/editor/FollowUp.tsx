import { useState, type MutableRefObject } from 'react'
import { TERTIALS, type Indicator, type Tertial } from '@vbe/core/plans'
import { apiClient, problemText, ScrollRegion, toProblemOf } from '@vbe/web-kit'
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

function PeriodRow({
  plan,
  activityId,
  indicator,
  period,
  version,
  onSaved,
  busy,
}: {
  busy: boolean
  plan: PlanDetail
  activityId: string
  indicator: Indicator
  period: Tertial
  version: MutableRefObject<number>
  onSaved: (p: PlanDetail) => void
}) {
  const { t } = useI18n()
  const current = indicator.followUps.find((f) => f.period === period)
  const [value, setValue] = useState(current ? String(current.value) : '')
  const [date, setDate] = useState(current?.date ?? '')
  const [note, setNote] = useState(current?.note ?? '')
  const [msg, setMsg] = useState<string | null>(null)
  const q = `fu-${activityId}-${indicator.id}-${period}`
  const path = `/api/plans/${plan.id}/activities/${encodeURIComponent(activityId)}/indicators/${encodeURIComponent(indicator.id)}/follow-ups/${period}`
  const send = async (method: 'PUT' | 'DELETE', done: string) => {
    setMsg(null)
    try {
      const { data } = await apiClient.requestWithEtag<PlanDetail>(path, {
        method,
        ...(method === 'PUT' ? { json: { value: value === '' ? null : Number(value), date, ...(note ? { note } : {}) } } : {}),
        ifMatch: version.current,
      })
      onSaved(data)
      if (method === 'DELETE') {
        setValue('')
        setDate('')
        setNote('')
      }
      setMsg(done)
    } catch (e) {
      setMsg(problemText(toProblemOf(e)))
    }
  }
  const ro = !plan.can.followUp
  return (
    <tr>
      <th scope="row">{period}</th>
      <td>
        <label htmlFor={`${q}-v`} className="visually-hidden">{`${t('value')} ${period}`}</label>
        <input id={`${q}-v`} type="number" value={value} readOnly={ro} onChange={(e) => setValue(e.target.value)} size={6} />
      </td>
      <td>
        <label htmlFor={`${q}-d`} className="visually-hidden">{`${t('date')} ${period}`}</label>
        <input id={`${q}-d`} type="date" value={date} readOnly={ro} onChange={(e) => setDate(e.target.value)} />
      </td>
      <td>
        <label htmlFor={`${q}-n`} className="visually-hidden">{`${t('note')} ${period}`}</label>
        <input id={`${q}-n`} value={note} readOnly={ro} onChange={(e) => setNote(e.target.value)} />
      </td>
      <td>
        <div className="actions">
          {!ro && (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void send('PUT', t('save.saved'))}>
              {t('save')} {period}
            </button>
          )}
          {!ro && current && (
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void send('DELETE', t('removed'))}>
              {t('removeFollowUp')} {period}
            </button>
          )}
        </div>
        <span role="status">{msg}</span>
      </td>
    </tr>
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
            <ScrollRegion labelledBy={`fuh-${a.id}-${i.id}`}>
              <table className="table followup">
                <caption>
                  {t('baseline')}: {i.baseline ? `${i.baseline.value} (${i.baseline.date})` : '—'} · {t('target')}:{' '}
                  {i.target ? `${i.target.value} (${i.target.date})` : '—'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('period')}</th>
                    <th scope="col">{t('value')}</th>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('note')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('save')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {TERTIALS.map((p) => (
                    <PeriodRow
                      key={`${p}-${plan.version}`}
                      busy={busy}
                      plan={plan}
                      activityId={a.id}
                      indicator={i}
                      period={p}
                      version={version}
                      onSaved={onSaved}
                    />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        </section>
      ))}
    </div>
  )
}
