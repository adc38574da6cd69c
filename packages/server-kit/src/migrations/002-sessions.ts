import { sql } from 'kysely'
import type { AnyKysely } from '../db.js'

/**
 * Sessions to ASVS L2, throttled logins and the security log (issue 16):
 * - sessions get a public id (to list and end them without showing the token's hash),
 *   the time they were last used (idle timeout), and where they came from;
 * - the per-attempt login table gives way to one counter row per key, updated by a
 *   single statement (atomic under parallel requests);
 * - users get a `demo` flag, so a production start can refuse demo users;
 * - security events (failed logins, refusals, person searches, audit reads) get a table.
 * Sessions made before this migration are ended: they have no idle time to check.
 */
export const sessionsMigration = {
  async up(db: AnyKysely) {
    await sql`delete from vbe_sessions`.execute(db)
    await db.schema
      .alterTable('vbe_sessions')
      .addColumn('public_id', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('user_agent', 'text')
      .execute()
    await db.schema.createIndex('vbe_sessions_public_id').on('vbe_sessions').column('public_id').unique().execute()
    await db.schema.dropTable('vbe_login_attempts').execute()
    await db.schema
      .createTable('vbe_login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'timestamptz', (c) => c.notNull())
      .addColumn('next_at', 'timestamptz', (c) => c.notNull())
      .execute()
    await db.schema
      .alterTable('vbe_users')
      .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute()
    await db.schema
      .createTable('vbe_security_log')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('district', 'text')
      .addColumn('address', 'text')
      .addColumn('method', 'text')
      .addColumn('path', 'text')
      .addColumn('detail', 'jsonb')
      .execute()
    await db.schema.createIndex('vbe_security_log_at').on('vbe_security_log').column('at').execute()
  },
}
