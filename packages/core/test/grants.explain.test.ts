import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '@vbe/core'
import {
  DECISION_SOURCES,
  DEFAULT_APPEAL,
  explain,
  explainStructured,
  explanationText,
  formatSource,
  IDROTT_GENERAL_CONDITIONS,
  parseApplication,
  screen,
  type AdviceItem,
  type Application,
  type ApplicationInput,
  type Explanation,
  type ExplanationItem,
  type FindingItem,
} from '@vbe/core/grants'
import { allPlugins, baseApplication } from './grants/fixtures.js'
import { applicationArb, onArb } from './grants/arbitraries.js'

const parse = (input: ApplicationInput): Application => parseApplication(input)
const on = '2026-11-22'

const section = (e: Explanation, id: string) => {
  const found = e.sections.find((s) => s.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}
const findings = (e: Explanation) => section(e, 'reasons').items.filter((i): i is FindingItem => i.kind === 'finding')
const advice = (e: Explanation) => section(e, 'applicant-can').items.filter((i): i is AdviceItem => i.kind === 'advice')

/** Every LocalizedText reachable from a value. */
function texts(value: unknown, out: { sv: unknown; en: unknown }[] = []): { sv: unknown; en: unknown }[] {
  if (Array.isArray(value)) for (const v of value) texts(v, out)
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('sv' in record && 'en' in record) out.push({ sv: record['sv'], en: record['en'] })
    else for (const v of Object.values(record)) texts(v, out)
  }
  return out
}

describe('explainStructured', () => {
  it('gives a clear ValidationError naming the field for input of the wrong shape, as explain does', () => {
    const result = screen(parse(baseApplication()), { on, plugins: allPlugins })
    const problemsOf = (f: () => unknown) => {
      try {
        f()
      } catch (error) {
        if (error instanceof ValidationError) return error.problems.map((p) => [p.path, p.code])
        throw error
      }
      throw new Error('expected a ValidationError')
    }
    // Called as from JavaScript, with whatever arrives.
    const structured = explainStructured as (result: unknown, options?: unknown) => unknown
    const text = explain as (result: unknown, options: unknown) => unknown
    expect(problemsOf(() => structured(null))).toEqual([['result', 'type.object']])
    expect(problemsOf(() => structured({ ...result, findings: 'none' }))).toEqual([['result.findings', 'type.array']])
    expect(problemsOf(() => structured({ ...result, outcome: 'maybe' }))).toEqual([['result.outcome', 'value.oneOfGot']])
    expect(problemsOf(() => structured(result, { appeal: 'x' }))).toEqual([['options.appeal', 'type.object']])
    expect(problemsOf(() => structured(result, null))).toEqual([['options', 'type.object']])
    // explain checks the same things through explainStructured, and its own locale.
    expect(problemsOf(() => text({ ...result, findings: 'none' }, { locale: 'sv' }))).toEqual([['result.findings', 'type.array']])
    expect(problemsOf(() => text(result, { locale: 'de' }))).toEqual([['options.locale', 'value.oneOfGot']])
  })

  const democracy = parse({
    ...baseApplication(),
    evidence: [
      {
        id: 'e1',
        conduct: 'enabling-violent-extremism',
        actor: 'organisation',
        withinActivities: true,
        verified: true,
        date: '2026-05-02',
        source: { kind: 'court-judgment' },
      },
    ],
  })
  const formal = parse({ ...baseApplication(), amountRequested: 100_001, statutes: undefined })

  it('has the reasons, what the association can do, how to appeal and the decision sources, in that order', () => {
    const e = explainStructured(screen(democracy, { on, plugins: allPlugins }), { plugins: allPlugins })
    expect(e.sections.map((s) => s.id)).toEqual(['reasons', 'applicant-can', 'appeal', 'sources'])
    expect(e.sections.map((s) => s.heading)).toEqual([
      { sv: 'Skäl', en: 'Reasons' },
      { sv: 'Vad föreningen kan göra', en: 'What the association can do' },
      { sv: 'Så överklagar ni', en: 'How to appeal' },
      { sv: 'Källor', en: 'Sources' },
    ])
    expect(e.outcome).toBe('ineligible')
    expect(e.summary).toEqual({ sv: 'Villkoren är inte uppfyllda.', en: 'The conditions are not met.' })
    expect(e.title.sv).toBe(`Prövning av ansökan ${democracy.id} (rinkeby-kista/foreningsbidrag), prövningsdag ${on}`)
    expect(e.closing.en).toMatch(new RegExp(`^Ruleset .+, in force on ${on}\\.$`))
  })

  it('gives each adverse finding as an item with its rule, status, evidence and sources, and says an officer must weigh it', () => {
    const result = screen(democracy, { on, plugins: allPlugins })
    const e = explainStructured(result)
    const [item, ...rest] = findings(e)
    expect(rest).toEqual([])
    const finding = result.findings.find((f) => f.ruleId === 'democracy-condition')!
    expect(item).toMatchObject({
      kind: 'finding',
      ruleId: 'democracy-condition',
      status: 'not_met',
      rule: { sv: 'Demokrativillkoret' },
      statusText: { sv: 'inte uppfyllt', en: 'not met' },
      evidenceIds: ['e1'],
      heading: { sv: 'Demokrativillkoret (inte uppfyllt) [Underlag: e1]' },
      reason: finding.reason,
      sourcesHeading: { sv: 'Källor', en: 'Sources' },
    })
    expect(item!.sources).toEqual(finding.sources)
    expect(item!.sources.length).toBeGreaterThan(0)
    expect(e.humanDecisionRequired).toBe(true)
    expect(e.notices.map((n) => n.en)).toEqual([
      expect.stringContaining('An officer examines'),
      expect.stringContaining('must be weighed by an officer'),
    ])
    expect(section(e, 'reasons').ordered).toBe(true)
    expect(section(e, 'reasons').paragraphs.map((p) => p.sv)).toEqual([expect.stringContaining('förvaltningslagen 32 §')])
  })

  it('lists formal findings in rule order, with advice per rule once and the general advice last', () => {
    const e = explainStructured(screen(formal, { on, plugins: allPlugins }))
    expect(findings(e).map((f) => [f.ruleId, f.status])).toEqual([
      ['statutes', 'not_met'],
      ['max-amount', 'not_met'],
    ])
    expect(findings(e)[0]!.evidenceIds).toEqual([])
    expect(findings(e)[0]!.heading.en).toBe('Statutes adopted at an annual meeting (not met)')
    expect(advice(e).map((a) => a.ruleId)).toEqual(['statutes', 'max-amount', null])
    expect(advice(e).at(-1)!.text.en).toBe('The association can always comment and add to the application before a decision is made.')
    expect(e.humanDecisionRequired).toBe(false)
    expect(e.notices).toHaveLength(1)
  })

  it('has no finding items when the conditions are met, and says so', () => {
    const e = explainStructured(screen(parse(baseApplication()), { on, plugins: allPlugins }))
    expect(e.outcome).toBe('eligible')
    expect(section(e, 'reasons').items).toEqual([])
    expect(section(e, 'reasons').paragraphs).toEqual([
      { sv: expect.stringContaining('Inga villkor'), en: 'No condition is unmet and nothing needs a separate assessment.' },
    ])
    expect(advice(e).map((a) => a.ruleId)).toEqual([null])
  })

  it('takes the appeal text from the option, else the programme, else the default', () => {
    const testby = screen(parse({ ...baseApplication(), programme: 'testby/aktivitetsbidrag', amountRequested: 30_000 }), {
      on,
      plugins: allPlugins,
    })
    const appeal = (e: Explanation) => section(e, 'appeal').paragraphs
    expect(appeal(explainStructured(testby))).toEqual([DEFAULT_APPEAL])
    expect(appeal(explainStructured(testby, { plugins: allPlugins }))[0]!.en).toContain('Testby: appeal to the Testby district committee')
    const own = { sv: 'Eget besked.', en: 'Own text.' }
    expect(appeal(explainStructured(testby, { plugins: allPlugins, appeal: own }))).toEqual([own])
    expect(section(explainStructured(testby), 'appeal').items).toEqual([])
  })

  it('gives the decision texts’ sources as source items, each with its one-line text in both languages', () => {
    const items = section(explainStructured(screen(formal, { on, plugins: allPlugins })), 'sources').items
    expect(items.map((i) => (i.kind === 'source' ? i.source : null))).toEqual([...DECISION_SOURCES])
    for (const i of items)
      if (i.kind === 'source') expect(i.text).toEqual({ sv: formatSource(i.source, 'sv'), en: formatSource(i.source, 'en') })
    expect(items[1]!.kind === 'source' && items[1]!.text.sv).toBe(
      'Lag: Kommunallagen (2017:725) 13 kap. – laglighetsprövning, SFS 2017:725, 13 kap., 2017-06-21',
    )
  })

  it('names the level of an administration’s source truly: the sports administration works under a specialist committee', () => {
    expect(formatSource(IDROTT_GENERAL_CONDITIONS, 'sv')).toMatch(/^Facknämnd eller dess förvaltning: Idrottsförvaltningen: /)
    expect(formatSource(IDROTT_GENERAL_CONDITIONS, 'en')).toMatch(/^Specialist committee or its administration: Idrottsförvaltningen: /)
  })

  it('for any application and day: one item per adverse finding in order, every text in both languages, and explain is its text', () => {
    fc.assert(
      fc.property(applicationArb, onArb, (app, day) => {
        const result = screen(app, { on: day, plugins: allPlugins })
        const e = explainStructured(result, { plugins: allPlugins })
        const adverse = result.findings.filter((f) => f.status === 'not_met' || f.status === 'needs_assessment')
        expect(findings(e).map((f) => [f.ruleId, f.status, f.reason])).toEqual(adverse.map((f) => [f.ruleId, f.status, f.reason]))
        expect(section(e, 'reasons').items.length).toBe(adverse.length)
        const kinds = (id: string) => new Set(section(e, id).items.map((i: ExplanationItem) => i.kind))
        expect([...kinds('applicant-can')]).toEqual(['advice'])
        expect([...kinds('sources')]).toEqual(['source'])
        for (const t of texts(e)) {
          expect(typeof t.sv === 'string' && t.sv.trim() !== '').toBe(true)
          expect(typeof t.en === 'string' && t.en.trim() !== '').toBe(true)
        }
        for (const locale of ['sv', 'en'] as const)
          expect(explanationText(e, locale)).toBe(explain(result, { locale, plugins: allPlugins }))
      }),
      { numRuns: 100 },
    )
  })
})
