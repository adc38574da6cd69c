import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { isApiError } from './api.js'
import {
  fieldId,
  pathMatches,
  shownOnPage,
  standalone,
  subscribePage,
  summaryDetail,
  summaryLines,
  type ShownField,
} from './field-errors.js'
import { useKitI18n } from './i18n.js'
import type { FieldProblem, Problem } from './types.js'
import { wholeDates } from './whole-dates.js'

/**
 * Forms in the GOV.UK pattern: the API's problem+json split into errors that belong to
 * a field (`errors[].path` names it) and the rest; an error summary at the top that lists
 * them, links each to its field, and takes focus when a submit fails; and labelled
 * fields that show their error and point at it with aria-describedby and aria-invalid.
 */

export { fieldId, pathMatches, standalone } from './field-errors.js'

export interface FormState {
  readonly id: string
  readonly problem: Problem | null
  readonly busy: boolean
  /** Messages for one field, each as it stands alone (starting with a capital). */
  errorsFor(name: string): string[]
  /** Runs an API call: clears the old problem, sets busy, keeps a thrown ApiError as the problem. Resolves to undefined on failure. */
  submit<T>(call: () => Promise<T>): Promise<T | undefined>
  setProblem(problem: Problem | null): void
}

/**
 * A form's state. `onConflict` runs after a 409 (someone changed the thing meanwhile),
 * so the page can fetch the current state; the problem stays shown.
 */
export function useForm(id: string, options: { onConflict?: () => void } = {}): FormState {
  const onConflict = useRef(options.onConflict)
  // submit is stable and runs after renders (from handlers), so it reads the latest callback here.
  useEffect(() => {
    onConflict.current = options.onConflict
  })
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const errorsFor = useCallback(
    (name: string) => (problem?.errors ?? []).filter((e) => pathMatches(e.path, name)).map((e) => standalone(e.message)),
    [problem],
  )
  const submit = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    if (busyRef.current) return undefined
    busyRef.current = true
    setProblem(null)
    setBusy(true)
    try {
      return await call()
    } catch (e) {
      if (isApiError(e)) {
        setProblem(e.problem)
        if (e.status === 409) onConflict.current?.()
      } else setProblem({ status: 0, detail: e instanceof Error ? e.message : String(e) })
      return undefined
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }, [])
  return useMemo(() => ({ id, problem, busy, errorsFor, submit, setProblem }), [id, problem, busy, errorsFor, submit])
}

/**
 * The error summary: a plain first line, then each field error as "<label>: <message>",
 * the label being the one the form shows for the field (`fields` names the form's fields),
 * linked to it; where the field shows its own words for the mistake, the summary shows
 * the same. An error no field is about shows only its message (never its path). When a
 * 400 or 422 marks a field, a line says to correct what is marked, after the app's own
 * detail when that says more (`summaryDetail`); otherwise the problem's detail is the line.
 * Announced and focused when it appears.
 */
export function ErrorSummary(props: { form: FormState; fields?: readonly string[]; title?: string }): ReactNode {
  const { t } = useKitI18n()
  const ref = useRef<HTMLDivElement>(null)
  const problem = props.form.problem
  const formId = props.form.id
  const fields = props.fields ?? []
  // A client-side check may repeat its detail as the field's message; list it once.
  const errors: readonly FieldProblem[] = (problem?.errors ?? []).filter((e) => e.message !== problem?.detail)
  // What the fields show (label, error), read from the page: they render after the summary,
  // and a field may show its own words; the page is an external store for the summary.
  const page = JSON.parse(
    useSyncExternalStore(
      subscribePage,
      () => shownOnPage(formId, fields),
      () => '{}',
    ),
  ) as Readonly<Record<string, ShownField | null>>
  useEffect(() => {
    if (problem) ref.current?.focus()
  }, [problem])
  if (!problem) return null
  const lines = summaryLines(errors, fields, (f) => page[f] ?? null)
  // When something is marked at a field, a line says so plainly, after the app's own detail
  // when it says more than the fields do (summaryDetail); the kit's words about the request are for API clients.
  const marked = lines.some((l) => l.field !== null) && (problem.status === 400 || problem.status === 422)
  const detail = marked ? summaryDetail({ ...problem, errors }, lines) : null
  const first = marked ? t('errorsMarkedBelow') : problem.detail
  const titleId = `${formId}-error-title`
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {props.title ?? t('errorSummary')}
      </h2>
      {detail && <p className="error-summary__detail">{wholeDates(detail)}</p>}
      <p className="error-summary__first">{wholeDates(first)}</p>
      {lines.length > 0 && (
        <>
          <p className="visually-hidden">{t('errorsInForm')}</p>
          <ul>
            {lines.map((line, i) => {
              const field = line.field
              return (
                <li key={i}>
                  {field ? (
                    <a
                      href={`#${fieldId(formId, field)}`}
                      onClick={(ev) => {
                        ev.preventDefault()
                        document.getElementById(fieldId(formId, field))?.focus()
                      }}
                    >
                      {wholeDates(line.text)}
                    </a>
                  ) : (
                    wholeDates(line.text)
                  )}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </div>
  )
}

export interface ControlProps {
  id: string
  name: string
  'aria-describedby'?: string
  'aria-invalid'?: true
  required?: boolean
}

/** A labelled control with an optional hint and the field's errors. */
export function Field(props: {
  form: FormState
  name: string
  label: string
  hint?: string
  required?: boolean
  optional?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}): ReactNode {
  const { t } = useKitI18n()
  const id = fieldId(props.form.id, props.name)
  const errors = props.form.errorsFor(props.name)
  const described = [props.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={`field${errors.length ? ' field--error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.optional && <span className="field__optional"> ({t('optional')})</span>}
      </label>
      {props.hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {wholeDates(props.hint)}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {wholeDates(errors.join(' '))}
        </p>
      )}
      {props.children({
        id,
        name: props.name,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(errors.length ? { 'aria-invalid': true as const } : {}),
        ...(props.required ? { required: true } : {}),
      })}
    </div>
  )
}

/** A checkbox with its label after it. */
export function Checkbox(props: {
  form: FormState
  name: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}): ReactNode {
  const id = fieldId(props.form.id, props.name)
  const errors = props.form.errorsFor(props.name)
  return (
    <div className={`field field--check${errors.length ? ' field--error' : ''}`}>
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {wholeDates(errors.join(' '))}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        {...(errors.length ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {})}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  )
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup<V extends string>(props: {
  form: FormState
  name: string
  legend: string
  options: readonly { value: V; label: string; lang?: string; disabled?: boolean }[]
  value: V | null
  onChange: (value: V) => void
  inline?: boolean
  required?: boolean
}): ReactNode {
  const id = fieldId(props.form.id, props.name)
  const errors = props.form.errorsFor(props.name)
  return (
    <fieldset
      className={`field radios${props.inline ? ' radios--inline' : ''}${errors.length ? ' field--error' : ''}`}
      {...(errors.length ? { 'aria-describedby': `${id}-error` } : {})}
    >
      <legend>{props.legend}</legend>
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {wholeDates(errors.join(' '))}
        </p>
      )}
      {props.options.map((o, i) => (
        <div className="radio" key={o.value}>
          <input
            type="radio"
            id={i === 0 ? id : `${id}-${o.value}`}
            name={`${props.form.id}-${props.name}`}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
            {...(props.required ? { required: true } : {})}
            {...(o.disabled ? { disabled: true } : {})}
          />
          <label htmlFor={i === 0 ? id : `${id}-${o.value}`} {...(o.lang ? { lang: o.lang } : {})}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  )
}

/** A submit button that says it is busy. */
export function Submit(props: { form: FormState; label: string; busyLabel?: string; className?: string }): ReactNode {
  const { t } = useKitI18n()
  return (
    // Not `disabled`: a disabled button drops keyboard focus. useForm ignores a second submit while busy.
    <button type="submit" className={props.className ?? 'button button--primary'} aria-disabled={props.form.busy || undefined}>
      {props.form.busy ? (props.busyLabel ?? t('saving')) : props.label}
    </button>
  )
}
