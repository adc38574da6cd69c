import { sql, type Kysely } from 'kysely'
import type { KitTables, MigrationSet } from '@vbe/server-kit'

/** The plan editor's tables, beside server-kit's users, sessions and audit log. */
export interface PlanTables {
  pe_plans: {
    id: string
    district: string
    year: number
    status: string
    /** The plan document (planSchema), with `status` kept equal to the column. */
    document: unknown
    /** Starts at 1 and goes up by one on every write; the ETag. */
    version: number
    /** The plan this one is the yearly revision of. */
    revision_of: string | null
    created_at: Date | string
    updated_at: Date | string
    updated_by: string
  }
  pe_plan_versions: {
    plan_id: string
    version: number
    status: string
    document: unknown
    /** What made this version: create, revise-yearly, save, follow-up, follow-up-removed, submit, adopt, return, revise. */
    action: string
    /** For workflow steps: the committee decision reference and comment. */
    meta: unknown
    saved_by: string
    saved_at: Date | string
  }
}

export type Tables = KitTables & PlanTables

export const planMigrations: MigrationSet = {
  name: 'plans',
  migrations: {
    '001-plans': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('pe_plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('district', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('document', 'jsonb', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('revision_of', 'text', (c) => c.references('pe_plans.id'))
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addUniqueConstraint('pe_plans_district_year', ['district', 'year'])
          .execute()
        await db.schema
          .createTable('pe_plan_versions')
          .addColumn('plan_id', 'text', (c) => c.notNull().references('pe_plans.id').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('document', 'jsonb', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('meta', 'jsonb')
          .addColumn('saved_by', 'text', (c) => c.notNull())
          .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
          .addPrimaryKeyConstraint('pe_plan_versions_pk', ['plan_id', 'version'])
          .execute()
      },
    },
  },
}
