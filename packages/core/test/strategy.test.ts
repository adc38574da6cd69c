import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SOURCE_DOCUMENTS, UnknownIdError } from '@vbe/core'
import {
  actors,
  directivePoints,
  directivePointsForDistrict,
  guidelines,
  measures,
  measuresOwnedAt,
  perspectives,
  responsibilities,
  responsibilitiesFor,
  responsibilitiesWhere,
  risks,
  strategy,
  targetOf,
  threatEnvironments,
  unownedMeasures,
} from '@vbe/core/strategy'
import { sourcesDir, sourceText, wordCoverage } from './helpers.js'

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)

describe('counts and ids match the domain brief', () => {
  it.each([
    ['guidelines', guidelines, range('G', 5)],
    ['perspectives', perspectives, range('P', 4)],
    ['risks', risks, range('R', 5)],
    ['measures', measures, range('M', 12)],
    ['directivePoints', directivePoints, range('D', 12)],
  ] as const)('%s has exactly the brief ids, in order', (_name, items, ids) => {
    expect(items.map((i) => i.id)).toEqual(ids)
    expect(items.ids).toEqual(ids)
  })

  it('has the guideline titles of the brief, in Swedish and English', () => {
    expect(guidelines.map((g) => g.title)).toEqual([
      { sv: 'Rekrytering till våldsbejakande extremism ska motarbetas', en: 'Recruitment to violent extremism shall be countered' },
      {
        sv: 'Kunskap om våldsbejakande extremism ska öka i hela staden',
        en: 'Knowledge of violent extremism shall increase across the city',
      },
      { sv: 'Staden ska utveckla samarbete med polisen', en: 'The city shall develop its cooperation with the police' },
      {
        sv: 'Stöd ska ges för att hoppa av och långvarigt lämna destruktiva miljöer',
        en: 'Support shall be given to leave destructive environments for good',
      },
      { sv: 'Drabbade av extremism ska få stöd och trygghet', en: 'Those affected by extremism shall get support and safety' },
    ])
  })

  it('names the four perspectives and the directive points as the brief does', () => {
    expect(perspectives.map((p) => p.title.sv)).toEqual(['Främjande', 'Förebyggande', 'Anhörigstöd', 'Efterperspektiv'])
    expect(directivePoints.byId('D9').title.en).toBe('No grants to undemocratic organisations')
    expect(directivePoints.byId('D12').title.sv).toBe('Samverkan med bostadsbolagen')
  })

  it('has the actors the brief names, at the right levels', () => {
    const at = (level: string) => actors.filter((a) => a.level === level).map((a) => a.id)
    expect(at('central')).toEqual(['kommunstyrelsen', 'socialnamnden', 'utbildningsnamnden'])
    expect(at('district')).toContain('stadsdelsnamnd')
    expect(at('company')).toEqual(['bostadsbolagen'])
    expect(at('partner')).toEqual(expect.arrayContaining(['polisen', 'sakerhetspolisen', 'nationell-samordnare', 'civilsamhallet']))
  })
})

const everyItem = Object.entries(strategy).flatMap(([name, items]) =>
  (items as ReadonlyArray<{ id: string }>).map((item) => [`${name} ${item.id}`, item] as const),
)

describe('every item is bilingual and sourced', () => {
  it('covers all collections', () => {
    expect(everyItem.length).toBe(
      guidelines.length +
        perspectives.length +
        risks.length +
        measures.length +
        directivePoints.length +
        actors.length +
        responsibilities.length +
        threatEnvironments.length,
    )
  })

  it.each(everyItem)('%s has Swedish and English title and description', (_label, item) => {
    const i = item as unknown as { title: { sv: string; en: string }; description: { sv: string; en: string } }
    for (const field of [i.title, i.description]) {
      expect(field.sv.trim().length).toBeGreaterThan(0)
      expect(field.en.trim().length).toBeGreaterThan(0)
    }
  })

  it.each(everyItem)('%s names a seed file that exists, with its date', (_label, item) => {
    const { source } = item as unknown as { source: { document: keyof typeof SOURCE_DOCUMENTS; section: string; date: string } }
    expect(existsSync(resolve(sourcesDir, source.document)), `${source.document} is in docs/sources`).toBe(true)
    expect(source.section.length).toBeGreaterThan(0)
    expect(source.date).toBe(SOURCE_DOCUMENTS[source.document].date)
  })

  it.each([...guidelines, ...measures, ...directivePoints.filter((d) => d.id !== 'D10')].map((i) => [i.id, i] as const))(
    '%s: the Swedish title is found in the source document it cites',
    (_id, item) => {
      // The OCR text is damaged ("vildsbejakande", "1" for "i"), so compare folded words.
      expect(wordCoverage(item.title.sv, sourceText(item.source.document))).toBeGreaterThanOrEqual(0.6)
    },
  )

  it('D10 is titled neutrally, not after any group (risks R1, R3), and still cites its point', () => {
    const d10 = directivePoints.byId('D10')
    expect(d10.title.en).toBe('The threat picture')
    expect(d10.source.section).toMatch(/punkt 10$/)
    expect(`${d10.title.sv} ${d10.planMustShow.sv}`).not.toMatch(/islam|muslim|vit makt|autonom/i)
  })

  it('every risk and directive point says what it demands of a plan, in both languages', () => {
    for (const r of risks) expect(r.demands.sv && r.demands.en).toBeTruthy()
    for (const d of directivePoints) expect(d.planMustShow.sv && d.planMustShow.en).toBeTruthy()
  })
})

describe('typed lookups', () => {
  it('byId returns the item', () => {
    expect(guidelines.byId('G3').title.en).toMatch(/police/)
    expect(measures.byId('M11').id).toBe('M11')
  })

  it('byId on an unknown id throws, listing the known ids', () => {
    // @ts-expect-error — 'G9' is not a guideline id, and the type says so
    expect(() => guidelines.byId('G9')).toThrowError(UnknownIdError)
    // @ts-expect-error — same at run time for input from outside
    expect(() => guidelines.byId('G9')).toThrowError(/Unknown guideline id "G9". Known ids: G1, G2, G3, G4, G5/)
  })

  it('find and has accept any string for input from outside', () => {
    expect(risks.find('R3')?.title.en).toBe('Stigmatisation of groups')
    expect(risks.find('nope')).toBeUndefined()
    expect(directivePoints.has('D12')).toBe(true)
    expect(directivePoints.has('D13')).toBe(false)
  })

  it('collections are frozen', () => {
    expect(Object.isFrozen(guidelines)).toBe(true)
    expect(() => (guidelines as unknown as unknown[]).push({})).toThrow()
  })
})

describe('responsibilities and relation queries', () => {
  it('every responsibility points at a known actor and target, at the actor’s level', () => {
    for (const r of responsibilities) {
      const actor = actors.byId(r.actorId)
      expect(r.level).toBe(actor.level)
      expect(targetOf(r.target).id).toBe(r.target.id)
      expect(r.title.sv).toContain(actor.title.sv)
      expect(r.title.en).toContain(r.target.id)
    }
  })

  it('the central level owns city-wide coordination (M1) and monitoring (M9)', () => {
    const central = measuresOwnedAt('central').map((m) => m.id)
    expect(central).toEqual(expect.arrayContaining(['M1', 'M9']))
    expect(responsibilitiesFor('M1').owners.map((r) => r.actorId)).toEqual(['kommunstyrelsen'])
  })

  it('measures owned at district level are derived from the data', () => {
    const expected = [...new Set(responsibilitiesWhere({ level: 'district', role: 'owns', kind: 'measure' }).map((r) => r.target.id))]
    const owned = measuresOwnedAt('district').map((m) => m.id)
    expect([...owned].sort()).toEqual([...expected].sort())
    // The brief: districts hold the police cooperation agreement (M5), train staff (M2),
    // inform residents (M4) and support local associations (M11).
    expect(owned).toEqual(['M2', 'M4', 'M5', 'M11'])
  })

  it('shows the measures the sources leave without an owner, instead of hiding them', () => {
    const unowned = unownedMeasures().map((m) => m.id)
    expect(unowned).toContain('M8')
    for (const id of unowned) expect(responsibilitiesFor(id as 'M8').owners).toEqual([])
  })

  it('a district must address all twelve directive points', () => {
    expect(directivePointsForDistrict().map((d) => d.id)).toEqual(range('D', 12))
  })

  it('D9 (grants) is owned at district level and D12 involves the housing companies', () => {
    expect(responsibilitiesFor('D9').owners.map((r) => r.level)).toEqual(['district'])
    expect(responsibilitiesFor('D12').contributors.map((r) => r.actorId)).toContain('bostadsbolagen')
  })

  it('every guideline has someone responsible', () => {
    for (const g of guidelines) {
      const { owners, contributors } = responsibilitiesFor(g.id)
      expect(owners.length + contributors.length, g.id).toBeGreaterThan(0)
    }
  })

  it('responsibility ids are unique and readable', () => {
    expect(new Set(responsibilities.map((r) => r.id)).size).toBe(responsibilities.length)
    expect(responsibilities.byId('kommunstyrelsen-owns-m1').target).toEqual({ kind: 'measure', id: 'M1' })
  })
})

describe('threat environments are reference data, never ranked', () => {
  it('are dated and sourced, with no rank, priority or severity', () => {
    expect(threatEnvironments.length).toBe(3)
    for (const t of threatEnvironments) {
      expect(t.asOf).toMatch(/^\d{4}/)
      expect(t.namedBy).toBe('Säkerhetspolisen')
      expect(Object.keys(t)).not.toEqual(expect.arrayContaining(['rank']))
      for (const key of Object.keys(t)) expect(key).not.toMatch(/rank|priority|severity|weight|order|score/i)
    }
  })

  it('are listed in alphabetical order of id, so order carries no meaning', () => {
    const ids = threatEnvironments.map((t) => t.id)
    expect(ids).toEqual([...ids].sort())
  })

  it('share one description, so no environment is described as worse than another', () => {
    expect(new Set(threatEnvironments.map((t) => t.description.en)).size).toBe(1)
  })
})
