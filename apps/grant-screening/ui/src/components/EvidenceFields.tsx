// One evidence item's fields (the exchange format's `evidence` item without its id), for every
// form that takes evidence: the new-application form has them per row, the case page's
// "Lägg till underlag" (pages/case/EvidenceSection.tsx) once.
import { Checkbox, DateField, Field, RadioGroup, type FormState } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { ACTORS, CONDUCTS, SOURCE_KINDS, type Actor, type Conduct, type SourceKind } from '../types'

/** An evidence item as typed: an empty choice or text is not given yet. */
export interface EvidenceInput {
  readonly date: string
  readonly conduct: Conduct | ''
  readonly source: SourceKind | ''
  readonly actor: Actor
  readonly representativeAge: string
  readonly withinActivities: boolean
  readonly verified: boolean
  readonly reference: string
  readonly summary: string
}

export const emptyEvidence = (): EvidenceInput => ({
  date: '',
  conduct: '',
  source: '',
  actor: 'organisation',
  representativeAge: '',
  withinActivities: true,
  verified: false,
  reference: '',
  summary: '',
})

// The item's fields by their path in the exchange format, and their labels, live with every field's words.
import type { EvidenceField } from '../field-words'
export { EVIDENCE_FIELDS, EVIDENCE_LABELS, type EvidenceField } from '../field-words'

/**
 * The item in the exchange format, without its id. A choice or text left empty is left out,
 * so that the API's check (core's evidence schema) says the field is missing; an age is sent
 * only for a representative, and a typed age that is not a whole number as typed, which the
 * API refuses in words.
 */
export function evidenceBody(x: EvidenceInput): Record<string, unknown> {
  const age = x.representativeAge.trim()
  const reference = x.reference.trim()
  const summary = x.summary.trim()
  return {
    ...(x.conduct === '' ? {} : { conduct: x.conduct }),
    actor: x.actor,
    ...(x.actor === 'representative' && age !== '' ? { representativeAge: /^\d+$/.test(age) ? Number(age) : age } : {}),
    withinActivities: x.withinActivities,
    verified: x.verified,
    ...(x.date === '' ? {} : { date: x.date }),
    source: { ...(x.source === '' ? {} : { kind: x.source }), ...(reference === '' ? {} : { reference }) },
    ...(summary === '' ? {} : { summary }),
  }
}

/**
 * The fields of one evidence item on the kit's form controls; `name` gives each field's name
 * on the form (its path in the request), so the API's errors land at the field.
 */
export function EvidenceFields(props: {
  readonly form: FormState
  readonly name: (field: EvidenceField) => string
  readonly value: EvidenceInput
  readonly onChange: (patch: Partial<EvidenceInput>) => void
}): ReactNode {
  const { t, e } = useI18n()
  const { form, name, value: x, onChange: set } = props
  return (
    <>
      <div className="form-grid">
        <DateField form={form} name={name('date')} label={t('evidenceDate')} required value={x.date} onChange={(date) => set({ date })} />
        <Field form={form} name={name('conduct')} label={t('conduct')} required>
          {(p) => (
            <select {...p} value={x.conduct} onChange={(ev) => set({ conduct: ev.currentTarget.value as Conduct })}>
              <option value="" disabled>
                –
              </option>
              {CONDUCTS.map((c) => (
                <option key={c} value={c}>
                  {e('conduct', c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name={name('source.kind')} label={t('sourceKind')} required>
          {(p) => (
            <select {...p} value={x.source} onChange={(ev) => set({ source: ev.currentTarget.value as SourceKind })}>
              <option value="" disabled>
                –
              </option>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {e('source', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RadioGroup
        form={form}
        name={name('actor')}
        legend={t('actor')}
        value={x.actor}
        onChange={(actor) => set({ actor })}
        inline
        options={ACTORS.map((a) => ({ value: a, label: e('actor', a) }))}
      />
      {x.actor === 'representative' && (
        <Field form={form} name={name('representativeAge')} label={t('representativeAge')} hint={t('representativeAgeHint')} optional>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              className="input--short"
              value={x.representativeAge}
              onChange={(ev) => set({ representativeAge: ev.currentTarget.value })}
            />
          )}
        </Field>
      )}
      <Checkbox
        form={form}
        name={name('withinActivities')}
        label={t('withinActivities')}
        checked={x.withinActivities}
        onChange={(withinActivities) => set({ withinActivities })}
      />
      <Checkbox form={form} name={name('verified')} label={t('verified')} checked={x.verified} onChange={(verified) => set({ verified })} />
      <Field form={form} name={name('source.reference')} label={t('sourceReference')} hint={t('sourceReferenceHint')} optional>
        {(p) => <input {...p} type="text" value={x.reference} onChange={(ev) => set({ reference: ev.currentTarget.value })} />}
      </Field>
      <Field form={form} name={name('summary')} label={t('evidenceSummary')} optional>
        {(p) => <textarea {...p} rows={3} value={x.summary} onChange={(ev) => set({ summary: ev.currentTarget.value })} />}
      </Field>
    </>
  )
}
