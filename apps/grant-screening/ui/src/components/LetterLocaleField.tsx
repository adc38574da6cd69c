import { RadioGroup, type FormState } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import type { Lang } from '../types'

/**
 * The language a letter to the applicant is written in (Swedish or English, each option
 * in its own language): the decision dialog's and the kommunicering form's `letterLocale`.
 */
export function LetterLocaleField(props: { form: FormState; legend: string; value: Lang; onChange: (lang: Lang) => void }): ReactNode {
  return (
    <RadioGroup
      form={props.form}
      name="letterLocale"
      legend={props.legend}
      inline
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: 'sv', label: 'Svenska', lang: 'sv' },
        { value: 'en', label: 'English', lang: 'en' },
      ]}
    />
  )
}
