import { useState, type ReactNode } from 'react'
import { dateValueOf, readDateText, type DateText } from './date-text.js'
import { fieldId, type FormState } from './forms.js'
import { useKitI18n } from './i18n.js'
import { wholeDates } from './whole-dates.js'

/**
 * A date field in the app's language. The browser's `<input type="date">` follows the
 * browser's locale, not the UI's (mm/dd/yyyy inside the Swedish UI); this is a text field
 * that says how to write the date in the UI's language (`ÅÅÅÅ-MM-DD, till exempel
 * 2027-03-31`), reads what a person types (`20270331`, `2027-3-31`, see date-text.ts) and
 * gives the form ISO `YYYY-MM-DD`. Once the person leaves the field (or the form has been
 * sent), a date that cannot be read or does not exist (`2027-02-30`) gets an error at the
 * field naming it and what is wrong; the text stays as typed, and the form gets that text,
 * so nothing is lost and the API's own check still applies.
 *
 * Laid out as `Field` (forms.tsx): label, hint, error, control; hint and error tied to the
 * input with aria-describedby, aria-invalid on error. Dates in the hint and the error stay
 * on one line (whole-dates.tsx). With `form`, the id is the form's
 * (`fieldId`) and the API's errors for `name` show here; without, `id` names the input.
 */
export function DateField(props: {
  form?: FormState
  /** The input's id when there is no form (then the API's errors are the page's to show). */
  id?: string
  name: string
  label: string
  /** ISO `YYYY-MM-DD`, '' for none, or text as typed that is not a date yet. */
  value: string
  onChange: (value: string) => void
  /** What the date is, shown before the format. */
  hint?: string
  required?: boolean
  optional?: boolean
  readOnly?: boolean
  /** Only for a screen reader, where a visible heading (a table's column) already names it. */
  labelHidden?: boolean
  className?: string
}): ReactNode {
  const { t, lang } = useKitI18n()
  const id = props.form ? fieldId(props.form.id, props.name) : (props.id ?? props.name)
  const [text, setText] = useState(props.value)
  const [seen, setSeen] = useState(props.value)
  // Whether the person has left the field since typing: the check waits until then.
  const [left, setLeft] = useState(false)
  // A value from outside (a reload, a reset, a revert) replaces the text; the field's own echo does not.
  if (props.value !== seen) {
    setSeen(props.value)
    if (props.value !== dateValueOf(text)) {
      setText(props.value)
      setLeft(false)
    }
  }
  const read = readDateText(text)
  const own = left || props.form?.problem ? dateError(read, text, props.label, t, lang) : null
  // When the text is not a date, the field's own words say why; the API's would repeat it less clearly.
  const errors = own ? [own] : (props.form?.errorsFor(props.name) ?? [])
  const hintId = `${id}-hint`
  const formatId = `${id}-format`
  const errorId = `${id}-error`
  const described = [props.hint ? hintId : '', formatId, errors.length ? errorId : ''].filter(Boolean).join(' ')

  return (
    <div className={`field${errors.length ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id} {...(props.labelHidden ? { className: 'visually-hidden' } : {})}>
        {props.label}
        {props.optional && <span className="field__optional"> ({t('optional')})</span>}
      </label>
      {props.hint && (
        <p className="field__hint" id={hintId}>
          {wholeDates(props.hint)}
        </p>
      )}
      <p className="field__hint" id={formatId}>
        {wholeDates(t('dateHint'))}
      </p>
      {errors.length > 0 && (
        <p className="field__error" id={errorId}>
          {wholeDates(errors.join(' '))}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="input--medium"
        value={text}
        aria-describedby={described}
        {...(errors.length ? { 'aria-invalid': true as const } : {})}
        {...(props.required ? { required: true } : {})}
        {...(props.readOnly ? { readOnly: true } : {})}
        onChange={(ev) => {
          const typed = ev.currentTarget.value
          setText(typed)
          setLeft(false)
          props.onChange(dateValueOf(typed))
        }}
        onBlur={() => {
          if (read.kind === 'date' && read.iso !== text) setText(read.iso)
          setLeft(true)
        }}
      />
    </div>
  )
}

const monthName = (month: number, lang: string): string => {
  const name = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 1),
  )
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The field's own error for what was typed, in the UI's language; null when it is a date or empty. */
export function dateError(
  read: DateText,
  text: string,
  label: string,
  t: (key: 'dateNotADate' | 'dateNoSuchMonth' | 'dateNoSuchDay', vars: Readonly<Record<string, string | number>>) => string,
  lang: string,
): string | null {
  switch (read.kind) {
    case 'format':
      return t('dateNotADate', { label, text: text.trim() })
    case 'no-such-month':
      return t('dateNoSuchMonth', { label, text: read.written })
    case 'no-such-day':
      return t('dateNoSuchDay', { label, text: read.written, month: monthName(read.month, lang), year: read.year, days: read.days })
    default:
      return null
  }
}
