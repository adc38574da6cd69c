import { sql, type Migration } from 'kysely'
import type { AnyKysely } from '@vbe/server-kit'

/**
 * Guarded decisions, kommunicering, evidence assessment, correction and reconsideration.
 * Frozen: never change a migration that has run.
 *
 * - `gs_decisions` (still each case's current decision) gets an id, its basis (original,
 *   correction, reconsideration), the decision it replaces (`refers_to`), the override
 *   reason per rule, the rules it cites and the evidence that carries a democracy
 *   finding into it.
 * - `gs_decision_history` keeps every decision a correction or reconsideration replaced.
 * - `gs_communications`: the material sent to the applicant before an adverse decision,
 *   its deadline and the reply.
 * - `gs_evidence_assessments`: each evidence item as an officer marked it.
 * - `gs_reclaims` names the decision it reclaims and the language of its letter.
 */
export const decisionsMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema
      .alterTable('gs_decisions')
      .addColumn('id', 'text')
      .addColumn('basis', 'text', (c) => c.notNull().defaultTo('original'))
      .addColumn('refers_to', 'text')
      .addColumn('overrides', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('cited_rules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('carried_evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute()
    await sql`update gs_decisions set id = gen_random_uuid()::text`.execute(db)
    await sql`alter table gs_decisions alter column id set not null`.execute(db)
    await db.schema.createIndex('gs_decisions_id').on('gs_decisions').column('id').unique().execute()

    await db.schema
      .createTable('gs_decision_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('refers_to', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount', 'integer')
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('letter_locale', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
      .addColumn('requires_second', 'boolean', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'timestamptz')
      .addColumn('overrides', 'jsonb', (c) => c.notNull())
      .addColumn('cited_rules', 'jsonb', (c) => c.notNull())
      .addColumn('carried_evidence', 'jsonb', (c) => c.notNull())
      .addColumn('superseded_by', 'text', (c) => c.notNull())
      .addColumn('superseded_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('gs_decision_history_case').on('gs_decision_history').columns(['case_id', 'decided_at']).execute()

    await db.schema
      .createTable('gs_communications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
      .addColumn('proposed_kind', 'text', (c) => c.notNull())
      .addColumn('proposed_amount', 'integer')
      .addColumn('material', 'text', (c) => c.notNull())
      .addColumn('cited_rules', 'jsonb', (c) => c.notNull())
      .addColumn('letter_locale', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('sent_by', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
      .addColumn('reply', 'text')
      .addColumn('replied_on', 'text')
      .addColumn('reply_recorded_by', 'text')
      .addColumn('reply_recorded_at', 'timestamptz')
      .execute()
    await db.schema.createIndex('gs_communications_case').on('gs_communications').columns(['case_id', 'sent_at']).execute()

    await db.schema
      .createTable('gs_evidence_assessments')
      .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
      .addColumn('evidence_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('assessed_by', 'text', (c) => c.notNull())
      .addColumn('assessed_by_name', 'text', (c) => c.notNull())
      .addColumn('assessed_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('gs_evidence_assessments_pk', ['case_id', 'evidence_id'])
      .execute()

    await db.schema
      .alterTable('gs_reclaims')
      .addColumn('decision_id', 'text')
      .addColumn('letter_locale', 'text', (c) => c.notNull().defaultTo('sv'))
      .execute()
    await sql`update gs_reclaims r set decision_id = d.id from gs_decisions d where d.case_id = r.case_id`.execute(db)
  },
}
