import type { Meta, StoryObj } from '@storybook/react-vite'
import { CommunicationSection } from '../pages/case/CommunicationSection'
import { communication, eligibleCase, storyProps } from './fixtures'

/*
 * Kommunicering: the form that sends the material before an adverse decision, a case
 * awaiting the applicant's reply until its deadline (with the reply form and the letter's
 * links), and a reply recorded. Swedish and English.
 */

const meta = { title: 'Grant/Kommunicering' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const en = { parameters: { lang: 'en' } }
const awaiting = () => eligibleCase({ status: 'awaiting_reply', communications: [communication()] })
const replied = () =>
  eligibleCase({
    status: 'in_review',
    communications: [
      communication({
        proposedKind: 'deny',
        proposedAmount: null,
        letterLocale: 'en',
        reply: 'Vi har nu flyttat kontot till föreningens namn.',
        repliedOn: '2026-11-30',
        replyRecordedBy: 'Amina Yusuf',
      }),
    ],
  })

export const SendMaterial: Story = { render: () => <CommunicationSection {...storyProps(eligibleCase())} /> }
export const SendMaterialEnglish: Story = { ...en, render: () => <CommunicationSection {...storyProps(eligibleCase())} /> }
export const AwaitingReply: Story = { render: () => <CommunicationSection {...storyProps(awaiting())} /> }
export const AwaitingReplyEnglish: Story = { ...en, render: () => <CommunicationSection {...storyProps(awaiting())} /> }
export const Replied: Story = { render: () => <CommunicationSection {...storyProps(replied())} /> }
export const RepliedEnglish: Story = { ...en, render: () => <CommunicationSection {...storyProps(replied())} /> }
