import type { Migration } from 'kysely'
import type { AnyKysely } from '../db.js'

/**
 * The keyed audit chain (frozen: imports no live code). The migration itself only adds
 * an index on the action, which verification uses to find the anchor and the erasures
 * and the apps' reconcilers to find their events. An existing chain, hashed with plain
 * SHA-256, is upgraded when the database is next opened with an audit key
 * (`anchorAuditChain`): a keyed `audit.anchor` event records the old head's seq and hash
 * and the tombstones that existed then; every event after it is keyed. A migration has
 * no key, so it cannot write that event itself.
 */
export const auditMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema.createIndex('vbe_audit_action').on('vbe_audit_events').columns(['action', 'seq']).execute()
  },
}
