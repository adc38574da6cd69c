import type { Meta, StoryObj } from '@storybook/react-vite'
import { sharedContacts, type Contact } from '@vbe/core/plugins'
import { ContactCard } from '../components/ContactCard.js'
import { fixtureEntry, MOMENTS, translatorFor } from './fixtures.js'

const meta = {
  title: 'Widget/ContactCard',
  component: ContactCard,
  args: { contact: fixtureEntry, t: translatorFor('sv'), lang: 'sv', now: MOMENTS.tuesdayMorning },
} satisfies Meta<typeof ContactCard>
export default meta
type Story = StoryObj<typeof meta>

const byId = (id: string) => sharedContacts.find((c) => c.id === id) as Contact

export const Open: Story = {}
export const OpensLaterToday: Story = { args: { now: MOMENTS.mondayEarly, t: translatorFor('en'), lang: 'en' } }
export const ClosedUntilMonday: Story = { args: { now: MOMENTS.fridayEvening } }
export const ClosedPublicHoliday: Story = { args: { now: MOMENTS.goodFriday, t: translatorFor('fa'), lang: 'fa' } }
export const AlwaysOpen: Story = { args: { contact: byId('emergency-112') } }
/** No hours published: no open-now line at all, rather than a guess. */
export const NoHours: Story = { args: { contact: byId('orostelefonen'), t: translatorFor('ti'), lang: 'ti' } }
/** Only a website, no phone. */
export const WebsiteOnly: Story = { args: { contact: byId('stockholm-orosanmalan'), t: translatorFor('ar'), lang: 'ar' } }
