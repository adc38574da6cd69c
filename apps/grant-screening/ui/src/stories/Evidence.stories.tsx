import type { Meta, StoryObj } from '@storybook/react-vite'
import { EvidenceSection } from '../pages/case/EvidenceSection'
import { evidenceCase, storyProps } from './fixtures'

/*
 * The evidence on the democracy condition and its assessment: one item dismissed with a
 * reason by a named officer, one still unassessed, and the assessment form. Swedish and English.
 */

const meta = { title: 'Grant/Evidence' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const dismissed = () =>
  evidenceCase({
    evidenceAssessments: [
      {
        evidenceId: 'e1',
        status: 'dismissed',
        reason: 'Anonymt tips utan konkreta uppgifter.',
        assessedBy: 'Amina Yusuf',
        assessedAt: '2026-11-21T13:40:00Z',
      },
    ],
  })
const assessed = () =>
  evidenceCase({
    status: 'decided',
    evidenceAssessments: [
      {
        evidenceId: 'e1',
        status: 'dismissed',
        reason: 'Anonymous tip without details.',
        assessedBy: 'Amina Yusuf',
        assessedAt: '2026-11-21T13:40:00Z',
      },
      { evidenceId: 'e2', status: 'relevant', reason: null, assessedBy: 'Amina Yusuf', assessedAt: '2026-11-21T13:45:00Z' },
    ],
  })

export const DismissedItem: Story = { render: () => <EvidenceSection {...storyProps(dismissed())} /> }
export const DismissedItemEnglish: Story = { parameters: { lang: 'en' }, render: () => <EvidenceSection {...storyProps(dismissed())} /> }
export const AssessedReadOnly: Story = { render: () => <EvidenceSection {...storyProps(assessed())} /> }
export const AssessedReadOnlyEnglish: Story = { parameters: { lang: 'en' }, render: () => <EvidenceSection {...storyProps(assessed())} /> }
