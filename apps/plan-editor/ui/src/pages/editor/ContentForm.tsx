import { useCallback } from 'react'
import type { Activity, Plan, PlanAnalysis } from '@vbe/core/plans'
import { districtPlugin } from '@vbe/districts'
import { DateField } from '@vbe/web-kit'
import type { T } from '../../i18n'
import { ActivityEditor } from './ActivityEditor'
import { Text } from './fields'

/** A change to the plan being edited. */
export type Update = (f: (doc: Plan) => Plan) => void

/**
 * The plan's content as a form: contact point, situation picture, local problem,
 * agreements, and the activities with their links to the strategy and their indicators.
 */
export function ContentForm({
  doc,
  update,
  readOnly,
  t,
  lang,
  analysis,
}: {
  doc: Plan
  update: Update
  readOnly: boolean
  t: T
  lang: 'sv' | 'en'
  /** The analysis of the plan as typed: the findings a field shows (an activity's structure not chosen). */
  analysis: PlanAnalysis | null
}) {
  const structureError = (activityId: string) =>
    analysis?.revisionFindings.find((f) => f.code === 'structure-not-chosen' && f.activityId === activityId)?.message[lang]
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
          // No existing structure: the planner chooses one (the analysis asks until they do).
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
        <DateField
          id="sp-date"
          name="sp-date"
          label={t('date')}
          value={sp.date}
          readOnly={readOnly}
          onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, date: v } }))}
        />
        <Text
          id="sp-summary"
          label={t('summary')}
          hint={t('summaryHint')}
          multiline
          value={sp.summary}
          readOnly={readOnly}
          onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, summary: v } }))}
        />
        <details open={!!sp.localProblemPicture}>
          <summary>{t('localProblem')}</summary>
          <div className="grid2">
            {(['agreement', 'date', 'summary'] as const).map((k) => {
              const field = {
                id: `lp-${k}`,
                label: t(k),
                value: sp.localProblemPicture?.[k] ?? '',
                readOnly,
                onChange: (v: string) =>
                  update((d) => {
                    const cur = d.situationPicture.localProblemPicture ?? { agreement: '', date: '', summary: '' }
                    const next = { ...cur, [k]: v }
                    const { localProblemPicture: _l, ...rest } = d.situationPicture
                    return {
                      ...d,
                      situationPicture: next.agreement || next.date || next.summary ? { ...rest, localProblemPicture: next } : rest,
                    }
                  }),
              }
              return k === 'date' ? <DateField key={k} name={field.id} {...field} /> : <Text key={k} {...field} />
            })}
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
          structureError={structureError(a.id)}
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
