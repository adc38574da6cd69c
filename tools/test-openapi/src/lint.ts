import { createConfig, lintFromString } from '@redocly/openapi-core'
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core'
import spectralParsers from '@stoplight/spectral-parsers'
import spectralRulesets from '@stoplight/spectral-rulesets'

/** One finding of a linter, in a form a test can print. */
export interface LintFinding {
  readonly severity: 'error' | 'warning' | 'info' | 'hint'
  readonly rule: string
  readonly message: string
  /** Where in the document, as a JSON pointer–like path. */
  readonly at: string
}

/** What `redocly lint` reports for the document with its default (`recommended`) rules. */
export async function redoclyFindings(document: object): Promise<LintFinding[]> {
  const config = await createConfig({ extends: ['recommended'] })
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config })
  return problems.map((p) => ({
    severity: p.severity === 'error' ? 'error' : 'warning',
    rule: p.ruleId,
    message: p.message,
    at: p.location.map((l) => l.pointer ?? '').join(' '),
  }))
}

// The published declaration of the ruleset widens each rule's `severity` to `string`, which
// the core's RulesetDefinition (a union of the severity names) does not accept.
const oasRuleset = spectralRulesets.oas as RulesetDefinition

const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'] as const

/** What Spectral reports for the document with the `spectral:oas` ruleset. */
export async function spectralFindings(document: object): Promise<LintFinding[]> {
  const spectral = new spectralCore.Spectral()
  spectral.setRuleset({ extends: [[oasRuleset, 'recommended']] })
  const results = await spectral.run(new spectralCore.Document(JSON.stringify(document, null, 2), spectralParsers.Json, 'openapi.json'))
  return results.map((r) => ({
    severity: SPECTRAL_SEVERITY[r.severity] ?? 'error',
    rule: String(r.code),
    message: r.message,
    at: r.path.join('.'),
  }))
}

/** Counts by severity, for a test's message. */
export function countBySeverity(findings: readonly LintFinding[]): Record<LintFinding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 }
  for (const f of findings) counts[f.severity] += 1
  return counts
}

/** One line per finding, for a failing test's message. */
export function describeFindings(findings: readonly LintFinding[]): string {
  return findings.map((f) => `${f.severity} ${f.rule} at ${f.at || '(root)'}: ${f.message}`).join('\n')
}

/** Both linters' findings on one document, split into errors and warnings (info and hints are left out). */
export interface LintReport {
  readonly errors: readonly LintFinding[]
  readonly warnings: readonly LintFinding[]
}

/**
 * Lints an OpenAPI document with `redocly lint` (recommended rules) and Spectral
 * (`spectral:oas`). Each finding's rule is prefixed with its linter (`redocly/…`, `spectral/…`).
 */
export async function lintOpenApi(document: object): Promise<LintReport> {
  const [redocly, spectral] = await Promise.all([redoclyFindings(document), spectralFindings(document)])
  const all = [...redocly.map((f) => ({ ...f, rule: `redocly/${f.rule}` })), ...spectral.map((f) => ({ ...f, rule: `spectral/${f.rule}` }))]
  return { errors: all.filter((f) => f.severity === 'error'), warnings: all.filter((f) => f.severity === 'warning') }
}
