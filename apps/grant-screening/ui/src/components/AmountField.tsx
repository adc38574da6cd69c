import { Field, type FormState } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'

/**
 * The amount of a partial grant, in whole kronor below the amount requested: the decision
 * dialog's "amount granted" and the kommunicering's "amount intended". The field is named
 * `amount`, so the server's field error for it (`amount`: required for a partial grant, or
 * not below the amount requested) shows under it and in the form's error summary, and its
 * id is `<form>-amount` (`decision-amount`, `communication-amount`).
 */
export function AmountField(props: {
  readonly form: FormState
  readonly label: string
  /** The amount applied for: the hint says the grant stays below it. */
  readonly requested: number
  readonly value: string
  readonly onChange: (value: string) => void
}): ReactNode {
  const { t, money } = useI18n()
  return (
    <Field form={props.form} name="amount" label={props.label} hint={t('decisionAmountHint', { amount: money(props.requested) })} required>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="numeric"
          min={1}
          max={props.requested}
          className="input--medium"
          value={props.value}
          onChange={(ev) => props.onChange(ev.currentTarget.value)}
        />
      )}
    </Field>
  )
}

/** The amount field's value as the API takes it: a number, or left out while the field is empty. */
export const amountBody = (value: string): { amount?: number } => (value.trim() === '' ? {} : { amount: Number(value) })
