import { sql, type Migration } from 'kysely'
import type { AnyKysely } from '@vbe/server-kit'

/** The plans and their versions. Frozen: never change a migration that has run. */
export const plansMigration: Migration = {
  async up(db: AnyKysely) {
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
}
