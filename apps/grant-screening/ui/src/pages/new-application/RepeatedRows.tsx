import { DateField, Field, fieldId, useAnnounce, type FormState } from '@vbe/web-kit'
import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { PERSON_ROLES, type PersonRole } from '../../types'
import { EvidenceFields } from '../../components/EvidenceFields'
import {
  emptyEvidenceRow,
  emptyGrant,
  emptyPerson,
  evidencePath,
  grantPath,
  personPath,
  type EvidenceRow,
  type GrantRow,
  type PersonRow,
} from './draft'
import { TextField } from './TextField'

interface RowsProps<R> {
  readonly form: FormState
  readonly rows: readonly R[]
  readonly onChange: (rows: readonly R[]) => void
}

/** What a list of rows says: its heading and intro, with no rows, and of each row (n counts from 1). */
interface RowTexts {
  readonly section: string
  readonly intro: string
  readonly none: string
  readonly add: string
  readonly legend: (n: number) => string
  readonly remove: (n: number) => string
  readonly removed: (n: number) => string
}

/**
 * A list of rows the officer adds and removes, each in a fieldset of its own. A new row's
 * first field takes focus; after a removal, focus goes to the add button and the removal is
 * announced. A removal clears the form's errors, whose row numbers would otherwise point at
 * the wrong rows.
 */
function RepeatedRows<R extends { readonly key: number }>(
  props: RowsProps<R> & {
    readonly texts: RowTexts
    /** The row added at `index` (with `key`), and the id of its first field. */
    readonly newRow: (key: number, index: number) => { readonly row: R; readonly firstField: string }
    readonly fields: (row: R, index: number, set: (patch: Partial<R>) => void) => ReactNode
    /** The row's fields lay themselves out (false), or sit in the kit's grid (the default). */
    readonly grid?: boolean
  },
): ReactNode {
  const { form, rows, onChange, texts } = props
  // where focus goes once the changed rows are rendered: a field's id, or 'add' for the add button
  const pendingFocus = useRef<string | null>(null)
  const addButtonRef = useRef<HTMLButtonElement>(null)
  const announce = useAnnounce()
  useEffect(() => {
    const target = pendingFocus.current
    if (target === null) return
    pendingFocus.current = null
    if (target === 'add') addButtonRef.current?.focus()
    else document.getElementById(target)?.focus()
  })
  const add = () => {
    const { row, firstField } = props.newRow(
      rows.reduce((m, r) => Math.max(m, r.key + 1), 0),
      rows.length,
    )
    pendingFocus.current = firstField
    onChange([...rows, row])
  }
  const remove = (index: number) => {
    pendingFocus.current = 'add'
    onChange(rows.filter((_, i) => i !== index))
    form.setProblem(null)
    announce(texts.removed(index + 1))
  }
  const set = (index: number) => (patch: Partial<R>) => onChange(rows.map((row, j) => (j === index ? { ...row, ...patch } : row)))
  return (
    <fieldset className="card new-section">
      <legend>{texts.section}</legend>
      <p className="muted">{texts.intro}</p>
      {rows.length === 0 && <p>{texts.none}</p>}
      {rows.map((row, i) => (
        <fieldset className="new-row" key={row.key}>
          <legend>{texts.legend(i + 1)}</legend>
          {props.grid === false ? props.fields(row, i, set(i)) : <div className="form-grid">{props.fields(row, i, set(i))}</div>}
          <button type="button" className="button button--secondary" onClick={() => remove(i)}>
            {texts.remove(i + 1)}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" ref={addButtonRef} onClick={add}>
        {texts.add}
      </button>
    </fieldset>
  )
}

export function PersonRows(props: RowsProps<PersonRow>): ReactNode {
  const { t, e } = useI18n()
  const { form } = props
  return (
    <RepeatedRows
      {...props}
      texts={{
        section: t('newSectionPersons'),
        intro: t('newPersonsIntro'),
        none: t('newNoPersons'),
        add: t('newAddPerson'),
        legend: (n) => t('newPersonLegend', { n }),
        remove: (n) => t('newRemovePerson', { n }),
        removed: (n) => t('newPersonRemoved', { n }),
      }}
      newRow={(key, i) => ({
        row: emptyPerson(key, i === 0 ? 'contact' : 'board-member'),
        firstField: fieldId(form.id, personPath(i, 'role')),
      })}
      fields={(row, i, set) => (
        <>
          <Field form={form} name={personPath(i, 'role')} label={t('newPersonRole')} required>
            {(p) => (
              <select {...p} value={row.role} onChange={(ev) => set({ role: ev.currentTarget.value as PersonRole })}>
                {PERSON_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {e('person', role)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            form={form}
            name={personPath(i, 'name')}
            label={t('newPersonName')}
            value={row.name}
            onChange={(name) => set({ name })}
          />
          <TextField
            form={form}
            name={personPath(i, 'email')}
            label={t('newPersonEmail')}
            type="email"
            optional
            value={row.email}
            onChange={(email) => set({ email })}
          />
          <TextField
            form={form}
            name={personPath(i, 'phone')}
            label={t('newPersonPhone')}
            inputMode="tel"
            autoComplete="off"
            optional
            value={row.phone}
            onChange={(phone) => set({ phone })}
          />
        </>
      )}
    />
  )
}

export function GrantRows(props: RowsProps<GrantRow>): ReactNode {
  const { t } = useI18n()
  const { form } = props
  return (
    <RepeatedRows
      {...props}
      texts={{
        section: t('newSectionGrants'),
        intro: t('newGrantsIntro'),
        none: t('newNoGrants'),
        add: t('newAddGrant'),
        legend: (n) => t('newGrantLegend', { n }),
        remove: (n) => t('newRemoveGrant', { n }),
        removed: (n) => t('newGrantRemoved', { n }),
      }}
      newRow={(key, i) => ({ row: emptyGrant(key), firstField: fieldId(form.id, grantPath(i, 'year')) })}
      fields={(row, i, set) => (
        <>
          <TextField
            form={form}
            name={grantPath(i, 'year')}
            label={t('newGrantYear')}
            inputMode="numeric"
            size="short"
            value={row.year}
            onChange={(year) => set({ year })}
          />
          <TextField
            form={form}
            name={grantPath(i, 'amount')}
            label={t('newGrantAmount')}
            inputMode="numeric"
            size="medium"
            value={row.amount}
            onChange={(amount) => set({ amount })}
          />
          <DateField
            form={form}
            name={grantPath(i, 'reportDue')}
            required
            label={t('newGrantReportDue')}
            value={row.reportDue}
            onChange={(reportDue) => set({ reportDue })}
          />
          <DateField
            form={form}
            name={grantPath(i, 'reportSubmittedOn')}
            label={t('newGrantReportSubmittedOn')}
            optional
            value={row.reportSubmittedOn}
            onChange={(reportSubmittedOn) => set({ reportSubmittedOn })}
          />
        </>
      )}
    />
  )
}

export function EvidenceRows(props: RowsProps<EvidenceRow>): ReactNode {
  const { t } = useI18n()
  const { form } = props
  return (
    <RepeatedRows
      {...props}
      grid={false}
      texts={{
        section: t('newSectionEvidence'),
        intro: t('newEvidenceIntro'),
        none: t('newNoEvidence'),
        add: t('newAddEvidence'),
        legend: (n) => t('newEvidenceLegend', { n }),
        remove: (n) => t('newRemoveEvidence', { n }),
        removed: (n) => t('newEvidenceRemoved', { n }),
      }}
      newRow={(key, i) => ({ row: emptyEvidenceRow(key), firstField: fieldId(form.id, evidencePath(i, 'date')) })}
      fields={(row, i, set) => <EvidenceFields form={form} name={(f) => evidencePath(i, f)} value={row} onChange={set} />}
    />
  )
}
