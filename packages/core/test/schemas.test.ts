import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { fieldProblems, isIsoDate, localizedTextSchema, sourceSchema } from '@vbe/core'
import {
  actorSchema,
  actors,
  directivePointSchema,
  directivePoints,
  guidelineSchema,
  guidelines,
  measureSchema,
  measures,
  perspectiveSchema,
  perspectives,
  responsibilities,
  responsibilitySchema,
  riskSchema,
  risks,
  threatEnvironmentSchema,
  threatEnvironments,
} from '@vbe/core/strategy'

/** Parses and returns "path: message" lines, or [] when valid. */
function problems(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input)
  return r.success ? [] : fieldProblems(r.error).map((p) => `${p.path}: ${p.message}`)
}

const clone = <T>(v: T): T => structuredClone(v) as T

const cases = [
  ['guideline', guidelineSchema, guidelines[0]!, 'G6'],
  ['perspective', perspectiveSchema, perspectives[0]!, 'P5'],
  ['risk', riskSchema, risks[0]!, 'R0'],
  ['measure', measureSchema, measures[0]!, 'M13'],
  ['directive point', directivePointSchema, directivePoints[0]!, 'D13'],
  ['actor', actorSchema, actors[0]!, 'Not A Slug'],
  ['responsibility', responsibilitySchema, responsibilities[0]!, 'Bad Id'],
  ['threat environment', threatEnvironmentSchema, threatEnvironments[0]!, '1-bad'],
] as const

describe.each(cases)('the %s schema', (what, schema, valid, badId) => {
  it('accepts the shipped data', () => {
    expect(problems(schema, valid)).toEqual([])
  })

  it('rejects an unknown id, naming the field', () => {
    const out = problems(schema, { ...clone(valid), id: badId })
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^id: /)
    if (what.length < 20 && /^[GPRMD]/.test(badId)) expect(out[0]).toContain(`got "${badId}"`)
  })

  it('rejects a missing English title', () => {
    const item = clone(valid) as { title: { sv: string; en?: string } }
    delete item.title.en
    expect(problems(schema, item)).toEqual(['title.en: English text is missing'])
  })

  it('rejects an empty Swedish description', () => {
    const item = clone(valid) as { description: { sv: string } }
    item.description.sv = '   '
    expect(problems(schema, item)).toEqual(['description.sv: Swedish text must not be empty'])
  })

  it('rejects a source that names no seed document', () => {
    const item = clone(valid) as { source: { document: string } }
    item.source.document = 'made-up.txt'
    const out = problems(schema, item)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(
      /^source\.document: must name a source document \(norrmalm-remissvar-strategi-vbe-2015\.txt, rinkeby-kista-protokoll-2017-09-21-par10\.txt\), got "made-up.txt"/,
    )
  })

  it('rejects an impossible source date', () => {
    const item = clone(valid) as { source: { date: string } }
    item.source.date = '2017-02-30'
    expect(problems(schema, item)).toEqual(['source.date: must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got "2017-02-30"'])
  })

  it('rejects fields it does not know', () => {
    const out = problems(schema, { ...clone(valid), priority: 1 })
    expect(out).toHaveLength(1)
    expect(out[0]).toBe('priority: unknown field')
  })

  it('rejects a non-object', () => {
    expect(problems(schema, 'G1')[0]).toMatch(/^\(root\): /)
  })
})

describe('shared schemas', () => {
  it('localized text needs both languages', () => {
    expect(problems(localizedTextSchema, { sv: 'Hej' })).toEqual(['en: English text is missing'])
    expect(problems(localizedTextSchema, { sv: 'Hej', en: 'Hi', de: 'Hallo' })).toEqual(['de: unknown field'])
  })

  it('source dates may be as precise as the document', () => {
    for (const date of ['2015', '2017-06', '2017-09-21']) {
      expect(problems(sourceSchema, { document: 'norrmalm-remissvar-strategi-vbe-2015.txt', section: 'x', date })).toEqual([])
    }
    expect(problems(sourceSchema, { document: 'norrmalm-remissvar-strategi-vbe-2015.txt', section: '', date: '2015' })).toEqual([
      'section: section must name where in the document the content is',
    ])
  })

  it('a responsibility target must be a known kind and id', () => {
    const item = clone(responsibilities[0]!) as unknown as { target: { kind: string; id: string } }
    item.target = { kind: 'measure', id: 'G1' }
    expect(problems(responsibilitySchema, item)[0]).toMatch(/^target\.id: must be a measure id/)
    item.target = { kind: 'wish', id: 'M1' }
    expect(problems(responsibilitySchema, item)[0]).toMatch(/^target\.kind: /)
  })

  it('a threat environment cannot carry a rank', () => {
    expect(problems(threatEnvironmentSchema, { ...threatEnvironments[0], rank: 1 })).toEqual(['rank: unknown field'])
  })
})

describe('isIsoDate', () => {
  /** An independent oracle: Date arithmetic, with setUTCFullYear so years 0–99 stay literal. */
  const oracle = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1) return false
    const last = new Date(0)
    last.setUTCFullYear(y, m, 0)
    return d <= last.getUTCDate()
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0')

  it('agrees with Date arithmetic for every month 0–13 and day 0–32 in leap-rule edge years', () => {
    let checked = 0
    for (const y of [0, 4, 99, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          expect(isIsoDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), `${y}-${m}-${d}`).toBe(oracle(y, m, d))
          checked++
        }
      }
    }
    expect(checked).toBe(11 * 14 * 33)
  })

  it('rejects anything not written YYYY-MM-DD', () => {
    for (const s of ['2024-2-29', '2024/02/29', '2024-02-29T00:00', ' 2024-02-29', '２０２４-02-29', '2024-0a-01', ''])
      expect(isIsoDate(s), s).toBe(false)
  })
})
