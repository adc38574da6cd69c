import type { Meta, StoryObj } from '@storybook/react-vite'
import { DecisionSection } from '../pages/case/DecisionSection'
import { approver, decision, eligibleCase, ineligibleCase, storyProps } from './fixtures'

/*
 * The case page's decision section: a partial grant decided, with its letters; a grant
 * against failed rules awaiting the second signature, as the approver sees it (the letter
 * before signing, then approve or reject); and a decision corrected, with the one it
 * replaced; and a case awaiting the applicant's reply to kommunicering. Swedish and English.
 */

const meta = { title: 'Grant/Decision' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const en = { parameters: { lang: 'en' } }

const partialGrant = () => eligibleCase({ status: 'decided', decision: decision({ approvedBy: null }), reportDue: '2027-03-31' })

const awaitingSignature = () => {
  const c = ineligibleCase()
  const [bank, max] = c.decisionGuide.failedRules
  return {
    ...c,
    status: 'awaiting_approval' as const,
    decision: decision({
      kind: 'approve',
      amount: 150_000,
      requiresSecondApproval: true,
      overrides: [
        ...(bank ? [{ rule: bank, reason: 'Kontot byts till föreningens namn före utbetalning.' }] : []),
        ...(max ? [{ rule: max, reason: 'Nämnden har beslutat om ett högre tak för läxhjälp.' }] : []),
      ],
    }),
  }
}

const corrected = () =>
  eligibleCase({
    status: 'decided',
    decision: decision({ id: 'd2', basis: 'correction', refersTo: 'd1', amount: 45_000, decidedAt: '2026-12-10T08:00:00Z' }),
    decisionHistory: [{ ...decision(), supersededBy: 'd2', supersededAt: '2026-12-10T08:00:00Z' }],
  })

/** Kommunicering sent: the deadline of the reply stands beside the button that decides. */
const awaitingReply = () => eligibleCase({ status: 'awaiting_reply', replyDue: '2026-12-04' })

export const AwaitingReply: Story = { render: () => <DecisionSection {...storyProps(awaitingReply())} /> }
export const AwaitingReplyEnglish: Story = { ...en, render: () => <DecisionSection {...storyProps(awaitingReply())} /> }
export const DecidedPartialGrant: Story = { render: () => <DecisionSection {...storyProps(partialGrant())} /> }
export const DecidedPartialGrantEnglish: Story = { ...en, render: () => <DecisionSection {...storyProps(partialGrant())} /> }
export const AwaitingSecondSignature: Story = { render: () => <DecisionSection {...storyProps(awaitingSignature(), approver)} /> }
export const AwaitingSecondSignatureEnglish: Story = {
  ...en,
  render: () => <DecisionSection {...storyProps(awaitingSignature(), approver)} />,
}
export const Corrected: Story = { render: () => <DecisionSection {...storyProps(corrected())} /> }
export const CorrectedEnglish: Story = { ...en, render: () => <DecisionSection {...storyProps(corrected())} /> }
