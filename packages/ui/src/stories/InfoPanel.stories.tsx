import type { Meta, StoryObj } from '@storybook/react-vite'
import { sharedContacts } from '@vbe/core/plugins'
import { InfoPanel } from '../components/InfoPanel.js'
import type { Language } from '../i18n.js'
import { fixtureDistrict, fixtureEntry, MOMENTS, translatorFor } from './fixtures.js'

const meta = {
  title: 'Widget/InfoPanel',
  component: InfoPanel,
  args: {
    lang: 'sv',
    t: translatorFor('sv'),
    district: fixtureDistrict([...sharedContacts, fixtureEntry]),
    now: MOMENTS.tuesdayMorning,
    onExit: () => {},
    onLanguageChange: () => {},
  },
} satisfies Meta<typeof InfoPanel>
export default meta
type Story = StoryObj<typeof meta>

const inLanguage = (lang: Language): Story => ({ args: { lang, t: translatorFor(lang) } })

export const Swedish = inLanguage('sv')
export const English = inLanguage('en')
/** Right to left; contact data in English, marked lang="en". */
export const Arabic = inLanguage('ar')
/** Right to left. */
export const Persian = inLanguage('fa')
export const Somali = inLanguage('so')
export const Tigrinya = inLanguage('ti')

/** The district office is closed: when it opens, and 112 / 114 14 instead. */
export const ClosedHours: Story = { args: { lang: 'en', t: translatorFor('en'), now: MOMENTS.fridayEvening } }
export const ClosedHoursRtl: Story = { args: { lang: 'ar', t: translatorFor('ar'), now: MOMENTS.fridayEvening } }
export const PublicHoliday: Story = { args: { lang: 'sv', t: translatorFor('sv'), now: MOMENTS.goodFriday } }

/** Only the shared contacts, no district entry and no notice: each empty category says so. */
export const MissingData: Story = {
  args: {
    lang: 'en',
    t: translatorFor('en'),
    district: {
      id: 'empty',
      name: { sv: 'Tom', en: 'Empty' },
      contacts: sharedContacts.filter((c) => c.kind === 'emergency' || c.kind === 'police'),
    },
  },
}

/** Somali with two texts missing: they fall back to English, marked lang="en", never a key. */
export const MissingTranslation: Story = { args: { lang: 'so', t: translatorFor('so', ['intro', 'cat_police']) } }

/** A heading chosen by the host page, shown as text even when it looks like HTML. */
export const HostHeadingIsText: Story = { args: { lang: 'en', t: translatorFor('en'), heading: '<img src=x onerror=alert(1)>' } }
