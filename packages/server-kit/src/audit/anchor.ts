import { sql, type Kysely } from 'kysely'
import type { AnyKysely } from '../db-values.js'
import type { KitTables } from '../schema.js'
import { insertEvent, lockedHead, advanceCheckpoint } from './append.js'
import { ANCHOR_ACTION, fromRow, keyedHasher, legacyHasher } from './chain.js'
import type { AuditSeal } from './seal.js'

/**
 * Upgrades a chain written before the audit key (plain SHA-256 hashes) once, when the
 * database is opened with a key: appends a keyed `audit.anchor` event that records the
 * old head (seq and hash) and every tombstone that existed then, and checkpoints it.
 * From the anchor on every event is keyed; the events before it keep their hashes, and
 * the anchor's keyed hash covers their head, so changing them breaks the anchor.
 *
 * Nothing happens for an empty chain, a keyed chain, a chain already anchored, or when a
 * checkpoint exists already: a chain that was keyed before and now looks unkeyed was
 * rewritten, and verification reports it rather than this blessing it.
 */
export async function anchorAuditChain(kysely: AnyKysely, seal: AuditSeal, now: () => Date = () => new Date()): Promise<AuditAnchorResult> {
  // A database opened without the kit's tables (a test of something else) has no chain.
  const table = await sql<{ t: string | null }>`select to_regclass('vbe_audit_events')::text as t`.execute(kysely)
  if (!table.rows[0]?.t) return 'empty'
  const result = await (kysely as Kysely<KitTables>).transaction().execute(async (db): Promise<AuditAnchorResult> => {
    const at = now().toISOString()
    const head = await lockedHead(db, seal, at, { checkpoint: false })
    if (!head) return 'empty'
    const anchored = await db.selectFrom('vbe_audit_events').select('seq').where('action', '=', ANCHOR_ACTION).limit(1).executeTakeFirst()
    if (anchored) return 'keyed'
    const row = await db.selectFrom('vbe_audit_events').selectAll().where('seq', '=', head.seq).executeTakeFirstOrThrow()
    const last = fromRow(row)
    if (keyedHasher(seal.key).event(last) === last.hash) return 'keyed'
    if (legacyHasher.event(last) !== last.hash || seal.checkpoints.read() !== null) return 'refused'
    const tombstones = await db
      .selectFrom('vbe_audit_events')
      .select(['seq', 'erased_by'])
      .where('erased_by', 'is not', null)
      .orderBy('seq')
      .execute()
    await insertEvent(db, seal, head, 'system', at, {
      action: ANCHOR_ACTION,
      entityType: 'audit',
      entityId: 'chain',
      after: {
        previousHead: { seq: head.seq, hash: head.hash },
        tombstones: tombstones.map((t) => [Number(t.seq), Number(t.erased_by)]),
        keyId: seal.keyId,
      },
    })
    return 'anchored'
  })
  if (result === 'anchored') {
    const head = await kysely
      .selectFrom('vbe_audit_events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    await advanceCheckpoint(kysely, seal, { seq: Number(head.seq), hash: head.hash }, now().toISOString())
  }
  return result
}

/** What opening did to the chain: nothing to do (`empty`, `keyed`), `anchored` it, or `refused` (verification will say why). */
export type AuditAnchorResult = 'empty' | 'keyed' | 'anchored' | 'refused'
