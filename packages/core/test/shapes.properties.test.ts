/**
 * Property: every public function of core, given input of the wrong shape (null, a
 * number, a string, an array instead of an object, a nested object missing or of the
 * wrong type), throws a ValidationError that names the field, never a TypeError.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMessageCode, ValidationError } from '@vbe/core'
import * as grants from '@vbe/core/grants'
import * as plans from '@vbe/core/plans'
import * as plugins from '@vbe/core/plugins'
import * as strategy from '@vbe/core/strategy'
import { allPlugins, rinkebyKistaFixture } from './grants/fixtures.js'

const application = grants.parseApplication(grants.exampleApplication())
const on = '2026-11-22'
const options = { on, plugins: allPlugins }
const result = grants.screen(application, options)
const plan = plans.parsePlan(plans.norrmalmExamplePlan)
const templates = plans.templatesFor(rinkebyKistaFixture)
const { columns } = grants.csvColumns(grants.CSV_COLUMNS.map(([name]) => name))
const row = grants.CSV_COLUMNS.map(() => '')

/** Arguments that may be left out, so that `null` there means "not given". */
const OPTIONAL: ReadonlyMap<unknown, number> = new Map<unknown, number>([
  [grants.appealText, 1],
  [plans.templatesFor, 0],
])

/**
 * The public entry points, each with valid arguments. Every function is called with
 * each argument replaced in turn; the others stay valid.
 */
const ENTRY_POINTS: ReadonlyArray<readonly [name: string, call: (...args: never[]) => unknown, valid: readonly unknown[]]> = [
  ['parseApplication', grants.parseApplication, [grants.exampleApplication()]],
  ['safeParseApplication', grants.safeParseApplication, [grants.exampleApplication()]],
  ['parseAndScreen', grants.parseAndScreen, [grants.exampleApplication(), options]],
  ['screen', grants.screen, [application, options]],
  ['screener', grants.screener, [allPlugins]],
  ['rulesInForce', grants.rulesInForce, [on, allPlugins, {}]],
  ['rescreen', grants.rescreen, [[application], { from: options, to: options }]],
  ['explain', grants.explain, [result, { locale: 'sv', plugins: allPlugins }]],
  ['explainStructured', grants.explainStructured, [result, { plugins: allPlugins }]],
  ['appealText', grants.appealText, [application.programme, allPlugins]],
  ['storeScreening', grants.storeScreening, [result, grants.screener(allPlugins).catalogue]],
  [
    'restoreScreening',
    grants.restoreScreening,
    [grants.storeScreening(result, grants.screener(allPlugins).catalogue), grants.screener(allPlugins).catalogue],
  ],
  ['diffFindings', grants.diffFindings, [result.findings, result.findings]],
  ['csvColumns', grants.csvColumns, [['id', 'programme'], {}]],
  ['csvRowToInput', grants.csvRowToInput, [columns, row]],
  ['parsePlan', plans.parsePlan, [plans.norrmalmExamplePlan]],
  ['safeParsePlan', plans.safeParsePlan, [plans.norrmalmExamplePlan]],
  ['analysePlan', plans.analysePlan, [plan, { templates, on }]],
  ['diffPlans', plans.diffPlans, [plan, plan]],
  ['templatesFor', plans.templatesFor, [rinkebyKistaFixture]],
  ['pluginTemplate', plans.pluginTemplate, [rinkebyKistaFixture]],
  ['defineDistrictPlugin', plugins.defineDistrictPlugin, [{ id: 'testby', name: { sv: 'Testby', en: 'Testby' } }]],
  ['defineContacts', plugins.defineContacts, ['Contacts', plugins.sharedContacts]],
  ['composePlugins', plugins.composePlugins, [[rinkebyKistaFixture]]],
  ['targetOf', strategy.targetOf, [strategy.responsibilities[0]!.target]],
  ['responsibilitiesWhere', strategy.responsibilitiesWhere, [{ level: 'district' }]],
  ['measuresOwnedAt', strategy.measuresOwnedAt, ['district']],
  ['responsibilitiesOf', strategy.responsibilitiesOf, [strategy.actors[0]!.id]],
]

const isFailedParse = (value: unknown): value is { ok: false; error: ValidationError } =>
  typeof value === 'object' &&
  value !== null &&
  'ok' in value &&
  value.ok === false &&
  'error' in value &&
  value.error instanceof ValidationError

/** Calls and reports what came of it: a value, a ValidationError, or another error. */
function outcome(
  call: (...args: never[]) => unknown,
  args: readonly unknown[],
): { kind: 'value' } | { kind: 'invalid'; error: ValidationError } | { kind: 'other'; error: unknown } {
  try {
    const value: unknown = call(...(args as never[]))
    // The safe parses return their ValidationError (in `{ ok: false, problems, error }`) rather than throw it.
    return isFailedParse(value) ? { kind: 'invalid', error: value.error } : { kind: 'value' }
  } catch (error) {
    return error instanceof ValidationError ? { kind: 'invalid', error } : { kind: 'other', error }
  }
}

/** A ValidationError names at least one field, each with a path and a code of the catalogue. */
function expectNamesFields(error: ValidationError): void {
  expect(error.problems.length).toBeGreaterThan(0)
  for (const p of error.problems) {
    expect(typeof p.path === 'string' && p.path !== '').toBe(true)
    expect(isMessageCode(p.code), p.code).toBe(true)
  }
}

/** Values of every wrong shape, and objects and arrays of them. */
const wrongShape = fc.oneof(
  fc.constantFrom(null, undefined, 0, 42, -1.5, Number.NaN, '', 'x', true, false, [], {}, [null], [{}], { id: 1 }),
  fc.anything({ maxDepth: 2, withNullPrototype: false }),
)

describe('property: public functions name the field for input of the wrong shape, never a TypeError', () => {
  it.each(ENTRY_POINTS)('%s works on its valid arguments', (_, call, valid) => {
    const o = outcome(call, valid)
    if (o.kind !== 'value') throw o.error
  })

  it.each(ENTRY_POINTS)('%s: any argument replaced by a value of the wrong shape', (_, call, valid) => {
    fc.assert(
      fc.property(fc.nat({ max: valid.length - 1 }), wrongShape, (index, bad) => {
        const args = valid.map((v, i) => (i === index ? bad : v))
        const o = outcome(call, args)
        if (o.kind === 'other') expect(o.error, String(o.error)).not.toBeInstanceOf(TypeError)
        if (o.kind === 'invalid') expectNamesFields(o.error)
      }),
      { numRuns: 150 },
    )
  })

  it.each(ENTRY_POINTS.filter(([, , valid]) => valid.some((v) => typeof v === 'object' && v !== null)))(
    '%s: null, a number and a string where an object or a list belongs throw a ValidationError',
    (_, call, valid) => {
      valid.forEach((v, index) => {
        if (typeof v !== 'object' || v === null) return
        for (const bad of OPTIONAL.get(call) === index ? [42, 'x'] : [null, 42, 'x']) {
          const o = outcome(
            call,
            valid.map((w, i) => (i === index ? bad : w)),
          )
          if (o.kind === 'invalid') expectNamesFields(o.error)
          else throw new Error(`${String(bad)} as argument ${index}: ${o.kind === 'other' ? String(o.error) : 'no error'}`)
        }
      })
    },
  )
})

/** Every copy of `value` with one nested field removed or replaced by a value of the wrong shape. */
function* nested(value: unknown, path: (string | number)[] = []): Generator<{ path: string; value: unknown }> {
  if (path.length > 0) for (const bad of [undefined, null, 7, 'x', [], {}]) yield { path: path.join('.'), value: bad }
  if (Array.isArray(value)) for (const [i, v] of value.slice(0, 2).entries()) yield* nested(v, [...path, i])
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* nested(v, [...path, k])
}
function replaced(root: unknown, path: string, value: unknown): unknown {
  const keys = path.split('.')
  const walk = (node: unknown, i: number): unknown => {
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string, unknown>
    if (i === keys.length - 1) {
      if (value === undefined) delete copy[keys[i]!]
      else copy[keys[i]!] = value
    } else copy[keys[i]!] = walk(copy[keys[i]!], i + 1)
    return copy
  }
  return walk(root, 0)
}

describe('a nested field missing or of the wrong shape is named, never a TypeError', () => {
  const cases: ReadonlyArray<readonly [string, unknown, (bad: unknown) => unknown]> = [
    ['screen (the application)', application, (bad) => grants.screen(bad as never, options)],
    ['analysePlan (the plan)', plan, (bad) => plans.analysePlan(bad as never, { templates, on })],
    ['diffPlans (the plan)', plan, (bad) => plans.diffPlans(plan, bad as never)],
    ['explain (the result)', result, (bad) => grants.explain(bad as never, { locale: 'en' })],
    ['storeScreening (the result)', result, (bad) => grants.storeScreening(bad as never, grants.screener(allPlugins).catalogue)],
    ['composePlugins (a plugin)', rinkebyKistaFixture, (bad) => plugins.composePlugins([bad as never])],
    ['templatesFor (a plugin)', rinkebyKistaFixture, (bad) => plans.templatesFor(bad as never)],
  ]
  it.each(cases)('%s', (_, valid, call) => {
    let checked = 0
    for (const m of nested(valid)) {
      const o = outcome(() => call(replaced(valid, m.path, m.value)), [])
      if (o.kind === 'other') expect(o.error, `${m.path} = ${JSON.stringify(m.value)}: ${String(o.error)}`).not.toBeInstanceOf(TypeError)
      if (o.kind === 'invalid') expectNamesFields(o.error)
      checked++
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('names the field: a plan without its situation picture, an application without its association', () => {
    const noPicture = replaced(plan, 'situationPicture', undefined)
    expect(() => plans.analysePlan(noPicture as never, { templates, on })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'plan.situationPicture', code: 'value.missing' })] }),
    )
    const noAssociation = replaced(application, 'association', undefined)
    expect(() => grants.screen(noAssociation as never, options)).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'application.association', code: 'value.missing' })] }),
    )
  })
})
