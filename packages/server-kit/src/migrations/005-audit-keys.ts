import type { Migration } from 'kysely'
import type { AnyKysely } from '../db.js'

/**
 * Audit key rotation (frozen: imports no live code): each event records the id of the
 * key that signed it (`key_id`, a fingerprint of the key, never the key). Events written
 * before this migration keep `null`: the unkeyed ones before an anchor need no key, and
 * the keyed ones are given the id of the key that verifies them when the database is
 * next opened with it (`adoptKeyIds`). No hash covers the column: a forged key id
 * names a key that does not verify the event, which verification reports.
 */
export const auditKeysMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema.alterTable('vbe_audit_events').addColumn('key_id', 'text').execute()
  },
}
