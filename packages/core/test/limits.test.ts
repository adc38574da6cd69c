import { describe, expect, it } from 'vitest'
import { messageText, ValidationError } from '@vbe/core'
import { APPLICATION_LIMITS, exampleApplication, safeParseApplication } from '@vbe/core/grants'
import { norrmalmExamplePlan, parsePlan, PLAN_LIMITS, type PlanInput } from '@vbe/core/plans'

/** The problems a plan gets, each as path, code and the English wording. */
function planProblems(input: PlanInput): Array<{ path: string; code: string; en: string }> {
  try {
    parsePlan(input)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return error.problems.map((p) => ({ path: p.path, code: p.code, en: messageText(p.code, p.params).en }))
  }
  return []
}

const plan = (patch: (p: PlanInput) => void): PlanInput => {
  const copy = structuredClone(norrmalmExamplePlan)
  patch(copy)
  return copy
}

describe('limits on plans (issue 16, finding 13)', () => {
  it('accepts the example plan, which is well inside every limit', () => {
    expect(planProblems(norrmalmExamplePlan)).toEqual([])
  })

  it('refuses a 20 MB summary, naming the field and the limit', () => {
    const problems = planProblems(plan((p) => void (p.situationPicture.summary = 'x'.repeat(20 * 1024 * 1024))))
    expect(problems).toEqual([
      { path: 'situationPicture.summary', code: 'plan.tooLong', en: `must be at most ${PLAN_LIMITS.longText} characters` },
    ])
  })

  it('accepts a summary of exactly the limit', () => {
    expect(planProblems(plan((p) => void (p.situationPicture.summary = 'x'.repeat(PLAN_LIMITS.longText))))).toEqual([])
  })

  it('refuses a situation-picture source whose address is not http(s), naming the field', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const problems = planProblems(plan((p) => void (p.situationPicture.sources = [{ title: 'Lägesbild', date: '2026-01-10', url }])))
      expect(problems).toEqual([{ path: 'situationPicture.sources[0].url', code: 'url.public', en: 'must be a public http(s) URL' }])
    }
    expect(
      planProblems(
        plan((p) => void (p.situationPicture.sources = [{ title: 'Lägesbild', date: '2026-01-10', url: 'https://start.stockholm/' }])),
      ),
    ).toEqual([])
  })

  it('refuses 5 000 activities, naming the list', () => {
    const first = norrmalmExamplePlan.activities![0]!
    const problems = planProblems(plan((p) => void (p.activities = Array.from({ length: 5000 }, (_, i) => ({ ...first, id: `a${i}` })))))
    expect(problems).toEqual([{ path: 'activities', code: 'plan.tooMany', en: `may hold at most ${PLAN_LIMITS.activities} entries` }])
  })

  it('refuses long titles, section answers, notes and too many partners, each by its path', () => {
    const problems = planProblems(
      plan((p) => {
        const a = p.activities![0]!
        a.title = 'x'.repeat(PLAN_LIMITS.shortText + 1)
        a.partners = Array.from({ length: PLAN_LIMITS.list + 1 }, (_, i) => `partner ${i}`)
        p.sections = [{ id: 's1', text: 'x'.repeat(PLAN_LIMITS.longText + 1) }]
      }),
    )
    expect(problems.map((p) => [p.path, p.code]).sort()).toEqual([
      ['activities[0].partners', 'plan.tooMany'],
      ['activities[0].title', 'plan.tooLong'],
      ['sections[0].text', 'plan.tooLong'],
    ])
  })
})

describe('limits on applications (issue 16, finding 13)', () => {
  it('refuses too many evidence items and an amount past what the database holds', () => {
    const base = exampleApplication()
    const result = safeParseApplication({
      ...base,
      amountRequested: 99_999_999_999,
      evidence: Array.from({ length: APPLICATION_LIMITS.evidence + 1 }, () => ({})),
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(ValidationError)
    const problems = result.problems.map((p) => [p.path, p.code])
    expect(problems).toContainEqual(['amountRequested', 'number.max'])
    expect(problems).toContainEqual(['evidence', 'list.tooLong'])
  })
})
