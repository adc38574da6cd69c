import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CatalogueMismatchError, restoreScreening, screener, storeScreening, type ScreeningResult } from '@vbe/core/grants'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { allPlugins, rinkebyKistaFixture, testbyFixture } from './grants/fixtures.js'
import { applicationArb, onArb } from './grants/arbitraries.js'

const s = screener(allPlugins)
const screenOrNull = (a: Parameters<typeof s.screen>[0], on: string): ScreeningResult | null => {
  try {
    return s.screen(a, on)
  } catch {
    return null // the programme is not in force on that day
  }
}

describe('stored screenings', () => {
  it('store → JSON → restore gives back the same result, for any application and day', () => {
    fc.assert(
      fc.property(applicationArb, onArb, (a, on) => {
        const result = screenOrNull(a, on)
        if (result === null) return
        const stored = JSON.parse(JSON.stringify(storeScreening(result, s.catalogue)))
        expect(restoreScreening(stored, JSON.parse(JSON.stringify(s.catalogue)))).toEqual(JSON.parse(JSON.stringify(result)))
      }),
      { numRuns: 300 },
    )
  })

  it('leaves out the kind and sources the catalogue holds, so a result stores in far fewer bytes', () => {
    const result = fc
      .sample(applicationArb, { numRuns: 50, seed: 7 })
      .map((a) => screenOrNull(a, '2026-11-22'))
      .find((r) => r !== null)!
    const stored = storeScreening(result, s.catalogue)
    expect(stored.findings.every((f) => f.kind === undefined && f.sources === undefined)).toBe(true)
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(result).length / 2)
  })

  it('keeps a finding’s kind and sources when they differ from its rule’s in the catalogue', () => {
    const result = fc
      .sample(applicationArb, { numRuns: 50, seed: 8 })
      .map((a) => screenOrNull(a, '2026-11-22'))
      .find((r) => r !== null)!
    const odd = { ...result, findings: result.findings.map((f, i) => (i === 0 ? { ...f, kind: 'democracy' as const, sources: [] } : f)) }
    const stored = storeScreening(odd, s.catalogue)
    expect(stored.findings[0]).toMatchObject({ kind: 'democracy', sources: [] })
    expect(restoreScreening(stored, s.catalogue)).toEqual(odd)
  })

  it('refuses a catalogue of another ruleset version, naming both', () => {
    const p = rinkebyKistaFixture.grantProgrammes[0]!
    const changed = screener(
      composePlugins([
        testbyFixture,
        defineDistrictPlugin({ ...rinkebyKistaFixture, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 1 } }] }),
      ]),
    )
    expect(changed.version).not.toBe(s.version)
    const result = fc
      .sample(applicationArb, { numRuns: 50, seed: 9 })
      .map((a) => screenOrNull(a, '2026-11-22'))
      .find((r) => r !== null)!
    const stored = storeScreening(result, s.catalogue)
    expect(() => restoreScreening(stored, changed.catalogue)).toThrow(CatalogueMismatchError)
    expect(() => restoreScreening(stored, changed.catalogue)).toThrow(s.version)
    expect(() => storeScreening(result, changed.catalogue)).toThrow(changed.version)
  })

  it('the catalogue is plain JSON data, one entry per programme and rule', () => {
    const c = JSON.parse(JSON.stringify(s.catalogue))
    expect(Object.keys(c.programmes).sort()).toEqual([...s.programmes].sort())
    for (const rules of Object.values(c.programmes) as Record<string, { kind: string; sources: unknown[] }>[]) {
      for (const r of Object.values(rules)) expect(r.sources.length).toBeGreaterThan(0)
    }
  })
})
