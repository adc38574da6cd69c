import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { Checkbox, ErrorSummary, Field, RadioGroup, Submit, useForm } from '../forms.js'
import { fieldProblem } from './fixtures.js'

const meta = { title: 'Kit/Forms' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

/** A return form as the plan editor has it, optionally after the server answered with field problems. */
function ReturnForm(props: { lang: 'sv' | 'en'; withErrors: boolean }) {
  const form = useForm('story-return')
  const [reference, setReference] = useState('')
  const [comment, setComment] = useState('')
  const [notify, setNotify] = useState(false)
  const [kind, setKind] = useState<'return' | 'adopt' | null>(null)
  const { setProblem } = form
  useEffect(() => {
    if (props.withErrors) setProblem(fieldProblem(props.lang))
  }, [props.withErrors, props.lang, setProblem])
  const sv = props.lang === 'sv'
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      <ErrorSummary form={form} fields={['decisionReference', 'comment']} />
      <RadioGroup
        form={form}
        name="kind"
        legend={sv ? 'Beslut' : 'Decision'}
        inline
        value={kind}
        onChange={setKind}
        options={[
          { value: 'return', label: sv ? 'Återremittera' : 'Return' },
          { value: 'adopt', label: sv ? 'Anta' : 'Adopt' },
        ]}
      />
      <Field
        form={form}
        name="decisionReference"
        label={sv ? 'Nämndens beslut (paragraf)' : 'Committee decision (paragraph)'}
        hint={sv ? 'Till exempel SDN 2026-09-21 §10.' : 'For example SDN 2026-09-21 §10.'}
        required
      >
        {(p) => <input {...p} type="text" value={reference} onChange={(e) => setReference(e.currentTarget.value)} />}
      </Field>
      <Field form={form} name="comment" label={sv ? 'Kommentar' : 'Comment'} required>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />}
      </Field>
      <Field form={form} name="note" label={sv ? 'Intern anteckning' : 'Internal note'} optional>
        {(p) => <input {...p} type="text" />}
      </Field>
      <Checkbox form={form} name="notify" label={sv ? 'Meddela stadsdelen' : 'Notify the district'} checked={notify} onChange={setNotify} />
      <Submit form={form} label={sv ? 'Återremittera planen' : 'Return the plan'} />
    </form>
  )
}

export const Empty: Story = { render: () => <ReturnForm lang="sv" withErrors={false} /> }
/** GOV.UK style: the summary lists each error, links it to its field, and the fields show theirs (aria-invalid, aria-describedby). */
export const WithFieldErrors: Story = { render: () => <ReturnForm lang="sv" withErrors /> }
export const WithFieldErrorsEnglish: Story = { parameters: { lang: 'en' }, render: () => <ReturnForm lang="en" withErrors /> }
