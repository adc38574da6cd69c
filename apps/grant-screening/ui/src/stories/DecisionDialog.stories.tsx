import type { Meta, StoryObj } from '@storybook/react-vite'
import type { Lang } from '@vbe/web-kit/types'
import { DecisionDialog, type DecisionDraft } from '../pages/case/DecisionDialog'
import type { CaseDetail } from '../types'
import { decision, eligibleCase, ineligibleCase, storyProps } from './fixtures'

/*
 * The decision dialog in the states an officer meets: nothing chosen yet, a grant against
 * failed rules that needs a reason per rule (with the server's field error), a partial grant
 * and its confirmation, and a reconsideration of a decided case. Swedish and English.
 */

const meta = { title: 'Grant/Decision dialog' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const dialog = (detail: CaseDetail, options: { revise?: boolean; initial?: DecisionDraft } = {}) => (
  <DecisionDialog {...storyProps(detail)} onClose={() => {}} {...options} />
)
const en = { parameters: { lang: 'en' satisfies Lang } }

/** The server's problem+json answer to a grant with an override reason missing (its words, from the decision guard). */
const missingOverride = (lang: Lang, rule: string, heading: string) => ({
  status: 400,
  title: lang === 'sv' ? 'Ogiltig begäran' : 'Invalid request',
  detail: lang === 'sv' ? 'Beslutet innehåller fel.' : 'The decision is invalid.',
  errors: [
    {
      path: `overrides.${rule}`,
      message:
        lang === 'sv'
          ? `behöver ett skäl: villkoret ”${heading}” är inte uppfyllt, så den som beviljar bidraget måste motivera varför`
          : `needs a reason: the condition “${heading}” is not met, so granting needs a reason for overriding it`,
      code: 'required',
    },
  ],
})

const ineligible = ineligibleCase()
const overrideDraft = (lang: Lang): DecisionDraft => {
  const [first, second] = ineligible.decisionGuide.failedRules
  if (!first || !second) throw new Error('The ineligible case fails fewer than two rules')
  return {
    kind: 'approve',
    reasons: lang === 'sv' ? 'Nämnden vill stödja föreningens läxhjälp.' : 'The committee wants to support the homework club.',
    overrides: {
      [first.id]:
        lang === 'sv'
          ? 'Kontot byts till föreningens namn före utbetalning.'
          : 'The account is moved to the association’s name before payment.',
    },
    problem: missingOverride(lang, second.id, second.heading[lang]),
  }
}

const partial = (lang: Lang): DecisionDraft => ({
  kind: 'partial',
  amount: '40000',
  reasons: lang === 'sv' ? 'Årets budget räcker till 40 000 kr per förening.' : 'This year’s budget allows SEK 40,000 per association.',
})

const decided = eligibleCase({ status: 'decided', decision: decision({ kind: 'approve', amount: 60_000 }) })
const reconsideration = (lang: Lang): DecisionDraft => ({
  basis: 'reconsideration',
  kind: 'partial',
  amount: '30000',
  reasons:
    lang === 'sv'
      ? 'Föreningen har meddelat att verksamheten halveras under våren.'
      : 'The association has told us that its activity is halved in the spring.',
})

export const NoOutcomePreselected: Story = { render: () => dialog(eligibleCase()) }
export const NoOutcomePreselectedEnglish: Story = { ...en, render: () => dialog(eligibleCase()) }
export const IneligibleNeedsOverrideReasons: Story = { render: () => dialog(ineligible, { initial: overrideDraft('sv') }) }
export const IneligibleNeedsOverrideReasonsEnglish: Story = { ...en, render: () => dialog(ineligible, { initial: overrideDraft('en') }) }
export const PartialGrant: Story = { render: () => dialog(eligibleCase(), { initial: partial('sv') }) }
export const PartialGrantEnglish: Story = { ...en, render: () => dialog(eligibleCase(), { initial: partial('en') }) }
export const PartialGrantConfirmation: Story = { render: () => dialog(eligibleCase(), { initial: { ...partial('sv'), step: 'confirm' } }) }
export const PartialGrantConfirmationEnglish: Story = {
  ...en,
  render: () => dialog(eligibleCase(), { initial: { ...partial('en'), step: 'confirm' } }),
}
export const Reconsideration: Story = { render: () => dialog(decided, { revise: true, initial: reconsideration('sv') }) }
export const ReconsiderationEnglish: Story = { ...en, render: () => dialog(decided, { revise: true, initial: reconsideration('en') }) }
