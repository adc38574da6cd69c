import { describe, expect, it } from 'vitest'
import { ValidationError } from '@vbe/core'
import {
  analysePlan,
  diffPlans,
  directive2017,
  norrmalmExamplePlan,
  parsePlan,
  pluginTemplate,
  rinkebyKistaExamplePlan,
  strategy2016,
  templatesFor,
  type Plan,
  type PlanAnalysis,
} from '@vbe/core/plans'
import { defineDistrictPlugin } from '@vbe/core/plugins'

const codes = (findings: PlanAnalysis['indicatorFindings']) => findings.map((f) => f.code)
const clone = (p: Plan): Plan => structuredClone(p)

const localPlugin = defineDistrictPlugin({
  id: 'norrmalm',
  name: { sv: 'Norrmalm', en: 'Norrmalm' },
  planSections: [
    'norrmalm-single-entry-point',
    'norrmalm-existing-structures',
    'norrmalm-passing-on-knowledge',
    'norrmalm-local-preparedness',
  ].map((id) => ({
    id,
    title: { sv: id, en: id },
    description: { sv: 'd', en: 'd' },
    asks: { sv: 'a', en: 'a' },
    source: { document: 'norrmalm-remissvar-strategi-vbe-2015.txt' as const, section: 'Förvaltningens synpunkter', date: '2015' },
  })),
})

describe('templates', () => {
  it('strategy-2016 holds G1–G5, P1–P4 and M1–M12; directive-2017 holds D1–D12 with what each asks', () => {
    expect(strategy2016.items.map((i) => i.id)).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
      'G5',
      'P1',
      'P2',
      'P3',
      'P4',
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'M7',
      'M8',
      'M9',
      'M10',
      'M11',
      'M12',
    ])
    expect(directive2017.items).toHaveLength(12)
    expect(directive2017.items[5]?.asks.en).toMatch(/where to turn/)
    expect(directive2017.source).toMatchObject({ document: 'rinkeby-kista-protokoll-2017-09-21-par10.txt' })
  })

  it('a plugin’s plan sections become a template of their own', () => {
    const t = pluginTemplate(localPlugin)
    expect(t?.id).toBe('plugin:norrmalm')
    expect(t?.items.map((i) => i.kind)).toEqual(['section', 'section', 'section', 'section'])
    expect(templatesFor(localPlugin).map((x) => x.id)).toEqual(['strategy-2016', 'directive-2017', 'plugin:norrmalm'])
    expect(templatesFor().map((x) => x.id)).toEqual(['strategy-2016', 'directive-2017'])
  })
})

describe('parsePlan', () => {
  it('accepts the fixtures and fills defaults', () => {
    const plan = parsePlan(norrmalmExamplePlan)
    expect(plan.activities[0]?.risks).toEqual([])
    expect(plan.activities[1]?.sections).toEqual([])
  })

  it('names each bad field', () => {
    const bad = structuredClone(norrmalmExamplePlan) as Record<string, unknown> & typeof norrmalmExamplePlan
    bad.year = 2015
    ;(bad.activities![0] as { indicators: Array<{ kind: string }> }).indicators[0]!.kind = 'impact'
    ;(bad.activities![1] as { period: { from: string; to: string } }).period = { from: '2026-12-31', to: '2026-01-01' }
    ;(bad.activities![1] as { guidelines: string[] }).guidelines = ['G9']
    try {
      parsePlan(bad)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError)
      const problems = (e as ValidationError).problems.map((p) => `${p.path}: ${p.message}`)
      expect(problems).toEqual(
        expect.arrayContaining([
          'year: must be 2016 or later',
          'activities[0].indicators[0].kind: must be one of the choices offered',
          'activities[1].period.to: must not be before the start date',
          'activities[1].guidelines[0]: must be a guideline id (G1, G2, G3, G4, G5), got "G9"',
        ]),
      )
    }
  })

  it('rejects duplicate activity and indicator ids', () => {
    const dup = structuredClone(norrmalmExamplePlan)
    dup.activities = [
      dup.activities![0]!,
      { ...dup.activities![0]!, indicators: [dup.activities![0]!.indicators![0]!, dup.activities![0]!.indicators![0]!] },
    ]
    expect(() => parsePlan(dup)).toThrow(/activities\[1\]\.id: has the same id \("a1"\) as another entry/)
    expect(() => parsePlan(dup)).toThrow(/activities\[1\]\.indicators\[1\]\.id: has the same id \("i1"\) as another entry/)
  })

  it('requires an existing structure or a reason for a new one', () => {
    const p = structuredClone(norrmalmExamplePlan)
    ;(p.activities![0] as { existingStructure: unknown }).existingStructure = { kind: 'new' }
    expect(() => parsePlan(p)).toThrow(/activities\[0\]\.existingStructure\.reason/)
  })

  it('parses an activity whose structure is not chosen yet, and the analysis reports it as an error, in words', () => {
    const p = structuredClone(norrmalmExamplePlan) as Plan
    delete (p.activities[0] as { existingStructure?: unknown }).existingStructure
    const plan = parsePlan(p)
    expect(plan.activities[0]?.existingStructure).toBeUndefined()
    const found = analysePlan(plan, { templates: [], on: '2026-06-01' }).revisionFindings.filter((f) => f.code === 'structure-not-chosen')
    expect(found.map((f) => [f.severity, f.activityId])).toEqual([['error', plan.activities[0]!.id]])
    expect(found[0]!.message.sv).toBe(
      `Aktiviteten ”${plan.activities[0]!.title}” anger inte om den bedrivs i en befintlig struktur eller behöver en ny. Välj en av dem och beskriv den.`,
    )
    expect(found[0]!.message.en).toContain('does not say whether it runs in an existing structure or needs a new one')
    // Chosen, it is not reported.
    expect(codes(analysePlan(parsePlan(norrmalmExamplePlan), { templates: [], on: '2026-06-01' }).revisionFindings)).not.toContain(
      'structure-not-chosen',
    )
  })
})

describe('analysePlan on the Rinkeby-Kista plan (the weaknesses of 2017)', () => {
  const plan = parsePlan(rinkebyKistaExamplePlan)
  const analysis = analysePlan(plan, { templates: templatesFor(), on: '2017-09-21' })

  it('shows the directive points the plan misses', () => {
    const directive = analysis.summary.templates.find((t) => t.templateId === 'directive-2017')!
    expect(directive.covered).toBe(2)
    expect(directive.gaps).toEqual(['D1', 'D3', 'D4', 'D5', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12'])
    expect(directive.percent).toBe(16)
    const d6 = analysis.coverage[1]!.items.find((i) => i.id === 'D6')!
    expect(d6).toMatchObject({ covered: true, activityIds: ['b1'] })
  })

  it('counts activity and output indicators as no effect follow-up', () => {
    expect(codes(analysis.indicatorFindings).filter((c) => c === 'not-effect-follow-up')).toHaveLength(3)
    expect(codes(analysis.indicatorFindings).filter((c) => c === 'activity-without-effect-indicator')).toHaveLength(2)
    const guidelines = analysis.indicatorFindings.filter((f) => f.code === 'guideline-without-effect-indicator').map((f) => f.itemId)
    expect(guidelines).toEqual(['G1', 'G2'])
  })

  it('flags a district claiming the central responsibility for city-wide coordination (M1)', () => {
    const f = analysis.responsibilityFindings.filter((x) => x.itemId === 'M1').map((x) => x.code)
    expect(f).toEqual(['claims-central-responsibility', 'central-counterpart-missing'])
    expect(analysis.responsibilityFindings[0]?.message.en).toContain('City Executive Board / City Executive Office')
  })

  it('requires R1 and R3 to be handled for preventive work aimed at residents', () => {
    expect(analysis.riskFindings.map((f) => [f.activityId, f.itemId])).toEqual([
      ['b1', 'R1'],
      ['b1', 'R3'],
    ])
    expect(analysis.riskFindings[1]?.message.sv).toMatch(/stigmatisera/)
  })

  it('flags a stale situation picture and a missing police problem picture', () => {
    expect(codes(analysis.revisionFindings)).toEqual(['situation-picture-stale', 'local-problem-picture-missing'])
  })

  it('flags a plan year that has passed', () => {
    const later = analysePlan(plan, { templates: templatesFor(), on: '2018-02-01' })
    expect(codes(later.revisionFindings)).toContain('plan-year-passed')
  })

  it('counts findings by severity', () => {
    const all = [...analysis.indicatorFindings, ...analysis.responsibilityFindings, ...analysis.riskFindings, ...analysis.revisionFindings]
    expect(analysis.summary.findings.error + analysis.summary.findings.warning + analysis.summary.findings.info).toBe(all.length)
    expect(analysis.summary.findings.error).toBeGreaterThanOrEqual(5)
  })
})

describe('analysePlan on the Norrmalm plan', () => {
  const plan = parsePlan(norrmalmExamplePlan)
  const analysis = analysePlan(plan, { templates: templatesFor(localPlugin), on: '2026-09-01' })

  it('has no indicator, risk or revision errors', () => {
    expect(analysis.indicatorFindings).toEqual([])
    expect(analysis.riskFindings).toEqual([])
    expect(analysis.revisionFindings).toEqual([])
    expect(analysis.responsibilityFindings).toEqual([])
  })

  it('covers local sections by answer or by activity, and shows the one left open', () => {
    const local = analysis.summary.templates.find((t) => t.templateId === 'plugin:norrmalm')!
    expect(local.covered).toBe(3)
    expect(local.gaps).toEqual(['norrmalm-local-preparedness'])
  })

  it('an effect indicator without baseline, target or data source is flagged', () => {
    const p = clone(plan)
    const ind = p.activities[1]!.indicators[0]!
    delete (ind as Partial<typeof ind>).baseline
    ind.dataSource = ' '
    const a = analysePlan(p, { templates: [strategy2016], on: '2026-09-01' })
    expect(a.indicatorFindings.map((f) => [f.code, f.indicatorId])).toEqual([['effect-indicator-incomplete', 'i2']])
    expect(a.indicatorFindings[0]?.message.en).toBe(
      'The effect indicator "Tid från signal till gemensam bedömning" has no baseline, data source; without them its effect cannot be followed up.',
    )
  })

  it('the situation picture turns stale exactly twelve months later', () => {
    expect(codes(analysePlan(plan, { templates: [], on: '2027-02-15' }).revisionFindings)).not.toContain('situation-picture-stale')
    expect(codes(analysePlan(plan, { templates: [], on: '2027-02-16' }).revisionFindings)).toContain('situation-picture-stale')
  })

  it('an actor named at the wrong level is an error', () => {
    const p = clone(plan)
    p.activities[0]!.responsible = { actorId: 'kommunstyrelsen', level: 'district' }
    const a = analysePlan(p, { templates: [], on: '2026-09-01' })
    expect(a.responsibilityFindings.map((f) => f.code)).toEqual(['actor-level-mismatch'])
  })
})

describe('analysePlan on a blank plan (what it needs before it goes to the committee)', () => {
  const blank = parsePlan({
    district: 'norrmalm',
    year: 2026,
    status: 'draft',
    contactPoint: { function: 'Samordnare', unit: 'Förvaltningen' },
    situationPicture: { date: '2026-08-01', summary: '' },
    sections: [{ id: 'norrmalm-single-entry-point', text: '' }],
  })
  const on = '2026-09-01'

  it('a draft may have an empty situation picture; the analysis names it, the missing activities and each unanswered template as errors', () => {
    const a = analysePlan(blank, { templates: templatesFor(localPlugin), on })
    expect(codes(a.revisionFindings)).toEqual([
      'situation-picture-summary-missing',
      'local-problem-picture-missing',
      'no-activities',
      'template-not-covered',
      'template-not-covered',
      'template-not-covered',
    ])
    expect(a.revisionFindings.filter((f) => f.code === 'template-not-covered').map((f) => f.itemId)).toEqual([
      'strategy-2016',
      'directive-2017',
      'plugin:norrmalm',
    ])
    expect(a.summary.findings.error).toBe(5)
    expect(a.revisionFindings[0]?.message.sv).toBe('Lägesbilden har ingen text. Beskriv vad den aktuella lokala lägesbilden visar.')
    // Blank space is no text either; a written picture is.
    const spaces = { ...blank, situationPicture: { ...blank.situationPicture, summary: '  ' } }
    expect(codes(analysePlan(spaces, { templates: [], on }).revisionFindings)).toContain('situation-picture-summary-missing')
    const written = { ...blank, situationPicture: { ...blank.situationPicture, summary: 'Lägesbild.' } }
    expect(codes(analysePlan(written, { templates: [], on }).revisionFindings)).not.toContain('situation-picture-summary-missing')
  })

  it('an activity linked to no guideline is an error naming the activity; linked, it is not', () => {
    const nm = parsePlan(norrmalmExamplePlan)
    const p = clone(nm)
    p.activities[0]!.guidelines = []
    const found = analysePlan(p, { templates: [], on }).revisionFindings.filter((f) => f.code === 'activity-without-guideline')
    expect(found.map((f) => f.activityId)).toEqual([p.activities[0]!.id])
    expect(found[0]?.message.en).toContain(`“${p.activities[0]!.title}”`)
    expect(found[0]?.message.sv).toContain(`”${p.activities[0]!.title}”`)
    expect(codes(analysePlan(nm, { templates: [], on }).revisionFindings)).not.toContain('activity-without-guideline')
  })
})

describe('diffPlans', () => {
  const a = parsePlan(norrmalmExamplePlan)

  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(a, clone(a))).toMatchObject({ identical: true, plan: [], activities: { added: [], removed: [], changed: [] } })
  })

  it('reports plan fields, activities and indicators added, removed and changed', () => {
    const b = clone(a)
    b.status = 'submitted'
    b.situationPicture.summary = 'Ny lägesbild.'
    b.activities[0]!.title = 'Fördjupad utbildning'
    b.activities[0]!.indicators[0]!.target = { value: 90, date: '2026-12-31' }
    b.activities[0]!.indicators[0]!.followUps.push({ period: 'T2', value: 60, date: '2026-08-31', note: 'Bra' })
    b.activities[1]!.risks[1]!.mitigation = 'Ändrad'
    b.activities[1]!.indicators = []
    b.activities.push({ ...clone(a).activities[0]!, id: 'a3', title: 'Ny aktivitet' })
    const d = diffPlans(a, b)
    expect(d.identical).toBe(false)
    expect(d.plan).toEqual([
      { path: 'status', before: 'draft', after: 'submitted' },
      { path: 'situationPicture.summary', before: a.situationPicture.summary, after: 'Ny lägesbild.' },
    ])
    expect(d.activities.added.map((x) => x.id)).toEqual(['a3'])
    expect(d.activities.removed).toEqual([])
    const [c1, c2] = d.activities.changed
    expect(c1?.fields).toEqual([
      { path: 'title', before: 'Grundutbildning för personal som möter barn och unga', after: 'Fördjupad utbildning' },
    ])
    expect(c1?.indicators.changed[0]?.fields).toEqual([
      { path: 'target.value', before: 80, after: 90 },
      { path: 'followUps[T2]', before: undefined, after: { period: 'T2', value: 60, date: '2026-08-31', note: 'Bra' } },
    ])
    expect(c2?.fields).toEqual([{ path: 'risks[R3].mitigation', before: a.activities[1]!.risks[1]!.mitigation, after: 'Ändrad' }])
    expect(c2?.indicators.removed.map((i) => i.id)).toEqual(['i2'])
  })

  it('reports removed activities', () => {
    const b = clone(a)
    b.activities = b.activities.slice(1)
    expect(diffPlans(a, b).activities.removed.map((x) => x.id)).toEqual(['a1'])
  })
})
