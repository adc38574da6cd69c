import { describe, expect, it } from 'vitest'
import { ValidationError } from '@vbe/core'
import { composePlugins, defineDistrictPlugin, grantSourceSchema } from '@vbe/core/plugins'
import {
  CITY_RULES,
  COUNCIL_GUIDELINES_2016,
  DECISION_SOURCES,
  DEFAULT_APPEAL,
  explain,
  fullYearsBetween,
  IDROTT_GENERAL_CONDITIONS,
  InvalidScreeningDateError,
  isOrganisationNumber,
  parseAndScreen,
  parseApplication,
  rescreen,
  RINKEBY_KISTA_D9,
  rulesInForce,
  safeParseApplication,
  screen,
  screener,
  UnknownProgrammeError,
  type Application,
  type ApplicationInput,
} from '@vbe/core/grants'
import { norrmalmExamplePlan, parsePlan, safeParsePlan } from '@vbe/core/plans'
import { allPlugins, baseApplication, rinkebyKistaFixture, testbyFixture } from './grants/fixtures.js'
import { thrownBy } from './helpers.js'

const parse = (input: ApplicationInput): Application => parseApplication(input)
/** The ValidationError that `f` throws (fails the test when it throws nothing or something else). */
const thrown = (f: () => unknown): ValidationError => thrownBy(ValidationError, f)
const on = '2026-11-22'
const withEvidence = (patch: Partial<Application['evidence'][number]> = {}): Application =>
  parse({
    ...baseApplication(),
    evidence: [
      {
        id: 'e1',
        conduct: 'threat',
        actor: 'organisation',
        withinActivities: true,
        verified: true,
        date: '2026-05-02',
        source: { kind: 'court-judgment' },
        ...patch,
      },
    ],
  })

describe('organisation numbers', () => {
  it.each([
    ['802400-1235', true],
    ['8024001235', true],
    ['556036-0793', true],
    ['802400-1234', false],
    ['191212-1212', false],
    ['80240-01235', false],
    ['802400 1235', false],
    ['802400-12350', false],
  ])('%s → %s', (value, valid) => {
    expect(isOrganisationNumber(value)).toBe(valid)
  })

  it('are written NNNNNN-NNNN after parsing', () => {
    expect(
      parse({ ...baseApplication(), association: { ...baseApplication().association, organisationNumber: '8024001235' } }).association
        .organisationNumber,
    ).toBe('802400-1235')
  })
})

describe('parseApplication', () => {
  it('returns the typed application, with empty lists for absent evidence and earlier grants', () => {
    const { evidence: _e, previousGrants: _p, ...rest } = baseApplication()
    const parsed = parseApplication(rest)
    expect(parsed.evidence).toEqual([])
    expect(parsed.previousGrants).toEqual([])
    expect(safeParseApplication(rest)).toEqual({ ok: true, value: parsed })
  })

  it('throws a ValidationError naming the application and each field; safeParseApplication gives the same problems', () => {
    const input = { ...baseApplication(), amountRequested: 'lots', Religion: 'x' }
    const error = thrown(() => parseApplication(input))
    expect(error.subject).toBe('Application "app-2026-0042"')
    expect(error.problems).toMatchObject([
      { path: 'Religion', code: 'application.forbiddenField', params: {}, message: expect.stringContaining('screening may not consider') },
      { path: 'amountRequested', code: 'type.number', params: {}, message: 'must be a number' },
    ])
    expect(error.message).toContain('  - amountRequested: must be a number')
    const safe = safeParseApplication(input)
    expect(safe.ok).toBe(false)
    if (safe.ok) return
    expect(safe.problems).toEqual(error.problems)
    expect(safe.error).toBeInstanceOf(ValidationError)
    expect(safe.error.message).toBe(error.message)
  })

  it('rejects input that is not an object', () => {
    for (const input of [null, 42, 'x', []]) {
      expect(thrown(() => parseApplication(input)).problems[0]?.path).toBe('(root)')
      const safe = safeParseApplication(input)
      expect(safe.ok ? undefined : safe.problems[0]?.path).toBe('(root)')
    }
  })

  it('reports errors the same way as parsePlan: throws ValidationError, or the safe variant returns { ok: false, problems, error }', () => {
    const plan = thrown(() => parsePlan({}))
    const application = thrown(() => parseApplication({}))
    expect(plan.constructor).toBe(application.constructor)
    const [safePlan, safeApplication] = [safeParsePlan({}), safeParseApplication({})]
    expect(Object.keys(safePlan).sort()).toEqual(['error', 'ok', 'problems'])
    expect(Object.keys(safeApplication).sort()).toEqual(Object.keys(safePlan).sort())
    expect(safePlan.ok ? [] : safePlan.problems).toEqual(plan.problems)
    expect(safeParsePlan(norrmalmExamplePlan)).toMatchObject({ ok: true, value: { district: norrmalmExamplePlan.district } })
  })
})

describe('dates', () => {
  it.each([
    ['2024-11-22', '2026-11-22', 2],
    ['2024-11-23', '2026-11-22', 1],
    ['2024-02-29', '2026-02-28', 1],
    ['2024-02-29', '2026-03-01', 2],
    ['2024-02-29', '2028-02-29', 4],
    ['2026-12-01', '2026-11-22', -1],
  ])('fullYearsBetween(%s, %s) = %i', (from, to, years) => {
    expect(fullYearsBetween(from, to)).toBe(years)
  })
})

describe('rules as data', () => {
  it('every rule has a bilingual title, a real effective date and at least one valid source', () => {
    for (const rule of rulesInForce(on, allPlugins)) {
      expect(rule.title.sv.length, rule.id).toBeGreaterThan(3)
      expect(rule.title.en.length, rule.id).toBeGreaterThan(3)
      expect(rule.effective.from).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(rule.sources.length, rule.id).toBeGreaterThan(0)
      for (const s of rule.sources) expect(grantSourceSchema.safeParse(s).success, `${rule.id}: ${s.title}`).toBe(true)
    }
    for (const s of [...DECISION_SOURCES, COUNCIL_GUIDELINES_2016, RINKEBY_KISTA_D9, IDROTT_GENERAL_CONDITIONS])
      expect(grantSourceSchema.parse(s)).toEqual(s)
  })

  it('the democracy condition cites the council guidelines, the district minutes and the sports administration’s conditions', () => {
    const democracy = CITY_RULES.find((r) => r.id === 'democracy-condition')!
    expect(democracy.kind).toBe('democracy')
    expect(democracy.sources.map((s) => [s.level, s.reference])).toEqual([
      ['council', 'Dnr 155-943/2015'],
      ['district', 'Dnr 1.2.1.-401-2017'],
      ['committee', 'foreningsservice.stockholm'],
    ])
    expect(IDROTT_GENERAL_CONDITIONS.title).toContain('ska fråntas allt stöd')
  })

  it('programme rules come from the plugin: its id, effective period, parameters and sources', () => {
    const rules = rulesInForce(on, allPlugins, { programme: 'rinkeby-kista/foreningsbidrag' })
    const programme = allPlugins.programme('rinkeby-kista/foreningsbidrag')!
    const max = rules.find((r) => r.id === 'max-amount')!
    expect(max.appliesTo).toEqual(['rinkeby-kista/foreningsbidrag'])
    expect(max.effective).toEqual({ from: '2023-01-01' })
    expect(max.sources).toBe(programme.sources)
    expect(rules.map((r) => r.id).sort()).toEqual([
      'auditor',
      'bank-account',
      'board',
      'declaration',
      'democracy-condition',
      'earlier-grants',
      'max-amount',
      'statutes',
      'years-of-activity',
    ])
  })

  it('lists only the rules in force on a date', () => {
    const ids = (d: string) =>
      rulesInForce(d, [testbyFixture]).map((r) => `${r.id}@${r.appliesTo === 'all' ? 'all' : r.appliesTo.join(',')}`)
    expect(ids('2016-05-15')).toEqual([
      'statutes@testby/utan-parametrar',
      'board@testby/utan-parametrar',
      'auditor@testby/utan-parametrar',
      'bank-account@testby/utan-parametrar',
    ])
    expect(ids('2016-05-16')).toContain('democracy-condition@all')
    expect(ids('2016-05-16')).not.toContain('earlier-grants@all')
    expect(ids('2017-09-21')).toContain('earlier-grants@all')
    expect(ids('2026-12-31')).toContain('max-amount@testby/aktivitetsbidrag')
    expect(ids('2027-01-01')).not.toContain('max-amount@testby/aktivitetsbidrag')
  })

  it('rejects a date that does not exist and an unknown programme', () => {
    expect(() => rulesInForce('2026-02-30', allPlugins)).toThrow(InvalidScreeningDateError)
    expect(() => rulesInForce(on, allPlugins, { programme: 'x/y' })).toThrow(UnknownProgrammeError)
    expect(() => screen(parse(baseApplication()), { on: '22/11/2026', plugins: allPlugins })).toThrow(
      'must be a real date written YYYY-MM-DD',
    )
  })
})

describe('screen', () => {
  it('screens the example application under plugins given as a list or composed', () => {
    const app = parse(baseApplication())
    const a = screen(app, { on, plugins: [rinkebyKistaFixture] })
    const b = screen(app, { on, plugins: composePlugins([rinkebyKistaFixture]) })
    expect(a.outcome).toBe('eligible')
    expect(b).toEqual(a)
    expect(a).toMatchObject({
      applicationId: 'app-2026-0042',
      programme: 'rinkeby-kista/foreningsbidrag',
      humanDecisionRequired: false,
      ruleset: { on },
    })
    expect(a.ruleset.version).toMatch(/^1\+[0-9a-f]{8}$/)
  })

  it('names the known programmes when the programme is unknown', () => {
    const app = parse({ ...baseApplication(), programme: 'nowhere/grant' })
    try {
      screen(app, { on, plugins: allPlugins })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownProgrammeError)
      expect((error as UnknownProgrammeError).known).toEqual([
        'rinkeby-kista/foreningsbidrag',
        'testby/aktivitetsbidrag',
        'testby/utan-parametrar',
      ])
    }
  })

  it('resolves the rules once per programme and date, and shares the findings that do not depend on the application', () => {
    const s = screener(allPlugins)
    const one = s.screen(parse(baseApplication()), on)
    const two = s.screen(parse({ ...baseApplication(), id: 'other' }), on)
    expect(two.ruleset).toBe(one.ruleset)
    expect(two.findings[0]).toBe(one.findings[0])
    expect(Object.isFrozen(one.findings[0])).toBe(true)
    expect(s.screen(parse(baseApplication()), '2026-11-23').ruleset).not.toBe(one.ruleset)
  })

  it('gives a different ruleset version when a programme’s parameters change', () => {
    const changed = defineDistrictPlugin({
      ...rinkebyKistaFixture,
      grantProgrammes: [{ ...rinkebyKistaFixture.grantProgrammes[0]!, parameters: { maxAmount: 90_000, minYearsOfActivity: 2 } }],
    })
    expect(screener([changed]).version).not.toBe(screener([rinkebyKistaFixture]).version)
  })

  it('parseAndScreen parses, then screens', () => {
    expect(parseAndScreen(baseApplication(), { on, plugins: allPlugins })).toMatchObject({ outcome: 'eligible' })
    expect(() => parseAndScreen({ ...baseApplication(), ethnicity: 'x' }, { on, plugins: allPlugins })).toThrow(ValidationError)
  })
})

describe('explain', () => {
  it('gives the reasons, their sources, that an officer decides, what the association can do and how to appeal (sv)', () => {
    const text = explain(screen(withEvidence({ conduct: 'enabling-violent-extremism' }), { on, plugins: allPlugins }), { locale: 'sv' })
    expect(text).toContain('Villkoren är inte uppfyllda.')
    expect(text).toContain('En handläggare går igenom ansökan och fattar beslutet')
    expect(text).toContain('måste vägas av en handläggare')
    expect(text).toContain('förvaltningslagen 32 §')
    expect(text).toMatch(
      /1\. Demokrativillkoret \(inte uppfyllt\) \[Underlag: e1\]\n {3}Verifierat: stöd till våldsbejakande extremism av föreningen/,
    )
    expect(text).toContain('Allt stöd dras in')
    expect(text).toContain('Kommunfullmäktige: Stadens arbete mot våldsbejakande extremism')
    expect(text).toContain('Dnr 155-943/2015')
    expect(text).toContain('Vad föreningen kan göra:\n- Föreningen kan yttra sig över uppgifterna')
    expect(text).toContain(`Så överklagar ni:\n${DEFAULT_APPEAL.sv}`)
    expect(DEFAULT_APPEAL.sv).toContain('13 kap. kommunallagen (2017:725)')
    expect(DEFAULT_APPEAL.sv).toContain('inom tre veckor')
    expect(text).toContain('Lag: Kommunallagen (2017:725) 13 kap. – laglighetsprövning, SFS 2017:725, 13 kap., 2017-06-21')
    expect(text).not.toContain('Statutes')
  })

  it('lists only findings that were not met or need assessment (en)', () => {
    const app = parse({
      ...baseApplication(),
      amountRequested: 100_001,
      statutes: undefined,
      evidence: [
        {
          id: 'o1',
          conduct: 'violence',
          actor: 'organisation',
          withinActivities: false,
          verified: true,
          date: '2026-01-01',
          source: { kind: 'media' },
        },
      ],
    })
    const result = screen(app, { on, plugins: allPlugins })
    const text = explain(result, { locale: 'en' })
    expect(text).toContain('1. Statutes adopted at an annual meeting (not met)\n   The application gives no statutes.')
    expect(text).toContain(
      '2. Programme maximum amount (not met)\n   The amount requested, 100,001 kronor, is above the programme maximum of 100,000 kronor.',
    )
    expect(text).toContain(
      'District committee: Föreningsstöd i Rinkeby-Kista (ansökningsomgång 2023), foreningsservice.stockholm, 2023-03-17, https://',
    )
    expect(text).not.toContain('3.')
    expect(text).not.toContain('outside the association')
    expect(text).not.toContain('must be weighed by an officer')
    expect(text).toContain('- Send in statutes adopted at an annual meeting')
    expect(text).toContain('- Lower the amount requested')
    expect(text).toContain(DEFAULT_APPEAL.en)
  })

  it('still says that an officer decides when the conditions are met', () => {
    const text = explain(screen(parse(baseApplication()), { on, plugins: allPlugins }), { locale: 'en' })
    expect(text).toContain('The conditions are met.')
    expect(text).toContain('An officer examines the application and makes the decision')
    expect(text).toContain('No condition is unmet')
  })

  it('uses the programme’s own appeal text, or the one given', () => {
    const app = parse({ ...baseApplication(), programme: 'testby/aktivitetsbidrag', amountRequested: 30_000 })
    const result = screen(app, { on, plugins: allPlugins })
    expect(explain(result, { locale: 'en', plugins: allPlugins })).toContain(
      'Testby: appeal to the Testby district committee within three weeks.',
    )
    expect(explain(result, { locale: 'en', plugins: allPlugins })).not.toContain(DEFAULT_APPEAL.en)
    expect(explain(result, { locale: 'sv', appeal: { sv: 'Eget besked.', en: 'Own text.' } })).toContain('Så överklagar ni:\nEget besked.')
  })
})

describe('rescreen', () => {
  const dueYesterday = parse({ ...baseApplication(), id: 'due', previousGrants: [{ year: 2025, amount: 1, reportDue: '2026-11-21' }] })
  const fine = parse({ ...baseApplication(), id: 'fine' })
  const big = parse({ ...baseApplication(), id: 'big', amountRequested: 95_000 })

  it('returns only the applications whose outcome changes between two dates, with the changed findings', () => {
    const changes = rescreen([dueYesterday, fine, big], {
      from: { on: '2026-11-21', plugins: allPlugins },
      to: { on: '2026-11-22', plugins: allPlugins },
    })
    expect(changes.map((c) => c.applicationId)).toEqual(['due'])
    const [change] = changes
    expect(change!.before.outcome).toBe('eligible')
    expect(change!.after.outcome).toBe('ineligible')
    expect(change!.changedFindings).toEqual([
      {
        ruleId: 'earlier-grants',
        evidenceIds: [],
        before: expect.objectContaining({ status: 'met' }),
        after: expect.objectContaining({ status: 'not_met' }),
      },
    ])
  })

  it('compares two rulesets: a lower maximum makes the larger applications ineligible', () => {
    const lower = defineDistrictPlugin({
      ...rinkebyKistaFixture,
      grantProgrammes: [{ ...rinkebyKistaFixture.grantProgrammes[0]!, parameters: { maxAmount: 60_000, minYearsOfActivity: 2 } }],
    })
    const changes = rescreen([dueYesterday, fine, big], { from: { on, plugins: [rinkebyKistaFixture] }, to: { on, plugins: [lower] } })
    expect(changes.map((c) => [c.applicationId, c.before.outcome, c.after.outcome])).toEqual([['big', 'eligible', 'ineligible']])
    expect(changes[0]!.changedFindings.map((f) => [f.ruleId, f.before?.status, f.after?.status])).toEqual([
      ['max-amount', 'met', 'not_met'],
    ])
  })

  it('reports evidence findings that appear', () => {
    const changes = rescreen([withEvidence({ date: '2026-11-22' })], {
      from: { on: '2026-11-21', plugins: allPlugins },
      to: { on, plugins: allPlugins },
    })
    expect(changes).toHaveLength(1)
    expect(changes[0]!.changedFindings).toEqual([expect.objectContaining({ ruleId: 'democracy-condition', evidenceIds: ['e1'] })])
    expect(changes[0]!.changedFindings[0]!.before?.status).toBe('not_applicable')
  })
})
