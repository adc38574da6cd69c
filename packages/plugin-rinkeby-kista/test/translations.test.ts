import { describe, expect, it } from 'vitest'
import { RESIDENT_LANGUAGES } from '@vbe/core/plugins'
import { rinkebyKista, rinkebyKistaTranslations } from '../src/index.js'

describe('@vbe/plugin-rinkeby-kista translations', () => {
  it('its contacts and notice exist in ar, fa, so and ti, each marked with its status', () => {
    for (const c of rinkebyKista.contacts)
      for (const lang of RESIDENT_LANGUAGES) {
        const t = rinkebyKistaTranslations.contacts[c.id]?.[lang]
        expect(t?.name, `${c.id} ${lang}`).toBeTruthy()
        expect(t?.audience, `${c.id} ${lang}`).toBeTruthy()
        if (c.hours) expect(t?.hours, `${c.id} ${lang} hours`).toBeTruthy()
        expect(['draft', 'reviewed']).toContain(t?.status)
      }
    for (const lang of RESIDENT_LANGUAGES) expect(rinkebyKistaTranslations.notice?.[lang]?.text, lang).toBeTruthy()
    expect(Object.keys(rinkebyKistaTranslations.contacts)).toEqual(rinkebyKista.contacts.map((c) => c.id))
  })
})
