import {
  diagnosed,
  diagnoseWith,
  fieldProblem,
  given,
  isIsoDate,
  isRecord,
  messageText,
  requireShapes,
  ValidationError,
  type CodedMessage,
} from '../shared/index.js'
import { composePlugins, type ComposedPlugins, type DistrictPlugin } from '../plugins/index.js'
import { applicationSchema, parseApplication, safeParseApplication, type Application } from './application.js'
import { covers } from './dates.js'
import type { RuleCatalogue } from './stored.js'
import {
  CITY_RULES,
  programmeRules,
  ruleData,
  type Evaluator,
  type Finding,
  type Programme,
  type Rule,
  type RuleDefinition,
} from './rules.js'

/** Bumped whenever the city-wide rules or their evaluation change. */
export const GRANT_RULES_VERSION = '1'

export type Outcome = 'eligible' | 'ineligible' | 'requires_assessment'

/** Which rules a result was reached under: the ruleset version and the screening date. */
export interface Ruleset {
  /** `<core rules version>+<hash of the programmes and their parameters>`. */
  readonly version: string
  readonly on: string
}

export interface ScreeningResult {
  readonly applicationId: string
  readonly programme: string
  /** Any `not_met` → ineligible; otherwise any `needs_assessment` → requires_assessment; otherwise eligible. */
  readonly outcome: Outcome
  /** True when a democracy finding is `not_met` or `needs_assessment`: a person must weigh it and decide. */
  readonly humanDecisionRequired: boolean
  readonly findings: readonly Finding[]
  readonly ruleset: Ruleset
}

/** The district plugins to screen with: composed, or a list to compose. */
export type PluginsInput = ComposedPlugins | readonly DistrictPlugin[]

export interface ScreenOptions {
  /** The screening date, YYYY-MM-DD. Only rules in force on this day apply. */
  readonly on: string
  readonly plugins: PluginsInput
}

/** The application names a programme no installed plugin offers. */
export class UnknownProgrammeError extends Error {
  override readonly name = 'UnknownProgrammeError'
  /** The problem as a message code, for the field `programme`. */
  readonly problem: CodedMessage
  constructor(
    readonly programme: string,
    readonly known: readonly string[],
  ) {
    const problem: CodedMessage =
      known.length === 0
        ? { code: 'programme.unknownNone', params: { programme } }
        : { code: 'programme.unknown', params: { programme, known } }
    super(messageText(problem.code, problem.params).en)
    this.problem = problem
  }
}

/** The programme exists but is not in force on the screening date. */
export class ProgrammeNotInForceError extends Error {
  override readonly name = 'ProgrammeNotInForceError'
  /** The problem as a message code, for the field `programme`. */
  readonly problem: CodedMessage
  constructor(
    readonly programme: string,
    readonly on: string,
    readonly effective: { readonly from: string; readonly to?: string | undefined },
  ) {
    const problem: CodedMessage =
      effective.to === undefined
        ? { code: 'programme.notInForce', params: { programme, on, from: effective.from } }
        : { code: 'programme.notInForceUntil', params: { programme, on, from: effective.from, to: effective.to } }
    super(messageText(problem.code, problem.params).en)
    this.problem = problem
  }
}

/** The screening date is not a real date written YYYY-MM-DD. */
export class InvalidScreeningDateError extends RangeError {
  override readonly name = 'InvalidScreeningDateError'
  /** The problem as a message code, for the field `on`. */
  readonly problem: CodedMessage
  constructor(readonly on: string) {
    const problem: CodedMessage = { code: 'screening.date', params: { got: given(on) } }
    super(messageText(problem.code, problem.params).en)
    this.problem = problem
  }
}

interface CompiledRule {
  readonly rule: Rule
  readonly evaluate: Evaluator
}

interface Resolved {
  readonly evaluators: readonly Evaluator[]
  readonly ruleset: Ruleset
}

interface ProgrammeEntry {
  readonly programme: Programme
  readonly rules: readonly CompiledRule[]
  readonly byDate: Map<string, Resolved>
}

const MAX_CACHED_DATES = 4096

/** 32-bit FNV-1a, as 8 hex digits: a short, stable fingerprint of the programmes' rules. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * Screens applications against one set of plugins. Rules are compiled once per
 * programme, and the rules in force are resolved once per (programme, date) and cached,
 * so screening an application runs the evaluators and allocates only its findings.
 * Get one with `screener(plugins)`; `screen()` uses the same cache.
 */
export class Screener {
  readonly plugins: ComposedPlugins
  readonly version: string
  private readonly entries = new Map<string, ProgrammeEntry>()
  private readonly programmeIds: readonly string[]
  private catalogueCache: RuleCatalogue | undefined

  constructor(plugins: PluginsInput) {
    this.plugins = isComposed(plugins) ? plugins : composePlugins(plugins)
    for (const programme of this.plugins.grantProgrammes) {
      const defs: RuleDefinition[] = [...programmeRules(programme), ...CITY_RULES]
      const rules = defs.map((def) => {
        const rule = ruleData(def)
        return Object.freeze({ rule, evaluate: def.compile(rule, programme) })
      })
      this.entries.set(programme.id, { programme, rules, byDate: new Map() })
    }
    this.programmeIds = Object.freeze([...this.entries.keys()])
    this.version = `${GRANT_RULES_VERSION}+${fingerprint(
      JSON.stringify(
        [...this.entries.values()].map((e) => [
          e.programme.id,
          e.programme.effective,
          e.programme.parameters,
          e.rules.map((r) => [r.rule.id, r.rule.effective]),
        ]),
      ),
    )}`
  }

  /** Each rule's kind and sources per programme, under this screener's ruleset version (see `storeScreening`). */
  get catalogue(): RuleCatalogue {
    if (this.catalogueCache === undefined) {
      const programmes: Record<string, RuleCatalogue['programmes'][string]> = {}
      for (const [id, entry] of this.entries)
        programmes[id] = Object.fromEntries(entry.rules.map(({ rule }) => [rule.id, { kind: rule.kind, sources: rule.sources }]))
      this.catalogueCache = Object.freeze({ version: this.version, programmes })
    }
    return this.catalogueCache
  }

  /** The ids of the programmes these plugins offer. */
  get programmes(): readonly string[] {
    return this.programmeIds
  }

  private resolve(programmeId: string, on: string): Resolved {
    const entry = this.entries.get(programmeId)
    if (entry === undefined) throw new UnknownProgrammeError(programmeId, this.programmeIds)
    const cached = entry.byDate.get(on)
    if (cached !== undefined) return cached
    if (!isIsoDate(on)) throw new InvalidScreeningDateError(on)
    if (!covers(entry.programme.effective, on)) throw new ProgrammeNotInForceError(programmeId, on, entry.programme.effective)
    const evaluators = Object.freeze(entry.rules.filter((r) => covers(r.rule.effective, on)).map((r) => r.evaluate))
    const resolved: Resolved = Object.freeze({ evaluators, ruleset: Object.freeze({ version: this.version, on }) })
    if (entry.byDate.size >= MAX_CACHED_DATES) entry.byDate.clear()
    entry.byDate.set(on, resolved)
    return resolved
  }

  /** Screens one parsed application on a date. */
  screen(application: Application, on: string): ScreeningResult {
    const { evaluators, ruleset } = this.resolve(application.programme, on)
    const findings: Finding[] = []
    for (let i = 0; i < evaluators.length; i++) evaluators[i]!(application, on, findings)
    let notMet = false
    let needsAssessment = false
    let humanDecisionRequired = false
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!
      const status = f.status
      if (status === 'not_met') notMet = true
      else if (status === 'needs_assessment') needsAssessment = true
      else continue
      if (f.kind === 'democracy') humanDecisionRequired = true
    }
    return {
      applicationId: application.id,
      programme: application.programme,
      outcome: notMet ? 'ineligible' : needsAssessment ? 'requires_assessment' : 'eligible',
      humanDecisionRequired,
      findings,
      ruleset,
    }
  }

  /**
   * The rules in force on a date: the city-wide rules, and each programme's rules (or
   * one programme's, when given). Programme rules carry the programme's id in
   * `appliesTo` and its sources.
   */
  rulesInForce(on: string, programmeId?: string): Rule[] {
    if (!isIsoDate(on)) throw new InvalidScreeningDateError(on)
    if (programmeId !== undefined && !this.entries.has(programmeId)) throw new UnknownProgrammeError(programmeId, this.programmeIds)
    const out: Rule[] = []
    const seen = new Set<Rule['id']>()
    for (const def of CITY_RULES) {
      if (covers(def.effective, on)) {
        out.push(ruleData(def))
        seen.add(def.id)
      }
    }
    for (const entry of this.entries.values()) {
      if (programmeId !== undefined && entry.programme.id !== programmeId) continue
      for (const { rule } of entry.rules) if (!seen.has(rule.id) && covers(rule.effective, on)) out.push(rule)
    }
    return out
  }
}

function isComposed(plugins: PluginsInput): plugins is ComposedPlugins {
  return !Array.isArray(plugins) && 'grantProgrammes' in plugins
}

/** Throws a ValidationError naming the field when the plugins are neither a list nor composed plugins. */
function checkPlugins(plugins: unknown, path: string): void {
  if (
    !Array.isArray(plugins) &&
    !(isRecord(plugins) && Array.isArray(plugins['grantProgrammes']) && typeof plugins['programme'] === 'function')
  ) {
    throw new ValidationError('Screening options', [fieldProblem(path, plugins === undefined ? 'value.missing' : 'screening.plugins')])
  }
}

/** Throws a ValidationError naming the field when screening options have the wrong shape. */
function checkOptions(options: unknown, path: string): void {
  requireShapes('Screening options', [[path, options, 'object']])
  const o = options as Record<string, unknown>
  requireShapes('Screening options', [[`${path}.on`, o['on'], 'string']])
  checkPlugins(o['plugins'], `${path}.plugins`)
}

/** Throws the application's ValidationError, when it has one. */
function diagnoseApplication(application: unknown, path: string): void {
  const parsed = safeParseApplication(application)
  if (!parsed.ok)
    throw new ValidationError(
      parsed.error.subject,
      parsed.problems.map((p) => ({ ...p, path: p.path === '(root)' ? path : `${path}.${p.path}` })),
    )
  diagnoseWith(applicationSchema, application, 'Application', path)
}

const screeners = new WeakMap<object, Screener>()

/** The cached Screener for these plugins (one per composed-plugins object or plugin list). */
export function screener(plugins: PluginsInput): Screener {
  checkPlugins(plugins, 'plugins')
  let s = screeners.get(plugins)
  if (s === undefined) {
    s = new Screener(plugins)
    screeners.set(plugins, s)
  }
  return s
}

/**
 * Screens one parsed application. Throws UnknownProgrammeError (listing the known
 * programmes), ProgrammeNotInForceError or InvalidScreeningDateError.
 *
 * @example
 * const result = screen(application, { on: '2026-11-22', plugins: [rinkebyKista] })
 * result.outcome // 'eligible' | 'ineligible' | 'requires_assessment'
 */
export function screen(application: Application, options: ScreenOptions): ScreeningResult {
  // The checks allocate nothing while the input is right: screening is the hot path.
  if (!isRecord(options) || typeof options.on !== 'string') checkOptions(options, 'options')
  const s = screener(options.plugins)
  if (!isRecord(application) || typeof application.programme !== 'string') {
    requireShapes('Screening', [['application', application, 'object']])
    diagnoseApplication(application, 'application')
  }
  try {
    return s.screen(application, options.on)
  } catch (error) {
    if (error instanceof TypeError) diagnoseApplication(application, 'application')
    throw error
  }
}

/** Parses input from outside (see parseApplication), then screens it; throws the ValidationError for bad input. */
export function parseAndScreen(input: unknown, options: ScreenOptions): ScreeningResult {
  checkOptions(options, 'options')
  return screen(parseApplication(input), options)
}

/** The rules that apply on a date, city-wide and for each programme the plugins offer. */
export function rulesInForce(on: string, plugins: PluginsInput, options: { readonly programme?: string } = {}): Rule[] {
  requireShapes('Rules in force', [
    ['on', on, 'string'],
    ['options', options, 'object'],
  ])
  requireShapes('Rules in force', [['options.programme', options.programme, 'string', true]])
  return screener(plugins).rulesInForce(on, options.programme)
}

/** What findings are matched by: their rule and the evidence they rest on. */
export type ComparableFinding = Pick<Finding, 'ruleId' | 'evidenceIds'>

/** One finding that differs between two screenings; `before` or `after` is absent when the finding appears or goes away. */
export interface FindingChange<F extends ComparableFinding = Finding> {
  readonly ruleId: string
  readonly evidenceIds: readonly string[]
  readonly before?: F
  readonly after?: F
}

export interface RescreenChange {
  readonly applicationId: string
  readonly before: ScreeningResult
  readonly after: ScreeningResult
  readonly changedFindings: readonly FindingChange[]
}

const findingKey = (f: ComparableFinding) => (f.evidenceIds.length === 0 ? f.ruleId : `${f.ruleId}\u0000${f.evidenceIds.join('\u0000')}`)

const sameStatusAndReason = (a: Pick<Finding, 'status' | 'reason'>, b: Pick<Finding, 'status' | 'reason'>) =>
  a.status === b.status && a.reason.sv === b.reason.sv && a.reason.en === b.reason.en

/**
 * The findings that differ between two results, matched by rule and evidence. Two
 * matched findings differ when their status or reason does, or, for other shapes of
 * finding (a stored form, say), when `same` says so.
 */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): FindingChange[]
export function diffFindings<F extends ComparableFinding>(
  before: readonly F[],
  after: readonly F[],
  same: (a: F, b: F) => boolean,
): FindingChange<F>[]
export function diffFindings<F extends ComparableFinding>(
  before: readonly F[],
  after: readonly F[],
  same: (a: F, b: F) => boolean = sameStatusAndReason as never,
): FindingChange<F>[] {
  requireShapes('Findings', [
    ['before', before, 'array'],
    ['after', after, 'array'],
    ['same', same, 'function'],
  ])
  const check = (list: readonly F[], name: string) =>
    list.forEach((f: unknown, i) => {
      requireShapes('Findings', [[`${name}[${i}]`, f, 'object']])
      const x = f as Record<string, unknown>
      requireShapes('Findings', [
        [`${name}[${i}].ruleId`, x['ruleId'], 'string'],
        [`${name}[${i}].evidenceIds`, x['evidenceIds'], 'array'],
      ])
    })
  check(before, 'before')
  check(after, 'after')
  const old = new Map(before.map((f) => [findingKey(f), f]))
  const changes: FindingChange<F>[] = []
  for (const a of after) {
    const key = findingKey(a)
    const b = old.get(key)
    old.delete(key)
    if (b === undefined) changes.push({ ruleId: a.ruleId, evidenceIds: a.evidenceIds, after: a })
    else if (!same(b, a)) changes.push({ ruleId: a.ruleId, evidenceIds: a.evidenceIds, before: b, after: a })
  }
  for (const b of old.values()) changes.push({ ruleId: b.ruleId, evidenceIds: b.evidenceIds, before: b })
  return changes
}

/**
 * Screens every application twice, under `from` and under `to` (two dates, two
 * rulesets, or both), and returns the applications whose outcome changes, each with the
 * findings that changed.
 *
 * @example
 * rescreen(grantees, { from: { on: '2026-01-01', plugins: old }, to: { on: '2026-01-01', plugins: updated } })
 */
export function rescreen(
  applications: Iterable<Application>,
  options: { readonly from: ScreenOptions; readonly to: ScreenOptions },
): RescreenChange[] {
  requireShapes('Re-screening', [['options', options, 'object']])
  checkOptions(options.from, 'options.from')
  checkOptions(options.to, 'options.to')
  if (typeof (applications as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    throw new ValidationError('Re-screening', [fieldProblem('applications', applications === undefined ? 'value.missing' : 'type.array')])
  }
  const from = screener(options.from.plugins)
  const to = screener(options.to.plugins)
  const changes: RescreenChange[] = []
  let index = 0
  for (const application of applications) {
    const path = `applications[${index++}]`
    requireShapes('Re-screening', [[path, application, 'object']])
    const before = diagnosed(
      () => from.screen(application, options.from.on),
      () => diagnoseApplication(application, path),
    )
    const after = to.screen(application, options.to.on)
    if (before.outcome === after.outcome) continue
    changes.push({ applicationId: application.id, before, after, changedFindings: diffFindings(before.findings, after.findings) })
  }
  return changes
}
