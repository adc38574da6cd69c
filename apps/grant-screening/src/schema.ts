import { sql, type Kysely } from 'kysely'
import { storeScreening, type RuleCatalogue, type ScreeningResult } from '@vbe/core/grants'
import type { LocalizedText } from '@vbe/core'
import type { KitTables, MigrationSet } from '@vbe/server-kit'
import { encodeFindings } from './screenings.js'

import type { CaseStatus } from '@vbe/core/grants'

// The lifecycle (its statuses and who may move a case between them) is core's.
export { CASE_STATUSES, type CaseStatus } from '@vbe/core/grants'
export const DECISION_KINDS = ['approve', 'deny', 'partial'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]
export const PERSON_ROLES = ['contact', 'chair', 'treasurer', 'board-member'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export interface GrantTables {
  gs_cases: {
    id: string
    application_ref: string
    district: string
    programme: string
    association_name: string
    organisation_number: string
    amount_requested: number
    application: unknown
    status: CaseStatus
    report_due: string | null
    report_received_on: string | null
    created_by: string
    created_at: Date
    updated_at: Date
    version: number
  }
  /**
   * Each case's current screening, apart from the case so that re-screening rewrites
   * only this narrow row. `findings` is the JSON text of `FindingTuple[]`
   * (screenings.ts): the findings without their rules' kind and sources, which
   * `gs_rulesets` holds once per ruleset version, and with reasons as keys into
   * `gs_reasons`. It is never queried inside, so it is text, not jsonb.
   */
  gs_screenings: {
    case_id: string
    outcome: string
    human_required: boolean
    ruleset: string
    screened_on: string
    screened_at: Date
    findings: string
  }
  /** The rule catalogue (`RuleCatalogue`) of every ruleset version a screening was stored under. */
  gs_rulesets: { version: string; catalogue: unknown; recorded_at: Date }
  /** The reasons findings give, in both languages, under a key derived from the text (`reasonKey`). */
  gs_reasons: { key: string; sv: string; en: string }
  gs_persons: {
    id: string
    case_id: string
    role: PersonRole
    name: string
    email: string | null
    phone: string | null
    erased_at: Date | null
  }
  gs_notes: { id: string; case_id: string; author: string; text: string; at: Date }
  gs_conflicts: { case_id: string; user_id: string; username: string; conflict: boolean; comment: string | null; at: Date }
  gs_decisions: {
    case_id: string
    kind: DecisionKind
    amount: number | null
    reasons: string
    letter_locale: 'sv' | 'en'
    decided_by: string
    decided_at: Date
    requires_second: boolean
    approved_by: string | null
    approved_at: Date | null
  }
  gs_reclaims: { case_id: string; amount: number; reasons: string; decided_by: string; decided_at: Date }
  gs_rescreen_runs: { id: string; at: Date; actor: string; checked: number; changed: number; flips: unknown; districts: unknown }
}

export type Tables = GrantTables & KitTables
export type Db = Kysely<Tables>

export const grantMigrations: MigrationSet = {
  name: 'grants',
  migrations: {
    '001-cases': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('gs_cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('application_ref', 'text', (c) => c.notNull())
          .addColumn('district', 'text', (c) => c.notNull())
          .addColumn('programme', 'text', (c) => c.notNull())
          .addColumn('association_name', 'text', (c) => c.notNull())
          .addColumn('organisation_number', 'text', (c) => c.notNull())
          .addColumn('amount_requested', 'integer', (c) => c.notNull())
          .addColumn('application', 'jsonb', (c) => c.notNull())
          .addColumn('screening', 'jsonb', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('human_required', 'boolean', (c) => c.notNull())
          .addColumn('ruleset', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('report_due', 'text')
          .addColumn('report_received_on', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull())
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .addUniqueConstraint('gs_cases_programme_ref', ['programme', 'application_ref'])
          .execute()
        await db.schema.createIndex('gs_cases_queue').on('gs_cases').columns(['district', 'status', 'created_at']).execute()
        await db.schema
          .createTable('gs_persons')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text')
          .addColumn('phone', 'text')
          .addColumn('erased_at', 'timestamptz')
          .execute()
        await db.schema.createIndex('gs_persons_case').on('gs_persons').column('case_id').execute()
        await db.schema
          .createTable('gs_notes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('gs_conflicts')
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('conflict', 'boolean', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('at', 'timestamptz', (c) => c.notNull())
          .addPrimaryKeyConstraint('gs_conflicts_pk', ['case_id', 'user_id'])
          .execute()
        await db.schema
          .createTable('gs_decisions')
          .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('amount', 'integer')
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('letter_locale', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
          .addColumn('requires_second', 'boolean', (c) => c.notNull())
          .addColumn('approved_by', 'text')
          .addColumn('approved_at', 'timestamptz')
          .execute()
        await db.schema
          .createTable('gs_reclaims')
          .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
          .addColumn('amount', 'integer', (c) => c.notNull())
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('gs_rescreen_runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('checked', 'integer', (c) => c.notNull())
          .addColumn('changed', 'integer', (c) => c.notNull())
          .addColumn('flips', 'jsonb', (c) => c.notNull())
          .execute()
      },
    },
    '002-screenings-apart': {
      // Screenings move out of gs_cases into the narrow gs_screenings, stored compactly
      // against the rule catalogue of their ruleset version (gs_rulesets) and with their
      // reasons in gs_reasons. The catalogues of existing screenings are rebuilt from
      // the findings themselves; a finding that differs from its catalogue entry keeps
      // its own kind and sources.
      async up(db: Kysely<any>) {
        await db.schema.createTable('gs_rulesets').addColumn('version', 'text', (c) => c.primaryKey()).addColumn('catalogue', 'jsonb', (c) => c.notNull()).addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)).execute()
        await db.schema.createTable('gs_reasons').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('sv', 'text', (c) => c.notNull()).addColumn('en', 'text', (c) => c.notNull()).execute()
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
        const catalogues = new Map<string, { version: string; programmes: Record<string, Record<string, { kind: never; sources: never[] }>> }>()
        const reasons = new Map<string, LocalizedText>()
        let after = ''
        for (;;) {
          const rows = await db.selectFrom('gs_cases').select(['id', 'screening', 'updated_at']).where('id', '>', after).orderBy('id').limit(1000).execute()
          if (rows.length === 0) break
          after = rows[rows.length - 1]!.id
          for (const r of rows) {
            const result = r.screening as ScreeningResult
            let catalogue = catalogues.get(result.ruleset.version)
            if (!catalogue) catalogues.set(result.ruleset.version, (catalogue = { version: result.ruleset.version, programmes: {} }))
            const rules = (catalogue.programmes[result.programme] ??= {})
            for (const f of result.findings) rules[f.ruleId] ??= { kind: f.kind as never, sources: f.sources as never[] }
            const stored = storeScreening(result, catalogue as RuleCatalogue)
            await db
              .insertInto('gs_screenings')
              .values({ case_id: r.id, outcome: result.outcome, human_required: result.humanDecisionRequired, ruleset: result.ruleset.version, screened_on: result.ruleset.on, screened_at: r.updated_at, findings: JSON.stringify(encodeFindings(stored.findings, reasons)) })
              .execute()
          }
        }
        for (const [key, r] of reasons) await db.insertInto('gs_reasons').values({ key, sv: r.sv, en: r.en }).onConflict((oc) => oc.column('key').doNothing()).execute()
        for (const c of catalogues.values()) await db.insertInto('gs_rulesets').values({ version: c.version, catalogue: sql`cast(${JSON.stringify(c)} as text)::jsonb` }).execute()
        await db.schema.alterTable('gs_cases').dropColumn('screening').dropColumn('outcome').dropColumn('human_required').dropColumn('ruleset').execute()
        // The queue: a district's cases newest first, read in index order up to the page's end.
        await sql`create index gs_cases_queue_order on gs_cases (district, created_at desc, id)`.execute(db)
        await db.schema.alterTable('gs_rescreen_runs').addColumn('districts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute()
      },
    },
  },
}
