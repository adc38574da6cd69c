import { Field, fieldId, useAnnounce, type FormState } from '@vbe/web-kit'
import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { PERSON_ROLES, type PersonRole } from '../../types'
import { emptyGrant, emptyPerson, grantPath, personPath, type GrantRow, type PersonRow } from './draft'
import { TextField } from './TextField'

/**
 * A list of rows the officer adds and removes. A new row's first field takes focus; after a
 * removal, focus goes to the add button and the removal is announced. A removal clears the
 * form's errors, whose row numbers would otherwise point at the wrong rows.
 */
function useRows<R extends { readonly key: number }>(form: FormState, rows: readonly R[], onChange: (rows: readonly R[]) => void) {
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
  return {
    addButtonRef,
    add: (row: R, firstFieldId: string) => {
      pendingFocus.current = firstFieldId
      onChange([...rows, row])
    },
    remove: (index: number, said: string) => {
      pendingFocus.current = 'add'
      onChange(rows.filter((_, i) => i !== index))
      form.setProblem(null)
      announce(said)
    },
    nextKey: rows.reduce((m, r) => Math.max(m, r.key + 1), 0),
  }
}

export function PersonRows(props: {
  form: FormState
  rows: readonly PersonRow[]
  onChange: (rows: readonly PersonRow[]) => void
}): ReactNode {
  const { t, e } = useI18n()
  const { form, rows } = props
  const { addButtonRef, add, remove, nextKey } = useRows(form, rows, props.onChange)
  const set = (i: number, patch: Partial<PersonRow>) => props.onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  return (
    <fieldset className="card new-section">
      <legend>{t('newSectionPersons')}</legend>
      <p className="muted">{t('newPersonsIntro')}</p>
      {rows.length === 0 && <p>{t('newNoPersons')}</p>}
      {rows.map((row, i) => (
        <fieldset className="new-row" key={row.key}>
          <legend>{t('newPersonLegend', { n: i + 1 })}</legend>
          <div className="form-grid">
            <Field form={form} name={personPath(i, 'role')} label={t('newPersonRole')} required>
              {(p) => (
                <select {...p} value={row.role} onChange={(ev) => set(i, { role: ev.currentTarget.value as PersonRole })}>
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
              onChange={(name) => set(i, { name })}
            />
            <TextField
              form={form}
              name={personPath(i, 'email')}
              label={t('newPersonEmail')}
              type="email"
              optional
              value={row.email}
              onChange={(email) => set(i, { email })}
            />
            <TextField
              form={form}
              name={personPath(i, 'phone')}
              label={t('newPersonPhone')}
              inputMode="tel"
              autoComplete="off"
              optional
              value={row.phone}
              onChange={(phone) => set(i, { phone })}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => remove(i, t('newPersonRemoved', { n: i + 1 }))}>
            {t('newRemovePerson', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary"
        ref={addButtonRef}
        onClick={() =>
          add(emptyPerson(nextKey, rows.length === 0 ? 'contact' : 'board-member'), fieldId(form.id, personPath(rows.length, 'role')))
        }
      >
        {t('newAddPerson')}
      </button>
    </fieldset>
  )
}

export function GrantRows(props: { form: FormState; rows: readonly GrantRow[]; onChange: (rows: readonly GrantRow[]) => void }): ReactNode {
  const { t } = useI18n()
  const { form, rows } = props
  const { addButtonRef, add, remove, nextKey } = useRows(form, rows, props.onChange)
  const set = (i: number, patch: Partial<GrantRow>) => props.onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  return (
    <fieldset className="card new-section">
      <legend>{t('newSectionGrants')}</legend>
      <p className="muted">{t('newGrantsIntro')}</p>
      {rows.length === 0 && <p>{t('newNoGrants')}</p>}
      {rows.map((row, i) => (
        <fieldset className="new-row" key={row.key}>
          <legend>{t('newGrantLegend', { n: i + 1 })}</legend>
          <div className="form-grid">
            <TextField
              form={form}
              name={grantPath(i, 'year')}
              label={t('newGrantYear')}
              inputMode="numeric"
              size="short"
              value={row.year}
              onChange={(year) => set(i, { year })}
            />
            <TextField
              form={form}
              name={grantPath(i, 'amount')}
              label={t('newGrantAmount')}
              inputMode="numeric"
              size="medium"
              value={row.amount}
              onChange={(amount) => set(i, { amount })}
            />
            <TextField
              form={form}
              name={grantPath(i, 'reportDue')}
              label={t('newGrantReportDue')}
              type="date"
              value={row.reportDue}
              onChange={(reportDue) => set(i, { reportDue })}
            />
            <TextField
              form={form}
              name={grantPath(i, 'reportSubmittedOn')}
              label={t('newGrantReportSubmittedOn')}
              type="date"
              optional
              value={row.reportSubmittedOn}
              onChange={(reportSubmittedOn) => set(i, { reportSubmittedOn })}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => remove(i, t('newGrantRemoved', { n: i + 1 }))}>
            {t('newRemoveGrant', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary"
        ref={addButtonRef}
        onClick={() => add(emptyGrant(nextKey), fieldId(form.id, grantPath(rows.length, 'year')))}
      >
        {t('newAddGrant')}
      </button>
    </fieldset>
  )
}
