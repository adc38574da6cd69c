import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '@vbe/core'
import { addDays } from '@vbe/core/calendar'
import {
  analysePlan,
  cityOverview,
  isSituationPictureStale,
  norrmalmExamplePlan,
  parsePlan,
  rinkebyKistaExamplePlan,
  templatesFor,
  type OverviewPlan,
  type Plan,
  type PlanStatus,
} from '@vbe/core/plans'
import { defineDistrictPlugin } from '@vbe/core/plugins'

const norrmalm = parsePlan(norrmalmExamplePlan) // 2026, situation picture 2026-02-15
const rinkeby2017 = parsePlan(rinkebyKistaExamplePlan) // 2017, situation picture 2016-03-01

const stored = (id: string, document: Plan, status: PlanStatus = document.status): OverviewPlan => ({
  id,
  district: document.district,
  year: document.year,
  status,
  document,
})
const withPicture = (document: Plan, date: string, year = document.year): Plan => ({
  ...document,
  year,
  situationPicture: { ...document.situationPicture, date },
})

const rk2017 = stored('rk-2017', rinkeby2017)
const rk2026 = stored('rk-2026', withPicture(rinkeby2017, '2026-01-10', 2026), 'draft')
const nm2026 = stored('nm-2026', norrmalm)
const plans = [rk2017, nm2026, rk2026]

describe('cityOverview', () => {
  const o = cityOverview(plans, '2026-06-01', { districts: ['norrmalm', 'rinkeby-kista', 'spanga-tensta'] })

  it('has one row per district, by id, with the plan of the latest year, whatever the input order', () => {
    expect(o.on).toBe('2026-06-01')
    expect(o.rows.map((r) => [r.district, r.plan?.id ?? null])).toEqual([
      ['norrmalm', 'nm-2026'],
      ['rinkeby-kista', 'rk-2026'],
      ['spanga-tensta', null],
    ])
    expect(cityOverview([...plans].reverse(), '2026-06-01').rows.map((r) => r.plan?.id)).toEqual(['nm-2026', 'rk-2026'])
    expect(o.rows[2]).toEqual({ district: 'spanga-tensta', plan: null, analysis: null, cells: {} })
  })

  it('returns the caller’s own plan records, with every field they had', () => {
    const rows = [{ ...nm2026, updatedBy: 'officer.nm' }]
    expect(cityOverview(rows, '2026-06-01').rows[0]?.plan?.updatedBy).toBe('officer.nm')
  })

  it('columns are the guidelines and directive points; cells count the activities covering each', () => {
    expect(o.columns.map((c) => c.templateId)).toEqual(['strategy-2016', 'directive-2017'])
    expect(o.columns.flatMap((c) => c.items.map((i) => i.id))).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
      'G5',
      'D1',
      'D2',
      'D3',
      'D4',
      'D5',
      'D6',
      'D7',
      'D8',
      'D9',
      'D10',
      'D11',
      'D12',
    ])
    expect(o.columns[0]?.items[0]?.title.sv).toBeTruthy()
    // Each column has words for its head, short ones, and its full title; never the id.
    for (const item of o.columns.flatMap((c) => c.items))
      for (const lang of ['sv', 'en'] as const) {
        expect(item.short[lang]).not.toMatch(/\b[GDMPR]\d+\b/)
        expect(item.short[lang].length).toBeLessThanOrEqual(32)
        expect(item.title[lang].length).toBeGreaterThanOrEqual(item.short[lang].length)
      }
    expect(o.columns[1]?.items.find((i) => i.id === 'D9')?.short).toEqual({
      sv: 'Inga bidrag till odemokratiska',
      en: 'No grants to undemocratic groups',
    })
    const nm = o.rows[0]!
    expect(nm.cells['D1']).toBe(1)
    expect(nm.cells['D12']).toBe(0)
    // Cells agree with the plan's own analysis, item by item.
    const own = analysePlan(norrmalm, { templates: templatesFor(), on: '2026-06-01' })
    for (const c of own.coverage) for (const i of c.items) expect(nm.cells[i.id]).toBe(i.activityIds.length || (i.covered ? 1 : 0))
  })

  it('lists every plan’s situation picture newest first and marks those over twelve months old', () => {
    expect(o.situationPictures.map((p) => [p.planId, p.date, p.stale])).toEqual([
      ['nm-2026', '2026-02-15', false],
      ['rk-2026', '2026-01-10', false],
      ['rk-2017', '2016-03-01', true],
    ])
    expect(o.situationPictures[2]).toMatchObject({
      district: 'rinkeby-kista',
      year: 2017,
      status: 'submitted',
      summary: rinkeby2017.situationPicture.summary,
    })
    expect(o.situationPictures[0]?.localProblemPicture).toEqual(norrmalm.situationPicture.localProblemPicture)
  })

  it('adds up the city: districts, plans, newest and oldest current picture, stale districts, findings', () => {
    expect(o.city).toMatchObject({ districts: 3, withPlan: 2, newest: '2026-02-15', oldest: '2026-01-10', stale: [] })
    expect(o.city.pictures.map((p) => p.planId)).toEqual(['nm-2026', 'rk-2026'])
    const sum = { error: 0, warning: 0, info: 0 }
    for (const p of [norrmalm, rk2026.document]) {
      const f = analysePlan(p, { templates: templatesFor(), on: '2026-06-01' }).summary.findings
      sum.error += f.error
      sum.warning += f.warning
      sum.info += f.info
    }
    expect(o.city.findings).toEqual(sum)
    const later = cityOverview(plans, '2027-02-16')
    expect(later.city.stale).toEqual(['norrmalm', 'rinkeby-kista'])
    expect(cityOverview(plans, '2027-01-11').city.stale).toEqual(['rinkeby-kista'])
  })

  it('names what no district covers: only items every current plan leaves open', () => {
    const uncovered = o.city.uncoveredEverywhere
    for (const id of uncovered) for (const r of o.rows) if (r.plan) expect(r.cells[id]).toBe(0)
    const ids = o.columns.flatMap((c) => c.items.map((i) => i.id))
    for (const id of ids.filter((x) => !uncovered.includes(x))) expect(o.rows.some((r) => (r.cells[id] ?? 0) > 0)).toBe(true)
    expect(uncovered).toContain('D12')
  })

  it('with no plans: empty rows for the given districts, nothing newest or uncovered', () => {
    const empty = cityOverview([], '2026-06-01', { districts: ['norrmalm'] })
    expect(empty.rows).toEqual([{ district: 'norrmalm', plan: null, analysis: null, cells: {} }])
    expect(empty.city).toEqual({
      districts: 1,
      withPlan: 0,
      newest: null,
      oldest: null,
      stale: [],
      uncoveredEverywhere: [],
      findings: { error: 0, warning: 0, info: 0 },
      pictures: [],
    })
  })

  it('analyses each plan with its district’s templates, but draws columns and cells from the city’s', () => {
    const plugin = defineDistrictPlugin({
      id: 'norrmalm',
      name: { sv: 'Norrmalm', en: 'Norrmalm' },
      planSections: [
        {
          id: 'norrmalm-local-preparedness',
          title: { sv: 'Lokal beredskap', en: 'Local preparedness' },
          description: { sv: 'd', en: 'd' },
          asks: { sv: 'a', en: 'a' },
          source: { document: 'norrmalm-remissvar-strategi-vbe-2015.txt' as const, section: 'Förvaltningens synpunkter', date: '2015' },
        },
      ],
    })
    const local = cityOverview([nm2026], '2026-06-01', { templatesFor: (d) => templatesFor(d === 'norrmalm' ? plugin : undefined) })
    const row = local.rows[0]!
    expect(row.analysis?.coverage.map((c) => c.templateId)).toEqual(['strategy-2016', 'directive-2017', 'plugin:norrmalm'])
    expect(Object.keys(row.cells)).not.toContain('norrmalm-local-preparedness')
    expect(local.columns.map((c) => c.templateId)).toEqual(['strategy-2016', 'directive-2017'])
  })

  it('an overview date that is not a date is a ValidationError naming `on`', () => {
    expect(() => cityOverview(plans, '2026-6-1')).toThrow(ValidationError)
    expect(() => cityOverview(plans, '2026-6-1')).toThrow(/cityOverview is invalid:\n {2}- on: must be a real date/)
  })
})

describe('cityOverview at month ends: the one staleness rule', () => {
  const staleOn = (pictureDate: string, on: string) =>
    cityOverview([stored('p', withPicture(norrmalm, pictureDate, 2025))], on).situationPictures[0]!.stale

  it.each([
    // picture date, overview date, stale
    ['2025-02-28', '2026-02-28', false],
    ['2025-02-28', '2026-03-01', true],
    ['2024-02-29', '2025-02-28', false], // twelve months from 29 February end on 28 February
    ['2024-02-29', '2025-03-01', true],
    ['2023-02-28', '2024-02-29', true], // a year and a day
    ['2025-03-31', '2026-03-31', false],
    ['2025-03-31', '2026-04-01', true],
    ['2025-04-30', '2026-04-30', false],
    ['2025-12-31', '2026-12-31', false],
    ['2025-12-31', '2027-01-01', true],
  ])('a picture of %s on %s: stale %s', (date, on, stale) => {
    expect(staleOn(date, on)).toBe(stale)
    expect(isSituationPictureStale(date, on)).toBe(stale)
  })

  it('the overview marks a picture stale exactly when the plan analysis reports situation-picture-stale', () => {
    const DAY = 86_400_000
    const dayArb = fc
      .integer({ min: Date.UTC(2015, 0, 1) / DAY, max: Date.UTC(2035, 11, 31) / DAY })
      .map((d) => new Date(d * DAY).toISOString().slice(0, 10))
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 300, max: 430 }), (date, days) => {
        const on = addDays(date, days)
        const plan = withPicture(norrmalm, date)
        const flagged = analysePlan(plan, { templates: [], on }).revisionFindings.some((f) => f.code === 'situation-picture-stale')
        const o = cityOverview([stored('p', plan)], on)
        expect(o.situationPictures[0]!.stale).toBe(flagged)
        expect(o.city.stale.length > 0).toBe(flagged)
      }),
      { numRuns: 300 },
    )
  })
})
