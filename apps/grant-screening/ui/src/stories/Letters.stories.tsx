import type { Meta, StoryObj } from '@storybook/react-vite'
import { LetterLinks } from '../components/LetterLinks'
import { LetterPreview } from '../components/LetterPreview'
import { useI18n } from '../i18n'

/*
 * A letter's links (the web page and the PDF in both languages, the letter's own language
 * first) and the decision letter before signing, as the approver sees it. Swedish and English.
 */

const meta = { title: 'Grant/Letters' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const CASE = '5f0c8a2e-4b7d-4c1e-9a3f-2d6b8e1c7a90'

function DecisionLetters(props: { first: 'sv' | 'en' }) {
  const { t } = useI18n()
  return (
    <div className="letters">
      <h3>{t('letters')}</h3>
      <LetterLinks
        base={`/api/cases/${CASE}/letter`}
        first={props.first}
        linkName={(l) => t('letterIn', { language: t(`lang_${l}`) })}
        web={t('letterWeb')}
        marker="data-letter"
      />
    </div>
  )
}

export const LetterLinksSwedishFirst: Story = { render: () => <DecisionLetters first="sv" /> }
export const LetterLinksEnglishFirst: Story = { parameters: { lang: 'en' }, render: () => <DecisionLetters first="en" /> }
export const PreviewBeforeSigning: Story = { render: () => <LetterPreview caseId={CASE} letterLocale="sv" /> }
export const PreviewBeforeSigningEnglish: Story = {
  parameters: { lang: 'en' },
  render: () => <LetterPreview caseId={CASE} letterLocale="en" />,
}
