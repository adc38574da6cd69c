import { memo, useCallback } from 'react'
import type { Activity, Indicator, Plan } from '@vbe/core/plans'
import { actors, directivePoints, guidelines, LEVELS, measures, perspectives, RISK_IDS, risks } from '@vbe/core/strategy'
import { districtPlugin } from '@vbe/web-kit/districts'
import type { T } from '../../i18n'

/** A change to the plan being edited. */
export type Update = (f: (doc: Plan) => Plan) => void

/**
 * The plan's content as a form: contact point, situation picture, local problem,
 * agreements, and the activities with their links to the strategy and their indicators.
 */
function Text({
  id,
  label,
  value,
  onChange,
  readOnly,
  multiline,
  type,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  readOnly: boolean
  multiline?: boolean
  type?: string
}) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} rows={3} />
      ) : (
        <input id={id} type={type ?? 'text'} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} />
      )}
    </p>
  )
}

export function ContentForm({ doc, update, readOnly, t, lang }: { doc: Plan; update: Update; readOnly: boolean; t: T; lang: 'sv' | 'en' }) {
  const plugin = districtPlugin(doc.district)
  const setActivity = useCallback(
    (aid: string, f: (a: Activity) => Activity) =>
      update((d) => ({ ...d, activities: d.activities.map((a) => (a.id === aid ? f(a) : a)) })),
    [update],
  )
  const removeActivity = useCallback(
    (aid: string) => update((d) => ({ ...d, activities: d.activities.filter((a) => a.id !== aid) })),
    [update],
  )
  const addActivity = () => {
    const ids = new Set(doc.activities.map((a) => a.id))
    let n = doc.activities.length + 1
    while (ids.has(`a${n}`)) n++
    const id = `a${n}`
    update((d) => ({
      ...d,
      activities: [
        ...d.activities,
        {
          id,
          title: t('newActivity'),
          description: '',
          guidelines: [],
          perspectives: [],
          measures: [],
          directivePoints: [],
          sections: [],
          responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
          partners: [],
          existingStructure: { kind: 'existing', name: '' },
          period: { from: `${d.year}-01-01`, to: `${d.year}-12-31` },
          risks: [],
          indicators: [],
        },
      ],
    }))
    requestAnimationFrame(() => document.getElementById(`act-${id}-title`)?.focus())
  }
  const sp = doc.situationPicture
  return (
    <form onSubmit={(e) => e.preventDefault()} className="content-form">
      <fieldset>
        <legend>{t('contactPoint')}</legend>
        <div className="grid2">
          <Text
            id="cp-function"
            label={t('function')}
            value={doc.contactPoint.function}
            readOnly={readOnly}
            onChange={(v) => update((d) => ({ ...d, contactPoint: { ...d.contactPoint, function: v } }))}
          />
          <Text
            id="cp-unit"
            label={t('unit')}
            value={doc.contactPoint.unit}
            readOnly={readOnly}
            onChange={(v) => update((d) => ({ ...d, contactPoint: { ...d.contactPoint, unit: v } }))}
          />
          <Text
            id="cp-email"
            label={t('email')}
            type="email"
            value={doc.contactPoint.email ?? ''}
            readOnly={readOnly}
            onChange={(v) =>
              update((d) => {
                const { email: _e, ...rest } = d.contactPoint
                return { ...d, contactPoint: v ? { ...rest, email: v } : rest }
              })
            }
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('situationPicture')}</legend>
        <Text
          id="sp-date"
          label={t('date')}
          type="date"
          value={sp.date}
          readOnly={readOnly}
          onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, date: v } }))}
        />
        <Text
          id="sp-summary"
          label={t('summary')}
          multiline
          value={sp.summary}
          readOnly={readOnly}
          onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, summary: v } }))}
        />
        <details open={!!sp.localProblemPicture}>
          <summary>{t('localProblem')}</summary>
          <div className="grid2">
            {(['agreement', 'date', 'summary'] as const).map((k) => (
              <Text
                key={k}
                id={`lp-${k}`}
                label={t(k)}
                type={k === 'date' ? 'date' : 'text'}
                value={sp.localProblemPicture?.[k] ?? ''}
                readOnly={readOnly}
                onChange={(v) =>
                  update((d) => {
                    const cur = d.situationPicture.localProblemPicture ?? { agreement: '', date: '', summary: '' }
                    const next = { ...cur, [k]: v }
                    const { localProblemPicture: _l, ...rest } = d.situationPicture
                    return {
                      ...d,
                      situationPicture: next.agreement || next.date || next.summary ? { ...rest, localProblemPicture: next } : rest,
                    }
                  })
                }
              />
            ))}
          </div>
        </details>
      </fieldset>
      {plugin && plugin.planSections.length > 0 && (
        <fieldset>
          <legend>{t('sections')}</legend>
          {plugin.planSections.map((s) => (
            <Text
              key={s.id}
              id={`sec-${s.id}`}
              label={`${s.title[lang]} — ${s.asks[lang]}`}
              multiline
              value={doc.sections.find((x) => x.id === s.id)?.text ?? ''}
              readOnly={readOnly}
              onChange={(v) =>
                update((d) => ({
                  ...d,
                  sections: d.sections.some((x) => x.id === s.id)
                    ? d.sections.map((x) => (x.id === s.id ? { id: s.id, text: v } : x))
                    : [...d.sections, { id: s.id, text: v }],
                }))
              }
            />
          ))}
        </fieldset>
      )}
      <h2>{t('activities')}</h2>
      {doc.activities.map((a, i) => (
        <ActivityEditor
          key={a.id}
          activity={a}
          index={i}
          set={setActivity}
          remove={removeActivity}
          readOnly={readOnly}
          t={t}
          lang={lang}
          district={doc.district}
        />
      ))}
      {!readOnly && (
        <p>
          <button type="button" className="button button--secondary" onClick={addActivity}>
            {t('addActivity')}
          </button>
        </p>
      )}
    </form>
  )
}

function Checks<Id extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  readOnly,
}: {
  legend: string
  name: string
  options: readonly { id: Id; title: string }[]
  value: readonly string[]
  onChange: (v: Id[]) => void
  readOnly: boolean
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            name={name}
            value={o.id}
            checked={value.includes(o.id)}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked ? ([...value, o.id] as Id[]) : (value.filter((x) => x !== o.id) as Id[]))}
          />{' '}
          <strong>{o.id}</strong> {o.title}
        </label>
      ))}
    </fieldset>
  )
}

const ActivityEditor = memo(function ActivityEditor({
  activity: a,
  index,
  set,
  remove,
  readOnly,
  t,
  lang,
  district,
}: {
  activity: Activity
  index: number
  set: (id: string, f: (a: Activity) => Activity) => void
  remove: (id: string) => void
  readOnly: boolean
  t: T
  lang: 'sv' | 'en'
  district: string
}) {
  const p = `act-${a.id}`
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
          {[...a.guidelines, ...a.perspectives, ...a.measures, ...a.directivePoints].join(', ') || '—'})
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
      <fieldset>
        <legend>{t('structure')}</legend>
        <label className="inline">
          <input
            type="radio"
            name={`${p}-sk`}
            checked={a.existingStructure.kind === 'existing'}
            disabled={readOnly}
            onChange={() => ch((x) => ({ ...x, existingStructure: { kind: 'existing', name: '' } }))}
          />{' '}
          {t('existing')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${p}-sk`}
            checked={a.existingStructure.kind === 'new'}
            disabled={readOnly}
            onChange={() => ch((x) => ({ ...x, existingStructure: { kind: 'new', reason: '' } }))}
          />{' '}
          {t('newStructure')}
        </label>
        {a.existingStructure.kind === 'existing' ? (
          <Text
            id={`${p}-sname`}
            label={t('structureName')}
            value={a.existingStructure.name}
            readOnly={readOnly}
            onChange={(v) => ch((x) => ({ ...x, existingStructure: { kind: 'existing', name: v } }))}
          />
        ) : (
          <Text
            id={`${p}-sreason`}
            label={t('structureReason')}
            value={a.existingStructure.reason}
            readOnly={readOnly}
            onChange={(v) => ch((x) => ({ ...x, existingStructure: { kind: 'new', reason: v } }))}
          />
        )}
      </fieldset>
      <div className="grid2">
        <Text
          id={`${p}-from`}
          label={t('periodFrom')}
          type="date"
          value={a.period.from}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, from: v } }))}
        />
        <Text
          id={`${p}-to`}
          label={t('periodTo')}
          type="date"
          value={a.period.to}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, to: v } }))}
        />
      </div>
      <details>
        <summary>
          {t('risks')} ({a.risks.map((r) => r.riskId).join(', ') || '—'})
        </summary>
        {RISK_IDS.map((rid) => (
          <Text
            key={rid}
            id={`${p}-risk-${rid}`}
            label={`${t('mitigation')} ${rid}: ${risks.byId(rid).title[lang]}`}
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
              <Text
                id={`${q}-bd`}
                label={`${t('baseline')}: ${t('date').toLowerCase()}`}
                type="date"
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
              <Text
                id={`${q}-td`}
                label={`${t('target')}: ${t('date').toLowerCase()}`}
                type="date"
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
          <button type="button" className="button button--danger" onClick={() => remove(a.id)}>
            {t('removeActivity')}: {a.title}
          </button>
        </p>
      )}
    </section>
  )
})
