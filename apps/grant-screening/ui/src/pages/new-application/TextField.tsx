import { Field, type FormState } from '@vbe/web-kit'
import type { ReactNode } from 'react'

/** One text, number or date input on the kit's Field (label, hint, the field's errors). */
export function TextField(props: {
  form: FormState
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  optional?: boolean
  type?: 'text' | 'date' | 'email'
  inputMode?: 'numeric' | 'decimal' | 'tel'
  autoComplete?: string
  size?: 'short' | 'medium'
}): ReactNode {
  return (
    <Field
      form={props.form}
      name={props.name}
      label={props.label}
      {...(props.hint ? { hint: props.hint } : {})}
      {...(props.optional ? { optional: true } : { required: true })}
    >
      {(p) => (
        <input
          {...p}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(ev) => props.onChange(ev.currentTarget.value)}
          {...(props.inputMode ? { inputMode: props.inputMode } : {})}
          {...(props.autoComplete ? { autoComplete: props.autoComplete } : {})}
          {...(props.size ? { className: `input--${props.size}` } : {})}
        />
      )}
    </Field>
  )
}
