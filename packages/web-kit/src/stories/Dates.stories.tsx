import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'
import { DateField } from '../date-field.js'
import { ErrorSummary, Submit, useForm } from '../forms.js'

const meta = { title: 'Kit/Dates' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

/** A follow-up form as grant screening has it: two dates, one optional; after a submit, the one that does not exist is told at its field. */
function FollowUpForm(props: { lang: 'sv' | 'en'; sent: boolean }) {
  const form = useForm('story-dates')
  const [due, setDue] = useState(props.sent ? '2027-02-30' : '')
  const [received, setReceived] = useState(props.sent ? '2027-03-31' : '')
  const { setProblem } = form
  const sv = props.lang === 'sv'
  useEffect(() => {
    if (props.sent) setProblem({ status: 400, detail: sv ? 'Rätta datumet och spara igen.' : 'Correct the date and save again.' })
  }, [props.sent, sv, setProblem])
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      <ErrorSummary form={form} fields={['reportDue', 'reportReceivedOn']} />
      <DateField
        form={form}
        name="reportDue"
        label={sv ? 'Redovisning senast' : 'Report due'}
        hint={sv ? 'Sista dagen föreningen kan lämna sin redovisning.' : 'The last day the association can hand in its report.'}
        required
        value={due}
        onChange={setDue}
      />
      <DateField
        form={form}
        name="reportReceivedOn"
        label={sv ? 'Redovisning inkom' : 'Report received'}
        optional
        value={received}
        onChange={setReceived}
      />
      <Submit form={form} label={sv ? 'Spara uppföljning' : 'Save follow-up'} />
    </form>
  )
}

export const DateFields: Story = { render: () => <FollowUpForm lang="sv" sent={false} /> }
export const DateFieldsEnglish: Story = { parameters: { lang: 'en' }, render: () => <FollowUpForm lang="en" sent={false} /> }
/** After a submit: 2027-02-30 does not exist; the field says so in the UI's language, keeps the text and is aria-invalid. */
export const DateThatDoesNotExist: Story = { render: () => <FollowUpForm lang="sv" sent /> }
export const DateThatDoesNotExistEnglish: Story = { parameters: { lang: 'en' }, render: () => <FollowUpForm lang="en" sent /> }
