import { describe, expect, it } from 'vitest'
import { GUIDELINE_IDS, DIRECTIVE_POINT_IDS, MEASURE_IDS, PERSPECTIVE_IDS, RISK_IDS } from '@vbe/core/strategy'
import {
  analysePlan,
  norrmalmExamplePlan,
  parsePlan,
  rinkebyKistaExamplePlan,
  strategyItemLabel,
  templatesFor,
  type Plan,
  type PlanAnalysis,
} from '@vbe/core/plans'

/** The strategy's internal short ids (G1, D9, M4, P2, R1): keys in the data, never words a person reads. */
const SHORT_ID = /\b[GDMPR]\d{1,2}\b/

const all = (a: PlanAnalysis) => [...a.indicatorFindings, ...a.responsibilityFindings, ...a.riskFindings, ...a.revisionFindings]

describe('plan analysis in words, without the strategy’s short ids', () => {
  it('every guideline, perspective, measure, directive point and risk has a short label and a title in both languages', () => {
    for (const id of [...GUIDELINE_IDS, ...PERSPECTIVE_IDS, ...MEASURE_IDS, ...DIRECTIVE_POINT_IDS, ...RISK_IDS]) {
      const label = strategyItemLabel(id)
      expect(label, id).toBeDefined()
      for (const lang of ['sv', 'en'] as const) {
        expect(label!.short[lang].trim(), `${id} ${lang}`).not.toBe('')
        expect(label!.short[lang]).not.toMatch(SHORT_ID)
        expect(label!.title[lang]).not.toMatch(SHORT_ID)
      }
    }
    expect(strategyItemLabel('G3')?.short).toEqual({ sv: 'Samarbete med polisen', en: 'Cooperation with the police' })
    expect(strategyItemLabel('G9')).toBeUndefined()
  })

  it('no finding on a weak plan names an item by its id, in Swedish or English; each names it by its title', () => {
    // The 2017 Rinkeby-Kista plan trips nearly every rule: guidelines without effect indicators, central
    // measures claimed by the district, unhandled risks, a stale picture without the police's problem picture.
    const source = structuredClone(rinkebyKistaExamplePlan) as Plan
    const { localProblemPicture: _dropped, ...picture } = source.situationPicture
    const weak = parsePlan({ ...source, situationPicture: picture })
    const found = all(analysePlan(weak, { templates: templatesFor(), on: '2026-06-01' }))
    const codes = new Set(found.map((f) => f.code))
    for (const code of [
      'guideline-without-effect-indicator',
      'claims-central-responsibility',
      'central-counterpart-missing',
      'risk-not-handled',
      'situation-picture-stale',
      'local-problem-picture-missing',
    ])
      expect(codes, code).toContain(code)
    for (const f of found) for (const lang of ['sv', 'en'] as const) expect(f.message[lang], f.code).not.toMatch(SHORT_ID)
    const guideline = found.find((f) => f.code === 'guideline-without-effect-indicator')!
    expect(guideline.message.sv).toContain(`Riktlinjen ”${strategyItemLabel(guideline.itemId!)!.title.sv}”`)
    expect(guideline.message.en).toContain(`The guideline “${strategyItemLabel(guideline.itemId!)!.title.en}”`)
    const risk = found.find((f) => f.code === 'risk-not-handled')!
    expect(risk.message.en).toContain(`the risk “${strategyItemLabel(risk.itemId!)!.title.en}”`)
  })

  it('a responsible actor at the wrong level is named with the level in words, not its code', () => {
    const plan = parsePlan(norrmalmExamplePlan)
    const first = plan.activities[0]!
    const wrong: Plan = { ...plan, activities: [{ ...first, responsible: { actorId: first.responsible.actorId, level: 'company' } }] }
    const f = all(analysePlan(wrong, { templates: [], on: '2026-06-01' })).find((x) => x.code === 'actor-level-mismatch')
    expect(f?.message.sv).toContain('de kommunala bolagens nivå')
    expect(f?.message.en).toContain('the level of the city-owned companies')
    for (const lang of ['sv', 'en'] as const) expect(f?.message[lang]).not.toMatch(/"(company|district|central|partner)"/)
  })
})
