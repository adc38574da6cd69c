import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { LanguagePicker } from '../components/LanguagePicker.js'
import { QuickExit } from '../components/QuickExit.js'
import { CallLink } from '../components/PhoneNumber.js'
import type { Language } from '../i18n.js'
import { translatorFor } from './fixtures.js'

const meta = { title: 'Widget/Controls' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

function Picker(props: { initial: Language }) {
  const [lang, setLang] = useState<Language>(props.initial)
  return (
    <div lang={lang} dir={lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr'}>
      <LanguagePicker lang={lang} t={translatorFor(lang)} onChange={setLang} />
    </div>
  )
}

export const LanguagePickerSwedish: Story = { render: () => <Picker initial="sv" /> }
export const LanguagePickerPersianRtl: Story = { render: () => <Picker initial="fa" /> }
export const QuickExitButton: Story = { render: () => <QuickExit t={translatorFor('sv')} onExit={() => {}} /> }
export const QuickExitArabicRtl: Story = {
  render: () => (
    <div lang="ar" dir="rtl">
      <QuickExit t={translatorFor('ar')} onExit={() => {}} />
    </div>
  ),
}
/** Phone numbers stay left to right inside right-to-left text; the link's name reads the digits in groups. */
export const PhoneNumbersRtl: Story = {
  render: () => (
    <p lang="ar" dir="rtl">
      <CallLink phone="114 14" t={translatorFor('ar')} /> <CallLink phone="08-508 01 000" t={translatorFor('ar')} />
    </p>
  ),
}
