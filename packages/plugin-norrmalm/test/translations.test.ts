import { describe, expect, it } from 'vitest'
import { RESIDENT_LANGUAGES } from '@vbe/core/plugins'
import { norrmalm, norrmalmTranslations } from '../src/index.js'

describe('@vbe/plugin-norrmalm translations', () => {
  it('its contacts and notice exist in ar, fa, so and ti, each marked with its status', () => {
    for (const c of norrmalm.contacts)
      for (const lang of RESIDENT_LANGUAGES) {
        const t = norrmalmTranslations.contacts[c.id]?.[lang]
        expect(t?.name, `${c.id} ${lang}`).toBeTruthy()
        expect(t?.audience, `${c.id} ${lang}`).toBeTruthy()
        if (c.hours) expect(t?.hours, `${c.id} ${lang} hours`).toBeTruthy()
        expect(['draft', 'reviewed']).toContain(t?.status)
      }
    for (const lang of RESIDENT_LANGUAGES) expect(norrmalmTranslations.notice?.[lang]?.text, lang).toBeTruthy()
    expect(Object.keys(norrmalmTranslations.contacts)).toEqual(norrmalm.contacts.map((c) => c.id))
  })
})
