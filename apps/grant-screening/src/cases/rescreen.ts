// Re-screening open cases with the rules in force today.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { type LocalizedText } from '@vbe/core'
import {
  diffFindings,
  OPEN_CASE_STATUSES,
  ruleHeading,
  screener,
  storeScreening,
  type Actor,
  type Application,
  type Conduct,
  type EvidenceSourceKind,
  type FindingStatus,
  type ScreeningResult,
} from '@vbe/core/grants'
import { appendAuditBatchAs, insertRows, Clock, CurrentUser, iso, jsonb, scopeDistricts, scopeOf, transaction } from '@vbe/server-kit'
import { stockholmDay } from '@vbe/core/calendar'
import { changedRules, encodeFindings, reasonKey, recordCatalogue, saveReasons, type FindingTuple } from '../screenings/store.js'
import { displayNames, nameOf } from './record.js'
import { Plugins, type Fx, db } from './store.js'

export interface RescreenFlip {
  caseId: string
  district: string
  programme: string
  associationName: string
  from: ScreeningResult['outcome']
  to: ScreeningResult['outcome']
  changedRules: string[]
  /**
   * The evidence items whose findings changed since the case's last screening, oldest first,
   * described by what they say (no ids, no summary or reference: free text stays in the case).
   * Runs recorded before this field existed have none.
   */
  changedEvidence: RescreenEvidence[]
}

/** An evidence item whose finding a re-screen changed, and how. */
export interface RescreenEvidence {
  conduct: Conduct
  actor: Actor
  /** The day of the conduct, YYYY-MM-DD. */
  date: string
  source: EvidenceSourceKind
  verified: boolean
  /** Dated after the day of the last screening: a fact that screening could not count yet. */
  newSinceLastScreening: boolean
  /** How the item counted at the last screening and now (null: it gave no finding). */
  before: FindingStatus | null
  after: FindingStatus | null
}

/**
 * The evidence items of `application` whose findings differ between two stored lists,
 * matched as `changedRules` matches them (rule and evidence; status and reason).
 */
export function changedEvidence(
  application: Application,
  before: readonly FindingTuple[],
  after: readonly FindingTuple[],
  lastScreenedOn: string,
): RescreenEvidence[] {
  const view = (t: FindingTuple) => ({
    ruleId: t[0],
    evidenceIds: t[3] ?? [],
    status: t[1],
    reason: typeof t[2] === 'string' ? t[2] : reasonKey(t[2]),
  })
  const items = new Map(application.evidence.map((e) => [e.id, e] as const))
  const changed = new Map<string, RescreenEvidence>()
  for (const c of diffFindings(before.map(view), after.map(view), (a, b) => a.status === b.status && a.reason === b.reason))
    for (const id of c.evidenceIds) {
      const e = items.get(id)
      if (!e || changed.has(id)) continue
      changed.set(id, {
        conduct: e.conduct,
        actor: e.actor,
        date: e.date,
        source: e.source.kind,
        verified: e.verified,
        newSinceLastScreening: e.date > lastScreenedOn,
        before: c.before?.status ?? null,
        after: c.after?.status ?? null,
      })
    }
  return [...changed.values()].sort((a, b) => a.date.localeCompare(b.date))
}

export interface RescreenRun {
  id: string
  at: string
  /**
   * The display name of who started the run, or null when no user has the stored username
   * (a removed account). The run row keeps the username, as the audit log does; it never
   * reaches a user.
   */
  startedBy: string | null
  checked: number
  changed: number
  flips: RescreenFlip[]
  /** The heading of each rule the flips name, for the reader. */
  rules: { id: string; heading: { sv: string; en: string } }[]
}

const headingsOf = (flips: readonly RescreenFlip[]): RescreenRun['rules'] =>
  [...new Set(flips.flatMap((f) => f.changedRules))].map((id) => ({ id, heading: ruleHeading(id) ?? { sv: id, en: id } }))

/** A flip as a run row keeps it: rows written before `changedEvidence` existed lack it. */
type StoredFlip = Omit<RescreenFlip, 'changedEvidence'> & { changedEvidence?: RescreenEvidence[] }

/** Per district: how many open cases a run checked and how many it changed. */
export type RescreenCounts = Record<string, { checked: number; changed: number }>

const RESCREEN_COLUMNS = [
  ['case_id', 'text'],
  ['outcome', 'text'],
  ['human_required', 'boolean'],
  ['ruleset', 'text'],
  ['screened_on', 'text'],
  ['findings', 'text'],
] as const

/**
 * Re-screens every open case with the current rules on today's date, in batches, and
 * stores the new results. Cases whose outcome flips are listed in the run; every
 * changed case gets an audit event. Each batch reads the cases and then their
 * screenings by key range (two index scans), and writes its changes with one bulk
 * insert into a temporary table and one update from it, in one transaction with the
 * batch's audit events.
 */
export function rescreenOpenCases(options: { batch?: number; onProgress?: (done: number) => void } = {}): Fx<RescreenRun> {
  const batch = options.batch ?? 10_000
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const plugins = yield* Plugins
    // A district admin re-screens its own district's cases only.
    const scope = scopeOf(user)
    const now = (yield* Clock).now()
    const on = stockholmDay(now)
    const s = screener(plugins)
    const catalogue = s.catalogue
    yield* recordCatalogue(catalogue)
    const flips: RescreenFlip[] = []
    // Every district the run covers has its counts, so that the run is shown to those districts only.
    const districts: RescreenCounts = Object.fromEntries(
      (scope ?? plugins.plugins.map((p) => p.id)).map((d) => [d, { checked: 0, changed: 0 }]),
    )
    let checked = 0
    let changed = 0
    let after = ''
    for (;;) {
      const cases = yield* db('rescreen.read', (k) =>
        k
          .selectFrom('gs_cases')
          .select(['id', 'district', 'programme', 'association_name', 'application'])
          .where('status', 'in', [...OPEN_CASE_STATUSES])
          .$if(scope !== null, (q) => q.where('district', 'in', scopeDistricts(scope ?? [])))
          .where('id', '>', after)
          .orderBy('id')
          .limit(batch)
          .execute(),
      )
      if (cases.length === 0) break
      const first = cases[0]!.id
      after = cases[cases.length - 1]!.id
      const stored = yield* db('rescreen.read-screenings', (k) =>
        k
          .selectFrom('gs_screenings')
          .select(['case_id', 'outcome', 'ruleset', 'screened_on', 'findings'])
          .where('case_id', '>=', first)
          .where('case_id', '<=', after)
          .execute(),
      )
      const before = new Map(stored.map((r) => [r.case_id, r]))
      const rows: unknown[][] = []
      const reasons = new Map<string, LocalizedText>()
      const events: Parameters<typeof appendAuditBatchAs>[1][number][] = []
      for (const c of cases) {
        checked++
        const counts = (districts[c.district] ??= { checked: 0, changed: 0 })
        counts.checked++
        const old = before.get(c.id)
        if (!old) continue
        let result: ScreeningResult
        try {
          result = s.screen(c.application as Application, on)
        } catch {
          continue // a programme no longer in force: leave the case as it is
        }
        const own = new Map<string, LocalizedText>()
        const tuples = encodeFindings(storeScreening(result, catalogue).findings, own)
        const findings = JSON.stringify(tuples)
        // Equal text means equal findings; different text may still be the same findings.
        const oldTuples = findings === old.findings ? tuples : (JSON.parse(old.findings) as FindingTuple[])
        const rules = findings === old.findings ? [] : changedRules(oldTuples, tuples)
        if (rules.length === 0 && result.outcome === old.outcome && result.ruleset.version === old.ruleset) continue
        changed++
        counts.changed++
        for (const [key, reason] of own) reasons.set(key, reason)
        rows.push([c.id, result.outcome, result.humanDecisionRequired, result.ruleset.version, result.ruleset.on, findings])
        events.push({
          action: 'case.rescreen',
          entityType: 'case',
          entityId: c.id,
          district: c.district,
          ruleset: result.ruleset.version,
          before: { outcome: old.outcome, ruleset: old.ruleset },
          after: { outcome: result.outcome, changedRules: rules },
        })
        if (result.outcome !== old.outcome)
          flips.push({
            caseId: c.id,
            district: c.district,
            programme: c.programme,
            associationName: c.association_name,
            from: old.outcome as ScreeningResult['outcome'],
            to: result.outcome,
            changedRules: rules,
            changedEvidence: rules.length === 0 ? [] : changedEvidence(c.application as Application, oldTuples, tuples, old.screened_on),
          })
      }
      if (rows.length > 0) {
        yield* transaction(
          Effect.gen(function* () {
            yield* db('rescreen.batch', (k) =>
              sql`create temporary table gs_rescreen_batch (case_id text, outcome text, human_required boolean, ruleset text, screened_on text, findings text) on commit drop`.execute(
                k,
              ),
            )
            yield* saveReasons(reasons)
            yield* insertRows('rescreen.batch', 'gs_rescreen_batch', RESCREEN_COLUMNS, rows)
            yield* db('rescreen.write', (k) =>
              sql`update gs_screenings s set outcome = b.outcome, human_required = b.human_required, ruleset = b.ruleset, screened_on = b.screened_on, findings = b.findings, screened_at = ${now}
                  from gs_rescreen_batch b where s.case_id = b.case_id`.execute(k),
            )
            yield* appendAuditBatchAs(user.username, events)
          }),
        )
      }
      options.onProgress?.(checked)
    }
    const run: RescreenRun = {
      id: randomUUID(),
      at: now.toISOString(),
      startedBy: user.displayName,
      checked,
      changed,
      flips,
      rules: headingsOf(flips),
    }
    yield* db('rescreen.run', (k) =>
      k
        .insertInto('gs_rescreen_runs')
        .values({ id: run.id, at: now, actor: user.username, checked, changed, flips: jsonb(flips), districts: jsonb(districts) })
        .execute(),
    )
    return run
  })
}

/**
 * Re-screen runs, newest first, with the counts and flips in the user's scope. A user
 * with a district sees only the runs that covered it (a city-wide run, or one its own
 * district's admin started), never another district's.
 */
export function listRescreenRuns(): Fx<RescreenRun[]> {
  return Effect.gen(function* () {
    const scope = scopeOf(yield* CurrentUser)
    const rows = yield* db('rescreen.list', (k) => k.selectFrom('gs_rescreen_runs').selectAll().orderBy('at', 'desc').limit(50).execute())
    const names = yield* displayNames(rows.map((r) => r.actor))
    return rows.flatMap((r): RescreenRun[] => {
      const counts = r.districts as RescreenCounts
      if (scope !== null && !scope.some((d) => d in counts)) return []
      const flips = (r.flips as StoredFlip[])
        .filter((f) => scope === null || scope.includes(f.district))
        .map((f) => ({ ...f, changedEvidence: f.changedEvidence ?? [] }))
      const own = scope === null ? { checked: r.checked, changed: r.changed } : sumCounts(scope.map((d) => counts[d]))
      return [
        {
          id: r.id,
          at: iso(r.at),
          startedBy: nameOf(names, r.actor),
          checked: own.checked,
          changed: own.changed,
          flips,
          rules: headingsOf(flips),
        },
      ]
    })
  })
}

const sumCounts = (counts: readonly (RescreenCounts[string] | undefined)[]) =>
  counts.reduce<{ checked: number; changed: number }>(
    (sum, c) => ({ checked: sum.checked + (c?.checked ?? 0), changed: sum.changed + (c?.changed ?? 0) }),
    { checked: 0, changed: 0 },
  )
