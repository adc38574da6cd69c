import { hash } from 'node:crypto'
import { sql, type Migration } from 'kysely'
import type { AnyKysely } from '@vbe/server-kit'

/*
 * Frozen copies of the codec this migration wrote with (as it was when the migration
 * was written): the compact form of a screening against a rule catalogue (core's
 * `storeScreening`) and the tuple encoding of its findings (`encodeFindings` in
 * src/screenings/store.ts). The live code may change; what this migration does must not.
 */

interface Reason {
  readonly sv: string
  readonly en: string
}
interface OldFinding {
  readonly ruleId: string
  readonly status: string
  readonly reason: Reason
  readonly evidenceIds: readonly string[]
  readonly kind: string
  readonly sources: readonly unknown[]
}
interface OldScreening {
  readonly applicationId: string
  readonly programme: string
  readonly outcome: string
  readonly humanDecisionRequired: boolean
  readonly ruleset: { readonly version: string; readonly on: string }
  readonly findings: readonly OldFinding[]
}
interface Catalogue {
  readonly version: string
  readonly programmes: Record<string, Record<string, { readonly kind: string; readonly sources: readonly unknown[] }>>
}
interface CompactFinding {
  readonly ruleId: string
  readonly status: string
  readonly reason: Reason
  readonly evidenceIds: readonly string[]
  readonly kind?: string
  readonly sources?: readonly unknown[]
}
type Tuple = [
  ruleId: string,
  status: string,
  reason: string | Reason,
  evidenceIds?: readonly string[],
  own?: { kind?: string; sources?: readonly unknown[] },
]

const sameSources = (a: readonly unknown[], b: readonly unknown[]) => a === b || JSON.stringify(a) === JSON.stringify(b)

/** The findings without the kind and sources their catalogue entry holds. */
function compactFindings(result: OldScreening, catalogue: Catalogue): CompactFinding[] {
  const rules = catalogue.programmes[result.programme] ?? {}
  return result.findings.map((f) => {
    const rule = rules[f.ruleId]
    const stored: CompactFinding = { ruleId: f.ruleId, status: f.status, reason: f.reason, evidenceIds: f.evidenceIds }
    if (rule === undefined) return { ...stored, kind: f.kind, sources: f.sources }
    return {
      ...stored,
      ...(rule.kind === f.kind ? {} : { kind: f.kind }),
      ...(sameSources(rule.sources, f.sources) ? {} : { sources: f.sources }),
    }
  })
}

/** A shared (frozen) reason's key: 96 bits of its SHA-256. */
const reasonKey = (reason: Reason) => hash('sha256', `${reason.sv}\u0000${reason.en}`, 'base64url').slice(0, 16)

/** The findings as tuples; each shared (frozen) reason is added to `reasons` under its key. */
function encodeFindings(findings: readonly CompactFinding[], reasons: Map<string, Reason>): Tuple[] {
  return findings.map((f) => {
    let key: string | Reason = f.reason
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

/** Screenings move apart from the cases, stored compactly. Frozen: never change a migration that has run. */
export const screeningsApartMigration: Migration = {
  // Screenings move out of gs_cases into the narrow gs_screenings, stored compactly
  // against the rule catalogue of their ruleset version (gs_rulesets) and with their
  // reasons in gs_reasons. The catalogues of existing screenings are rebuilt from
  // the findings themselves; a finding that differs from its catalogue entry keeps
  // its own kind and sources.
  async up(db: AnyKysely) {
    await db.schema
      .createTable('gs_rulesets')
      .addColumn('version', 'text', (c) => c.primaryKey())
      .addColumn('catalogue', 'jsonb', (c) => c.notNull())
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute()
    await db.schema
      .createTable('gs_reasons')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('sv', 'text', (c) => c.notNull())
      .addColumn('en', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('gs_screenings')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('human_required', 'boolean', (c) => c.notNull())
      .addColumn('ruleset', 'text', (c) => c.notNull())
      .addColumn('screened_on', 'text', (c) => c.notNull())
      .addColumn('screened_at', 'timestamptz', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .execute()
    // Room on each page for the re-screen's new row version (a heap-only update).
    await sql`alter table gs_screenings set (fillfactor = 70)`.execute(db)
    const catalogues = new Map<string, Catalogue>()
    const reasons = new Map<string, Reason>()
    let after = ''
    for (;;) {
      const rows = await db
        .selectFrom('gs_cases')
        .select(['id', 'screening', 'updated_at'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute()
      if (rows.length === 0) break
      after = rows[rows.length - 1]!.id
      for (const r of rows) {
        const result = r.screening as OldScreening
        let catalogue = catalogues.get(result.ruleset.version)
        if (!catalogue) catalogues.set(result.ruleset.version, (catalogue = { version: result.ruleset.version, programmes: {} }))
        const rules = (catalogue.programmes[result.programme] ??= {})
        for (const f of result.findings) rules[f.ruleId] ??= { kind: f.kind, sources: f.sources }
        await db
          .insertInto('gs_screenings')
          .values({
            case_id: r.id,
            outcome: result.outcome,
            human_required: result.humanDecisionRequired,
            ruleset: result.ruleset.version,
            screened_on: result.ruleset.on,
            screened_at: r.updated_at,
            findings: JSON.stringify(encodeFindings(compactFindings(result, catalogue), reasons)),
          })
          .execute()
      }
    }
    for (const [key, r] of reasons)
      await db
        .insertInto('gs_reasons')
        .values({ key, sv: r.sv, en: r.en })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
    for (const c of catalogues.values())
      await db
        .insertInto('gs_rulesets')
        .values({ version: c.version, catalogue: sql`cast(${JSON.stringify(c)} as text)::jsonb` })
        .execute()
    await db.schema
      .alterTable('gs_cases')
      .dropColumn('screening')
      .dropColumn('outcome')
      .dropColumn('human_required')
      .dropColumn('ruleset')
      .execute()
    // The queue: a district's cases newest first, read in index order up to the page's end.
    await sql`create index gs_cases_queue_order on gs_cases (district, created_at desc, id)`.execute(db)
    await db.schema
      .alterTable('gs_rescreen_runs')
      .addColumn('districts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute()
  },
}
