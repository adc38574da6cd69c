import type { Migration } from 'kysely'
import type { AnyKysely } from '@vbe/server-kit'

/** Case numbers (diarienummer), staff titles and frozen decision letters. Frozen: never change a migration that has run. */
export const lettersMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema
      .createTable('gs_case_number_series')
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('gs_case_number_series_pk', ['prefix', 'year'])
      .execute()
    await db.schema
      .createTable('gs_case_numbers')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
      .addColumn('case_number', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('gs_case_numbers_series', ['prefix', 'year', 'number'])
      .execute()
    await db.schema
      .createTable('gs_staff_titles')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('title_sv', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema
      .createTable('gs_letters')
      .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
      .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
      .addColumn('case_number', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('frozen_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('gs_letters_pk', ['case_id', 'decided_at'])
      .execute()
  },
}
