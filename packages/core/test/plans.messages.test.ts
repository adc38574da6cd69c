import { describe, expect, it } from 'vitest'
import { MESSAGES, messageText, ValidationError, type FieldProblem } from '@vbe/core'
import { norrmalmExamplePlan, parsePlan, type PlanInput } from '@vbe/core/plans'

/** The problems of a plan that breaks one rule of each kind. */
function problemsOf(input: PlanInput): readonly FieldProblem[] {
  try {
    parsePlan(input)
  } catch (error) {
    if (error instanceof ValidationError) return error.problems
    throw error
  }
  return []
}

const bad = (): PlanInput => {
  const p = structuredClone(norrmalmExamplePlan) as PlanInput & Record<string, unknown>
  const first = (p.activities as unknown as Array<Record<string, unknown>>)[0]!
  const acts: Array<Record<string, unknown>> = [1, 2, 3, 4].map((n) => ({ ...structuredClone(first), id: `x${n}` }))
  p.activities = acts as unknown as PlanInput['activities']
  p.year = 2015 // plan.fromYear
  p.district = 'Rinkeby Kista' // plan.district
  ;(p.contactPoint as Record<string, unknown>).email = 'inte en adress' // plan.email
  acts[0]!.title = '   ' // plan.empty
  acts[0]!.period = { from: '2026-12-31', to: '2026-01-01' } // plan.periodOrder
  acts[0]!.existingStructure = { kind: 'somewhere' } // plan.existingStructure
  acts[1]!.title = 42 // plan.text
  const indicator = (acts[2]!.indicators as Array<Record<string, unknown>>)[0]!
  indicator.kind = 'impact' // plan.oneOf
  indicator.followUps = [{ period: 'T4', value: 'tio', date: '2026-04-30' }] // plan.tertial, plan.number
  acts[2]!.id = 'a b' // plan.idChars
  acts[3]!.title = 'x'.repeat(100_000) // plan.tooLong
  acts[3]!.partners = Array.from({ length: 1_000 }, (_, i) => `Partner ${i}`) // plan.tooMany
  return p
}

/** Two activities with one id: checked once every activity is otherwise valid. */
const duplicated = (): PlanInput => {
  const p = structuredClone(norrmalmExamplePlan) as PlanInput
  const [first] = p.activities!
  p.activities = [first!, { ...structuredClone(first!) }] // plan.duplicateId
  return p
}

/** What a person must never read in a message: a schema field or path, an enum code, a district or kind id. */
const MACHINE =
  /\b(period\.(from|to)|existingStructure|kind|field|activities|indicators|followUps|rinkeby-kista|effect, output|output|impact|district plugin)\b|\{ ?kind/

describe('core’s plan validation messages are worded for people, in Swedish and English', () => {
  const problems = [...problemsOf(bad()), ...problemsOf(duplicated())]

  it('the bad plan trips every plan message', () => {
    const planCodes = Object.keys(MESSAGES).filter((c) => c.startsWith('plan.'))
    for (const code of planCodes)
      expect(
        problems.map((p) => p.code),
        code,
      ).toContain(code)
  })

  it('no message names a field, a path or a code; each starts with a verb, as it follows the field’s label', () => {
    for (const p of problems.filter((x) => x.code.startsWith('plan.'))) {
      const text = messageText(p.code, p.params)
      for (const lang of ['sv', 'en'] as const) {
        expect(text[lang], `${p.code} ${lang}: ${text[lang]}`).not.toMatch(MACHINE)
        expect(text[lang], `${p.code} ${lang}`).toMatch(/^(måste|får|ange|har|must|may|name|has)\b/)
      }
    }
  })

  it('words the reported problems as a person reads them', () => {
    const text = (path: string) => {
      const p = problems.find((x) => x.path === path)
      expect(p, path).toBeDefined()
      return messageText(p!.code, p!.params)
    }
    expect(text('activities[0].period.to')).toEqual({ sv: 'får inte vara före startdatumet', en: 'must not be before the start date' })
    expect(text('year')).toEqual({ sv: 'måste vara 2016 eller senare', en: 'must be 2016 or later' })
    expect(text('district')).toEqual({ sv: 'måste vara en av stadens stadsdelar', en: 'must be one of the city’s districts' })
    expect(text('activities[2].indicators[0].kind')).toEqual({
      sv: 'måste vara ett av de val som finns',
      en: 'must be one of the choices offered',
    })
    expect(text('activities[0].existingStructure.kind').en).toBe(
      'name an existing structure, or choose a new structure and say why it is needed',
    )
  })
})
