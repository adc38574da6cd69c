import { given, isIsoDate, isRecord, messageText, requireShapes, type CodedMessage } from '../shared/index.js'
import { composePlugins, type ComposedPlugins, type DistrictPlugin } from '../plugins/index.js'
import { parseApplication, type Application } from './application.js'
import { checkOptions, checkPlugins, diagnoseApplication } from './screen-input.js'
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
