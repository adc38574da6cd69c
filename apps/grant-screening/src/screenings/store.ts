import { hash } from 'node:crypto'
import { Effect } from 'effect'
import { sql, type Kysely } from 'kysely'
import type { LocalizedText } from '@vbe/core'
import type { ComposedPlugins, GrantSource } from '@vbe/core/plugins'
import {
  diffFindings,
  restoreScreening,
  screener,
  storeScreening,
  type Finding,
  type RuleCatalogue,
  type RuleKind,
  type ScreeningResult,
  type StoredFinding,
} from '@vbe/core/grants'
import { query, type DatabaseError, type Db } from '@vbe/server-kit'
import type { Tables } from '../db/tables.js'

/**
 * How screenings are kept. Each case has one narrow `gs_screenings` row, so that a
 * re-screen rewrites little. Its findings are stored compactly:
 * - without each rule's kind and sources, which the rule catalogue of the ruleset
 *   version holds once (`gs_rulesets`, see `storeScreening` in core);
 * - with each shared reason as a key into `gs_reasons`: rules build the reasons that do
 *   not depend on the application once, as frozen objects, and those are the same
 *   few sentences in every case. A reason written for one application (one that
 *   names the amount, say) is stored inline.
 * A typical screening takes about 500 bytes instead of 6 KB.
 */

const db = <A>(operation: string, f: (db: Kysely<Tables>) => Promise<A>) => query(operation, f)

/**
 * A finding as stored: rule, status, and reason (a key into `gs_reasons`, or the text
 * itself); evidence ids when there are any; its own kind or sources where they differ
 * from the catalogue.
 */
export type FindingTuple = [
  ruleId: string,
  status: Finding['status'],
  reason: string | LocalizedText,
  evidenceIds?: readonly string[],
  own?: { kind?: RuleKind; sources?: readonly GrantSource[] },
]

/** The screening columns of a case, as read with it. */
export interface ScreeningColumns {
  readonly outcome: string
  readonly human_required: boolean
  readonly ruleset: string
  readonly screened_on: string
  readonly findings: string
}

const keys = new WeakMap<object, string>()
/** A shared (frozen) reason's key: 96 bits of its SHA-256, computed once per reason object. */
export function reasonKey(reason: LocalizedText): string {
  let key = keys.get(reason)
  if (key === undefined) {
    key = hash('sha256', `${reason.sv}\u0000${reason.en}`, 'base64url').slice(0, 16)
    if (Object.isFrozen(reason)) keys.set(reason, key)
  }
  return key
}

/** The stored findings as tuples; each shared reason is added to `reasons` under its key. */
export function encodeFindings(findings: readonly StoredFinding[], reasons: Map<string, LocalizedText>): FindingTuple[] {
  return findings.map((f) => {
    let key: string | LocalizedText = f.reason
    if (Object.isFrozen(f.reason)) {
      key = reasonKey(f.reason)
      if (!reasons.has(key)) reasons.set(key, f.reason)
    }
    const own =
      f.kind === undefined && f.sources === undefined
        ? undefined
        : { ...(f.kind === undefined ? {} : { kind: f.kind }), ...(f.sources === undefined ? {} : { sources: f.sources }) }
    if (own) return [f.ruleId, f.status, key, f.evidenceIds, own]
    return f.evidenceIds.length > 0 ? [f.ruleId, f.status, key, f.evidenceIds] : [f.ruleId, f.status, key]
  })
}

/** The rules whose findings differ between two stored lists, by status and reason. */
export function changedRules(before: readonly FindingTuple[], after: readonly FindingTuple[]): string[] {
  // Keys are derived from the text, so a reason stored by key and the same reason stored inline compare equal.
  const view = (t: FindingTuple) => ({
    ruleId: t[0],
    evidenceIds: t[3] ?? [],
    status: t[1],
    reason: typeof t[2] === 'string' ? t[2] : reasonKey(t[2]),
  })
  return [
    ...new Set(
      diffFindings(before.map(view), after.map(view), (a, b) => a.status === b.status && a.reason === b.reason).map((c) => c.ruleId),
    ),
  ]
}

/** A result as the row it is stored in; its reasons are added to `reasons` (save them with `saveReasons`). */
export function screeningRow(
  caseId: string,
  result: ScreeningResult,
  catalogue: RuleCatalogue,
  at: Date,
  reasons: Map<string, LocalizedText>,
): Tables['gs_screenings'] {
  return {
    case_id: caseId,
    outcome: result.outcome,
    human_required: result.humanDecisionRequired,
    ruleset: result.ruleset.version,
    screened_on: result.ruleset.on,
    screened_at: at,
    findings: JSON.stringify(encodeFindings(storeScreening(result, catalogue).findings, reasons)),
  }
}

/** Stores reasons not stored yet. */
export function saveReasons(reasons: ReadonlyMap<string, LocalizedText>): Effect.Effect<void, DatabaseError, Db> {
  const all = [...reasons].map(([key, r]) => ({ key, sv: r.sv, en: r.en }))
  return db('reasons.save', async (k) => {
    for (let i = 0; i < all.length; i += 2000)
      await k
        .insertInto('gs_reasons')
        .values(all.slice(i, i + 2000))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
  })
}

/** Records the catalogue of a ruleset version, once (later calls are no-ops). */
export function recordCatalogue(catalogue: RuleCatalogue): Effect.Effect<void, DatabaseError, Db> {
  return db('ruleset.record', (k) =>
    k
      .insertInto('gs_rulesets')
      .values({ version: catalogue.version, catalogue: sql`cast(${JSON.stringify(catalogue)} as text)::jsonb`, recorded_at: new Date() })
      .onConflict((oc) => oc.column('version').doNothing())
      .execute(),
  ).pipe(Effect.asVoid)
}

/** Catalogues are immutable once recorded, so any one read is kept for the process. */
const catalogues = new Map<string, RuleCatalogue>()

/** The catalogue of a ruleset version: the current screener's, or the recorded one. */
export function catalogueOf(version: string, plugins: ComposedPlugins): Effect.Effect<RuleCatalogue, DatabaseError, Db> {
  const current = screener(plugins).catalogue
  if (current.version === version) return Effect.succeed(current)
  const known = catalogues.get(version)
  if (known) return Effect.succeed(known)
  return db('ruleset.get', (k) => k.selectFrom('gs_rulesets').select('catalogue').where('version', '=', version).executeTakeFirst()).pipe(
    Effect.flatMap((row) => {
      if (!row) return Effect.die(new Error(`No rule catalogue is recorded for ruleset ${version}`))
      const catalogue = row.catalogue as RuleCatalogue
      catalogues.set(version, catalogue)
      return Effect.succeed(catalogue)
    }),
  )
}

/** The full screening result of a case, from its stored columns. */
export function restore(
  applicationId: string,
  programme: string,
  s: ScreeningColumns,
  plugins: ComposedPlugins,
): Effect.Effect<ScreeningResult, DatabaseError, Db> {
  return Effect.gen(function* () {
    const tuples = JSON.parse(s.findings) as FindingTuple[]
    const wanted = [...new Set(tuples.flatMap((t) => (typeof t[2] === 'string' ? [t[2]] : [])))]
    const rows =
      wanted.length === 0
        ? []
        : yield* db('reasons.get', (k) => k.selectFrom('gs_reasons').selectAll().where('key', 'in', wanted).execute())
    const reasons = new Map(rows.map((r) => [r.key, { sv: r.sv, en: r.en }]))
    const findings = tuples.map(([ruleId, status, key, evidenceIds = [], own = {}]): StoredFinding => {
      const reason = typeof key === 'string' ? reasons.get(key) : key
      if (!reason) throw new Error(`The reason ${String(key)} of rule ${ruleId} is missing from gs_reasons`)
      return { ruleId, status, reason, evidenceIds, ...own }
    })
    const catalogue = yield* catalogueOf(s.ruleset, plugins)
    return restoreScreening(
      {
        applicationId,
        programme,
        outcome: s.outcome as ScreeningResult['outcome'],
        humanDecisionRequired: s.human_required,
        ruleset: { version: s.ruleset, on: s.screened_on },
        findings,
      },
      catalogue,
    )
  })
}
