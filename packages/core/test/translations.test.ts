import { describe, expect, it } from 'vitest'
import {
  defineTranslations,
  RESIDENT_LANGUAGES,
  sharedContactTranslations,
  sharedContacts,
  type PluginTranslations,
} from '@vbe/core/plugins'

/** Input as it might come from outside the type system. */
const untyped = (value: unknown) => value as PluginTranslations

describe('contact translations', () => {
  it('the shared contacts have name, audience and (where they have hours) hours in ar, fa, so and ti, each with a status', () => {
    for (const c of sharedContacts)
      for (const lang of RESIDENT_LANGUAGES) {
        const t = sharedContactTranslations.contacts[c.id]?.[lang]
        expect(t, `${c.id} ${lang}`).toBeDefined()
        expect(t?.name.trim()).not.toBe('')
        expect(t?.audience.trim()).not.toBe('')
        if (c.hours) expect(t?.hours, `${c.id} ${lang} hours`).toBeTruthy()
        expect(['draft', 'reviewed']).toContain(t?.status)
      }
    expect(Object.keys(sharedContactTranslations.contacts).sort()).toEqual(sharedContacts.map((c) => c.id).sort())
  })

  it('bad input is refused with the owner and the field named', () => {
    expect(() =>
      defineTranslations('Testby', { contacts: { 'testby-entry': { so: { name: 'x', audience: ' ', status: 'draft' } } } }),
    ).toThrow(/^Testby translations: contacts\.testby-entry\.so\.audience: /)
    expect(() =>
      defineTranslations('Testby', untyped({ contacts: { 'testby-entry': { ar: { name: 'x', audience: 'y', status: 'final' } } } })),
    ).toThrow(/contacts\.testby-entry\.ar\.status/)
    expect(() => defineTranslations('Testby', untyped({ contacts: { a: { de: { name: 'x', audience: 'y', status: 'draft' } } } }))).toThrow(
      /contacts\.a/,
    )
  })
})
