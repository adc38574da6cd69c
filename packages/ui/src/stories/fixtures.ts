import type { Contact } from '@vbe/core/plugins'
import type { DistrictInfo } from '../contacts.js'
import { createTranslator, fallbackChain, type Language, type MessageKey, type Messages, type Translator } from '../i18n.js'
import { messages } from '../messages/index.js'

/**
 * Test and story fixtures. The municipal entry with opening hours is made up for tests
 * only (no real district contact publishes hours); its source points at a reserved
 * example domain so nobody mistakes it for data.
 */
export const fixtureEntry: Contact = {
  id: 'fixture-entry',
  kind: 'municipal-entry',
  name: { sv: 'Exempelstadsdelens förvaltning', en: 'Example district administration' },
  phone: '08-000 00 000',
  url: 'https://example.org/district',
  hours: {
    summary: { sv: 'Vardagar 08–16, stängt helgdagar', en: 'Weekdays 08–16, closed on public holidays' },
    weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:00' }],
    closedOnPublicHolidays: true,
  },
  audience: { sv: 'Boende i exempelstadsdelen.', en: 'Residents of the example district.' },
  source: { url: 'https://example.org/district', verifiedOn: '2026-11-01' },
}

export const fixtureDistrict = (contacts: readonly Contact[]): DistrictInfo => ({
  id: 'example',
  name: { sv: 'Exempel', en: 'Example' },
  notice: { sv: 'Stadsdelen har slagits samman.', en: 'The district has been merged.' },
  contacts,
})

/** A translator for a language, with the usual fallback chain. */
export const translatorFor = (lang: Language, drop: readonly MessageKey[] = []): Translator =>
  createTranslator(
    lang,
    fallbackChain(lang).map((l) => {
      const m: Messages = { ...messages[l] }
      if (l === lang) for (const k of drop) delete m[k]
      return [l, m] as const
    }),
  )

/** Fixed moments (UTC) for the open-now states, Stockholm time in the comments. */
export const MOMENTS = {
  tuesdayMorning: new Date('2026-11-24T08:00:00Z'), // Tue 09:00, open
  fridayEvening: new Date('2026-11-27T17:00:00Z'), // Fri 18:00, closed until Monday
  goodFriday: new Date('2026-04-03T08:00:00Z'), // Good Friday 10:00, public holiday
  mondayEarly: new Date('2026-11-30T06:00:00Z'), // Mon 07:00, opens today
} as const
