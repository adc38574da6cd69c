// One activity of the plan as a form: its links to the strategy, who is responsible, its period, risks and indicators.
import { memo, useState } from 'react'
import { strategyItemLabel, type Activity, type Indicator } from '@vbe/core/plans'
import { actors, directivePoints, guidelines, LEVELS, measures, perspectives, RISK_IDS, risks } from '@vbe/core/strategy'
import { districtPlugin } from '@vbe/districts'
import { DateField } from '@vbe/web-kit'
import type { T } from '../../i18n'
import { Checks, Text } from './fields'
import { RemoveActivityDialog } from './RemoveActivityDialog'
import { StructureField } from './StructureField'
import { mitigationLabel } from '../../../../shared/change-labels'

export const ActivityEditor = memo(function ActivityEditor({
  activity: a,
  index,
  set,
  remove,
  readOnly,
  t,
  lang,
  district,
  structureError,
}: {
  activity: Activity
  index: number
  set: (id: string, f: (a: Activity) => Activity) => void
  remove: (id: string) => void
  readOnly: boolean
  t: T
  lang: 'sv' | 'en'
  district: string
  /** The analysis's error when the activity's structure is not chosen, in words; shown at the field. */
  structureError: string | undefined
}) {
  const p = `act-${a.id}`
  const [removing, setRemoving] = useState(false)
  const ch = (f: (a: Activity) => Activity) => set(a.id, f)
  const plugin = districtPlugin(district)
  const setIndicator = (iid: string, f: (i: Indicator) => Indicator) =>
    ch((x) => ({ ...x, indicators: x.indicators.map((i) => (i.id === iid ? f(i) : i)) }))
  const addIndicator = () => {
    const ids = new Set(a.indicators.map((i) => i.id))
    let n = a.indicators.length + 1
    while (ids.has(`i${n}`)) n++
    ch((x) => ({
      ...x,
      indicators: [
        ...x.indicators,
        {
          id: `i${n}`,
          name: t('newIndicator'),
          kind: 'effect',
          unit: 'procent',
          dataSource: '',
          owner: '',
          frequency: 'tertial',
          followUps: [],
        },
      ],
    }))
  }
  return (
    <section className="card activity" aria-labelledby={`${p}-h`} data-activity={a.id}>
      <h3 id={`${p}-h`}>
        {index + 1}. {a.title || '—'}
      </h3>
      <Text id={`${p}-title`} label={t('title')} value={a.title} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, title: v }))} />
      <Text
        id={`${p}-desc`}
        label={t('description')}
        multiline
        value={a.description}
        readOnly={readOnly}
        onChange={(v) => ch((x) => ({ ...x, description: v }))}
      />
      <details>
        <summary>
          {t('guidelines')}, {t('perspectives').toLowerCase()}, {t('measures').toLowerCase()}, {t('directivePoints').toLowerCase()} (
          {[...a.guidelines, ...a.perspectives, ...a.measures, ...a.directivePoints]
            .map((id) => strategyItemLabel(id)?.short[lang] ?? id)
            .join(', ') || '—'}
          )
        </summary>
        <Checks
          legend={t('guidelines')}
          name={`${p}-g`}
          options={guidelines.map((g) => ({ id: g.id, title: g.title[lang] }))}
          value={a.guidelines}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, guidelines: v }))}
        />
        <Checks
          legend={t('perspectives')}
          name={`${p}-p`}
          options={perspectives.map((g) => ({ id: g.id, title: g.title[lang] }))}
          value={a.perspectives}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, perspectives: v }))}
        />
        <Checks
          legend={t('measures')}
          name={`${p}-m`}
          options={measures.map((g) => ({ id: g.id, title: g.title[lang] }))}
          value={a.measures}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, measures: v }))}
        />
        <Checks
          legend={t('directivePoints')}
          name={`${p}-d`}
          options={directivePoints.map((g) => ({ id: g.id, title: g.title[lang] }))}
          value={a.directivePoints}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, directivePoints: v }))}
        />
        {plugin && plugin.planSections.length > 0 && (
          <Checks
            legend={t('planSections')}
            name={`${p}-s`}
            options={plugin.planSections.map((s) => ({ id: s.id, title: s.title[lang] }))}
            value={a.sections}
            readOnly={readOnly}
            onChange={(v) => ch((x) => ({ ...x, sections: v }))}
          />
        )}
      </details>
      <div className="grid2">
        <p className="field">
          <label htmlFor={`${p}-actor`}>{t('responsible')}</label>
          <select
            id={`${p}-actor`}
            value={a.responsible.actorId}
            disabled={readOnly}
            onChange={(e) => ch((x) => ({ ...x, responsible: { ...x.responsible, actorId: e.target.value } }))}
          >
            {actors.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title[lang]}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor={`${p}-level`}>{t('level')}</label>
          <select
            id={`${p}-level`}
            value={a.responsible.level}
            disabled={readOnly}
            onChange={(e) =>
              ch((x) => ({ ...x, responsible: { ...x.responsible, level: e.target.value as Activity['responsible']['level'] } }))
            }
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </p>
        <Text
          id={`${p}-partners`}
          label={t('partners')}
          value={a.partners.join(', ')}
          readOnly={readOnly}
          onChange={(v) =>
            ch((x) => ({
              ...x,
              partners: v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }))
          }
        />
        <p className="field">
          <label htmlFor={`${p}-tg`}>{t('targetGroup')}</label>
          <select
            id={`${p}-tg`}
            value={a.targetGroup?.kind ?? ''}
            disabled={readOnly}
            onChange={(e) =>
              ch((x) => {
                const { targetGroup: _t, ...rest } = x
                const kind = e.target.value as NonNullable<Activity['targetGroup']>['kind'] | ''
                return kind ? { ...rest, targetGroup: { kind, description: x.targetGroup?.description || t(`target.${kind}`) } } : rest
              })
            }
          >
            <option value="">{t('targetNone')}</option>
            {(['staff', 'partners', 'residents', 'individuals'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`target.${k}`)}
              </option>
            ))}
          </select>
        </p>
      </div>
      <StructureField activity={a} change={ch} readOnly={readOnly} t={t} error={structureError} />
      <div className="grid2">
        <DateField
          id={`${p}-from`}
          name={`${p}-from`}
          label={t('periodFrom')}
          value={a.period.from}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, from: v } }))}
        />
        <DateField
          id={`${p}-to`}
          name={`${p}-to`}
          label={t('periodTo')}
          value={a.period.to}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, to: v } }))}
        />
      </div>
      <details>
        <summary>
          {t('risks')} ({a.risks.map((r) => risks.byId(r.riskId).title[lang]).join(', ') || '—'})
        </summary>
        {RISK_IDS.map((rid) => (
          <Text
            key={rid}
            id={`${p}-risk-${rid}`}
            label={mitigationLabel(t, rid)}
            multiline
            value={a.risks.find((r) => r.riskId === rid)?.mitigation ?? ''}
            readOnly={readOnly}
            onChange={(v) =>
              ch((x) => ({
                ...x,
                risks: v
                  ? [...x.risks.filter((r) => r.riskId !== rid), { riskId: rid, mitigation: v }]
                  : x.risks.filter((r) => r.riskId !== rid),
              }))
            }
          />
        ))}
      </details>
      <h4>{t('indicators')}</h4>
      {a.indicators.map((ind) => {
        const q = `${p}-ind-${ind.id}`
        const meas = (which: 'baseline' | 'target', field: 'value' | 'date', v: string) =>
          setIndicator(ind.id, (i) => {
            const cur = i[which] ?? { value: Number.NaN, date: '' }
            const next = field === 'value' ? { ...cur, value: v === '' ? Number.NaN : Number(v) } : { ...cur, date: v }
            const { [which]: _drop, ...rest } = i
            return Number.isNaN(next.value) && next.date === '' ? (rest as Indicator) : { ...rest, [which]: next }
          })
        return (
          <fieldset key={ind.id} className="indicator" data-indicator={ind.id}>
            <legend>
              {t('indicators')}: {ind.name || ind.id}
            </legend>
            <div className="grid3">
              <Text
                id={`${q}-name`}
                label={t('name')}
                value={ind.name}
                readOnly={readOnly}
                onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, name: v }))}
              />
              <p className="field">
                <label htmlFor={`${q}-kind`}>{t('kind')}</label>
                <select
                  id={`${q}-kind`}
                  value={ind.kind}
                  disabled={readOnly}
                  onChange={(e) => setIndicator(ind.id, (i) => ({ ...i, kind: e.target.value as Indicator['kind'] }))}
                >
                  {(['effect', 'output', 'activity'] as const).map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </p>
              <Text
                id={`${q}-unit`}
                label={t('unit')}
                value={ind.unit}
                readOnly={readOnly}
                onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, unit: v }))}
              />
              <Text
                id={`${q}-bv`}
                label={`${t('baseline')}: ${t('value').toLowerCase()}`}
                type="number"
                value={ind.baseline && !Number.isNaN(ind.baseline.value) ? String(ind.baseline.value) : ''}
                readOnly={readOnly}
                onChange={(v) => meas('baseline', 'value', v)}
              />
              <DateField
                id={`${q}-bd`}
                name={`${q}-bd`}
                label={`${t('baseline')}: ${t('date').toLowerCase()}`}
                value={ind.baseline?.date ?? ''}
                readOnly={readOnly}
                onChange={(v) => meas('baseline', 'date', v)}
              />
              <Text
                id={`${q}-ds`}
                label={t('dataSource')}
                value={ind.dataSource ?? ''}
                readOnly={readOnly}
                onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, dataSource: v }))}
              />
              <Text
                id={`${q}-tv`}
                label={`${t('target')}: ${t('value').toLowerCase()}`}
                type="number"
                value={ind.target && !Number.isNaN(ind.target.value) ? String(ind.target.value) : ''}
                readOnly={readOnly}
                onChange={(v) => meas('target', 'value', v)}
              />
              <DateField
                id={`${q}-td`}
                name={`${q}-td`}
                label={`${t('target')}: ${t('date').toLowerCase()}`}
                value={ind.target?.date ?? ''}
                readOnly={readOnly}
                onChange={(v) => meas('target', 'date', v)}
              />
              <Text
                id={`${q}-owner`}
                label={t('owner')}
                value={ind.owner}
                readOnly={readOnly}
                onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, owner: v }))}
              />
            </div>
            {!readOnly && (
              <button
                type="button"
                className="link-button"
                onClick={() => ch((x) => ({ ...x, indicators: x.indicators.filter((i) => i.id !== ind.id) }))}
              >
                {t('removeIndicator')}: {ind.name}
              </button>
            )}
          </fieldset>
        )
      })}
      {!readOnly && (
        <p className="button-row">
          <button type="button" className="button button--secondary" onClick={addIndicator}>
            {t('addIndicator')}
          </button>
          <button type="button" className="button button--danger" onClick={() => setRemoving(true)}>
            {t('removeActivity')}: {a.title}
          </button>
        </p>
      )}
      {removing && (
        <RemoveActivityDialog
          activity={a}
          t={t}
          onConfirm={() => {
            setRemoving(false)
            remove(a.id)
          }}
          onCancel={() => setRemoving(false)}
        />
      )}
    </section>
  )
})
