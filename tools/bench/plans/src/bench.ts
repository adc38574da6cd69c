/**
 * analysePlan on a generated plan with 1 000 activities (goal: median under 10 ms),
 * beside a named baseline measured in the same run: structuredClone of the same plan,
 * i.e. the cost of merely copying the data once.
 */
import { performance } from 'node:perf_hooks'
import { analysePlan, diffPlans, parsePlan, templatesFor, type Plan, type PlanInput } from '@vbe/core/plans'
import { DIRECTIVE_POINT_IDS, GUIDELINE_IDS, MEASURE_IDS, PERSPECTIVE_IDS } from '@vbe/core/strategy'

// A small seeded PRNG so every run measures the same plan.
let seed = 20261122
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
const some = <T>(list: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list))),
]

function generate(n: number): PlanInput {
  return {
    district: 'benchby',
    year: 2026,
    status: 'draft',
    contactPoint: { function: 'Samordnare', unit: 'Förvaltningen' },
    situationPicture: { date: '2026-01-15', sources: [], summary: 'Lägesbild.' },
    activities: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      title: `Aktivitet ${i}`,
      guidelines: some(GUIDELINE_IDS, 2),
      perspectives: some(PERSPECTIVE_IDS, 2),
      measures: some(MEASURE_IDS, 3),
      directivePoints: some(DIRECTIVE_POINT_IDS, 3),
      responsible: { actorId: pick(['stadsdelsnamnd', 'kommunstyrelsen', 'socialnamnden']), level: pick(['district', 'central'] as const) },
      partners: some(['polisen', 'civilsamhallet', 'kommunstyrelsen', 'bostadsbolagen'], 2),
      targetGroup: { kind: pick(['staff', 'residents', 'partners'] as const), description: 'Målgrupp' },
      existingStructure: { kind: 'existing' as const, name: 'Trygghetsrådet' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      risks:
        rand() < 0.5
          ? [
              { riskId: 'R1' as const, mitigation: 'Fokus på handlingen' },
              { riskId: 'R3' as const, mitigation: 'Ingen grupp pekas ut' },
            ]
          : [],
      indicators: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, j) => ({
        id: `i${i}-${j}`,
        name: `Indikator ${j}`,
        kind: pick(['effect', 'output', 'activity'] as const),
        unit: 'procent',
        ...(rand() < 0.8 ? { baseline: { value: 10, date: '2025-12-31' } } : {}),
        target: { value: 50, date: '2026-12-31' },
        dataSource: rand() < 0.9 ? 'Enkät' : '',
        owner: 'Samordnaren',
        frequency: 'tertial' as const,
      })),
    })),
  }
}

function time(label: string, rounds: number, fn: () => unknown) {
  for (let i = 0; i < 20; i++) fn() // warm up
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]!
  const p95 = samples[Math.floor(samples.length * 0.95)]!
  console.log(`${label.padEnd(44)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   (${rounds} rounds)`)
  return median
}

const plan: Plan = parsePlan(generate(1000))
const edited: Plan = structuredClone(plan)
edited.activities[500]!.title = 'Ändrad'
edited.activities.pop()
const templates = templatesFor()
const on = '2026-09-01'

console.log(
  `analysePlan benchmark: 1 000 activities, ${plan.activities.reduce((n, a) => n + a.indicators.length, 0)} indicators, node ${process.version}`,
)
const baseline = time('baseline: structuredClone(plan)', 200, () => structuredClone(plan))
const analyse = time('analysePlan(plan, { templates, on })', 200, () => analysePlan(plan, { templates, on }))
const diff = time('diffPlans(plan, edited)', 200, () => diffPlans(plan, edited))
const result = analysePlan(plan, { templates, on })
console.log(`findings: ${JSON.stringify(result.summary.findings)}`)
console.log(`analysePlan / baseline: ${(analyse / baseline).toFixed(2)}x   diffPlans / baseline: ${(diff / baseline).toFixed(2)}x`)
console.log(`goal: analysePlan median under 10 ms — ${analyse < 10 ? 'met' : 'NOT met'} (${analyse.toFixed(2)} ms)`)
