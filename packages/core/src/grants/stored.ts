import type { GrantSource } from '../plugins/index.js'
import type { Finding, RuleKind } from './rules.js'
import type { Ruleset, ScreeningResult } from './screen.js'
import { requireShapes } from '../shared/index.js'
import { checkScreeningResult } from './result-shape.js'

function checkCatalogue(catalogue: unknown): void {
  requireShapes('Rule catalogue', [['catalogue', catalogue, 'object']])
  const c = catalogue as Record<string, unknown>
  requireShapes('Rule catalogue', [
    ['catalogue.version', c['version'], 'string'],
    ['catalogue.programmes', c['programmes'], 'object'],
  ])
}

/**
 * Storing screening results compactly. A finding's kind and sources belong to its rule,
 * so every finding of a rule repeats them: in a typical result they are three quarters
 * of the bytes. A stored screening leaves them out and names its ruleset version; the
 * rule catalogue of that version (stored once) puts them back.
 */

/** Each rule's kind and sources, per programme, under one ruleset version. */
export interface RuleCatalogue {
  readonly version: string
  readonly programmes: Readonly<
    Record<string, Readonly<Record<string, { readonly kind: RuleKind; readonly sources: readonly GrantSource[] }>>>
  >
}

/** A finding without what its rule says; `kind` and `sources` are kept only where they differ from the catalogue's. */
export interface StoredFinding {
  readonly ruleId: string
  readonly status: Finding['status']
  readonly reason: Finding['reason']
  readonly evidenceIds: readonly string[]
  readonly kind?: RuleKind
  readonly sources?: readonly GrantSource[]
}

export interface StoredScreening {
  readonly applicationId: string
  readonly programme: string
  readonly outcome: ScreeningResult['outcome']
  readonly humanDecisionRequired: boolean
  readonly ruleset: Ruleset
  readonly findings: readonly StoredFinding[]
}

/** The catalogue does not match the stored screening. */
export class CatalogueMismatchError extends Error {
  override readonly name = 'CatalogueMismatchError'
}

const sameSources = (a: readonly GrantSource[], b: readonly GrantSource[]) => a === b || JSON.stringify(a) === JSON.stringify(b)

/** The compact form of a result screened under `catalogue` (the same screener's). */
export function storeScreening(result: ScreeningResult, catalogue: RuleCatalogue): StoredScreening {
  checkScreeningResult(result, 'result')
  checkCatalogue(catalogue)
  if (result.ruleset.version !== catalogue.version)
    throw new CatalogueMismatchError(
      `The result was screened under ruleset ${result.ruleset.version}, the catalogue is ${catalogue.version}`,
    )
  const rules = catalogue.programmes[result.programme] ?? {}
  return {
    applicationId: result.applicationId,
    programme: result.programme,
    outcome: result.outcome,
    humanDecisionRequired: result.humanDecisionRequired,
    ruleset: result.ruleset,
    findings: result.findings.map((f) => {
      const rule = rules[f.ruleId]
      const stored: StoredFinding = { ruleId: f.ruleId, status: f.status, reason: f.reason, evidenceIds: f.evidenceIds }
      if (rule === undefined) return { ...stored, kind: f.kind, sources: f.sources }
      return {
        ...stored,
        ...(rule.kind === f.kind ? {} : { kind: f.kind }),
        ...(sameSources(rule.sources, f.sources) ? {} : { sources: f.sources }),
      }
    }),
  }
}

/** The full result again, with each finding's kind and sources from the catalogue of its ruleset version. */
export function restoreScreening(stored: StoredScreening, catalogue: RuleCatalogue): ScreeningResult {
  requireShapes('Stored screening', [['stored', stored, 'object']])
  checkScreeningResult({ ...stored, findings: [] }, 'stored', 'Stored screening')
  requireShapes('Stored screening', [['stored.findings', stored.findings, 'array']])
  stored.findings.forEach((f: unknown, i) => {
    requireShapes('Stored screening', [[`stored.findings[${i}]`, f, 'object']])
    const x = f as Record<string, unknown>
    requireShapes('Stored screening', [
      [`stored.findings[${i}].ruleId`, x['ruleId'], 'string'],
      [`stored.findings[${i}].reason`, x['reason'], 'object'],
      [`stored.findings[${i}].evidenceIds`, x['evidenceIds'], 'array'],
      [`stored.findings[${i}].sources`, x['sources'], 'array', true],
    ])
  })
  checkCatalogue(catalogue)
  if (stored.ruleset.version !== catalogue.version)
    throw new CatalogueMismatchError(
      `The screening was stored under ruleset ${stored.ruleset.version}, the catalogue is ${catalogue.version}`,
    )
  const rules = catalogue.programmes[stored.programme] ?? {}
  return {
    applicationId: stored.applicationId,
    programme: stored.programme,
    outcome: stored.outcome,
    humanDecisionRequired: stored.humanDecisionRequired,
    ruleset: stored.ruleset,
    findings: stored.findings.map((f): Finding => {
      const rule = rules[f.ruleId]
      const kind = f.kind ?? rule?.kind
      const sources = f.sources ?? rule?.sources
      if (kind === undefined || sources === undefined)
        throw new CatalogueMismatchError(`Ruleset ${catalogue.version} has no rule ${f.ruleId} for ${stored.programme}`)
      return { ruleId: f.ruleId, kind, status: f.status, reason: f.reason, evidenceIds: f.evidenceIds, sources }
    }),
  }
}
