import { describe, expect, it } from 'vitest'
import { RESIDENT_LANGUAGES } from '@vbe/core/plugins'
import { LANGUAGES, contactTexts, noticeText } from '@vbe/ui'
import { districtContent, districtPlugins, translationGaps, translationSources } from '../src/content.js'

const districts = districtPlugins.map((p) => districtContent(p))

describe('contact texts in all six languages', () => {
  it.each(districts.map((d) => [d.id, d] as const))(
    '%s: every contact has its name, audience and hours in sv, en, ar, fa, so, ti',
    (_, d) => {
      for (const c of d.contacts)
        for (const lang of LANGUAGES) {
          const t = contactTexts(d, c, lang)
          expect({ id: c.id, lang: t.lang }).toEqual({ id: c.id, lang })
          expect(t.name.trim(), `${c.id} ${lang}`).not.toBe('')
          expect(t.audience.trim(), `${c.id} ${lang}`).not.toBe('')
          if (c.hours) expect(t.hours?.trim(), `${c.id} ${lang} hours`).toBeTruthy()
        }
      if (d.notice) for (const lang of LANGUAGES) expect(noticeText(d, lang)?.lang).toBe(lang)
    },
  )

  it('no translation is missing; every one carries its status, and the drafts are listed for the release check', () => {
    const gaps = translationGaps(districts)
    expect(gaps.filter((g) => g.problem === 'missing')).toEqual([])
    // all are machine-assisted drafts today: 7 contacts and 2 notices, in 4 languages
    expect(gaps.filter((g) => g.problem === 'draft').length).toBe((7 + 2) * RESIDENT_LANGUAGES.length)
  })

  it('a contact added without translations is reported missing, and shows in English, marked as such', () => {
    const d = districtContent(districtPlugins[0]!, undefined, { shared: { contacts: {} }, districts: {} })
    const c = d.contacts[0]!
    expect(contactTexts(d, c, 'so')).toMatchObject({ lang: 'en', name: c.name.en })
    expect(translationGaps([d]).some((g) => g.problem === 'missing' && g.where === `contact "${c.id}"` && g.lang === 'so')).toBe(true)
  })

  it('translations name only contacts that exist', () => {
    const ids = new Set(districts.flatMap((d) => d.contacts.map((c) => c.id)))
    const named = [translationSources.shared, ...Object.values(translationSources.districts)].flatMap((t) => Object.keys(t.contacts))
    expect(named.filter((id) => !ids.has(id))).toEqual([])
  })
})
