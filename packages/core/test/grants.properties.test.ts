import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '@vbe/core'
import { isRealIsoDate, parseApplication, screen, type Application } from '@vbe/core/grants'
import { allPlugins } from './grants/fixtures.js'
import { applicationArb, evidenceArb, freeTextArb, onArb } from './grants/arbitraries.js'

const plugins = allPlugins
const run = (a: Application, on: string) => screen(a, { on, plugins })
const RUNS = { numRuns: 500 }

describe('property: the generated applications are valid input', () => {
  it('every generated application parses to itself', () => {
    fc.assert(
      fc.property(applicationArb, (a) => {
        expect(parseApplication(JSON.parse(JSON.stringify(a)))).toEqual(a)
      }),
      { numRuns: 200 },
    )
  })
})

describe('property: free text never changes the outcome', () => {
  it('changing the association’s name, evidence summaries and source references keeps outcome and statuses', () => {
    fc.assert(
      fc.property(
        applicationArb,
        onArb,
        freeTextArb(200),
        fc.array(fc.tuple(freeTextArb(4000), freeTextArb(200)), { minLength: 4, maxLength: 4 }),
        (a, on, name, texts) => {
          const changed: Application = {
            ...a,
            association: { ...a.association, name },
            evidence: a.evidence.map((e, i) => ({ ...e, summary: texts[i]![0], source: { ...e.source, reference: texts[i]![1] } })),
          }
          const before = run(a, on)
          const after = run(changed, on)
          expect(after.outcome).toBe(before.outcome)
          expect(after.humanDecisionRequired).toBe(before.humanDecisionRequired)
          expect(after.findings.map((f) => [f.ruleId, f.status])).toEqual(before.findings.map((f) => [f.ruleId, f.status]))
        },
      ),
      RUNS,
    )
  })
})

describe('property: verified evidence within the activities', () => {
  it('adding a verified, within-activities item never turns ineligible into anything else', () => {
    fc.assert(
      fc.property(applicationArb, onArb, evidenceArb('added'), (a, on, item) => {
        fc.pre(run(a, on).outcome === 'ineligible')
        const added = { ...a, evidence: [...a.evidence, { ...item, verified: true, withinActivities: true }] }
        expect(run(added, on).outcome).toBe('ineligible')
      }),
      RUNS,
    )
  })

  it('a verified item by the organisation, dated no later than the screening date, always makes the application ineligible and needs a person', () => {
    fc.assert(
      fc.property(applicationArb, onArb, evidenceArb('added'), (a, on, item) => {
        fc.pre(item.date <= on)
        const { representativeAge: _age, ...rest } = item
        const added = {
          ...a,
          evidence: [...a.evidence, { ...rest, actor: 'organisation' as const, verified: true, withinActivities: true }],
        }
        const result = run(added, on)
        expect(result.outcome).toBe('ineligible')
        expect(result.humanDecisionRequired).toBe(true)
      }),
      RUNS,
    )
  })
})

describe('property: no evidence, no democracy finding', () => {
  it('removing all evidence never creates a democracy finding or a need for a person to weigh one', () => {
    fc.assert(
      fc.property(applicationArb, onArb, (a, on) => {
        const result = run({ ...a, evidence: [] }, on)
        expect(result.findings.filter((f) => f.kind === 'democracy')).toEqual([])
        expect(result.humanDecisionRequired).toBe(false)
        const before = run(a, on).findings.filter((f) => f.kind === 'democracy').length
        expect(before).toBe(a.evidence.length)
      }),
      RUNS,
    )
  })
})

describe('property: results are consistent', () => {
  it('the outcome follows from the findings, every finding has sources and a reason in both languages that names no protected characteristic', () => {
    const forbidden = /religi|etni|ethnic|politisk åsikt|political opinion|nationalit|trosuppfattning|faith/i
    fc.assert(
      fc.property(applicationArb, onArb, (a, on) => {
        const r = run(a, on)
        const statuses = r.findings.map((f) => f.status)
        const expected = statuses.includes('not_met')
          ? 'ineligible'
          : statuses.includes('needs_assessment')
            ? 'requires_assessment'
            : 'eligible'
        expect(r.outcome).toBe(expected)
        expect(r.humanDecisionRequired).toBe(
          r.findings.some((f) => f.kind === 'democracy' && (f.status === 'not_met' || f.status === 'needs_assessment')),
        )
        for (const f of r.findings) {
          expect(f.sources.length).toBeGreaterThan(0)
          expect(f.reason.sv.length).toBeGreaterThan(10)
          expect(f.reason.en.length).toBeGreaterThan(10)
          expect(f.reason.sv).not.toMatch(forbidden)
          expect(f.reason.en).not.toMatch(forbidden)
        }
        // Screening the same application again gives the same result.
        expect(run(a, on)).toEqual(r)
      }),
      RUNS,
    )
  })
})

describe('property: the fast date check', () => {
  it('agrees with the shared isIsoDate on date-like and arbitrary strings (years 1000–9999; the shared one maps years below 100 to 19xx)', () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 }), fc.stringMatching(/^[1-9][0-9-]{9}$/)), (s) => {
        expect(isRealIsoDate(s)).toBe(isIsoDate(s))
      }),
      { numRuns: 5000 },
    )
    for (const s of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-12-31'])
      expect(isRealIsoDate(s)).toBe(isIsoDate(s))
  })
})
