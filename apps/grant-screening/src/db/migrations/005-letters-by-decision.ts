import { sql, type Migration } from 'kysely'
import type { AnyKysely } from '@vbe/server-kit'

/**
 * Frozen letters are named by their decision's id, not by the moment it was decided:
 * two decisions of a case made at the same instant (a correction in the same second as
 * the decision it corrects) no longer share one letter. Frozen: never change a migration that has run.
 *
 * Existing letters get the id of the decision (current or replaced) of their case decided at
 * their `decided_at`. Where two decisions share that moment the letter was frozen for the
 * older one (the newer found it "already frozen"), so it goes to the one replaced first.
 * A letter no decision matches keeps a null id and stays in the table as it was.
 */
export const lettersByDecisionMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema.alterTable('gs_letters').addColumn('decision_id', 'text').execute()
    await sql`
      update gs_letters l set decision_id = m.id
      from (
        select distinct on (case_id, decided_at) case_id, decided_at, id
        from (
          select case_id, decided_at, id, superseded_at as replaced_at from gs_decision_history
          union all
          select case_id, decided_at, id, null::timestamptz as replaced_at from gs_decisions
        ) d
        order by case_id, decided_at, replaced_at asc nulls last
      ) m
      where m.case_id = l.case_id and m.decided_at = l.decided_at`.execute(db)
    await sql`alter table gs_letters drop constraint gs_letters_pk`.execute(db)
    await db.schema.createIndex('gs_letters_decision').on('gs_letters').column('decision_id').unique().execute()
    await db.schema.createIndex('gs_letters_case').on('gs_letters').columns(['case_id', 'decided_at']).execute()
  },
}
