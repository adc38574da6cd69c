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
  if (result !== 'empty') await adoptKeyIds(kysely as Kysely<KitTables>, seal)
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

/**
 * Gives the keyed events written before key ids (005-audit-keys) the id of the key that
 * verifies them (the current one, or a retired one): from then on a retired key that is
 * removed is reported by id, with the events it signed. An event no key verifies keeps
 * `null`; verification reports it as altered. Events before an anchor need no key.
 */
async function adoptKeyIds(db: Kysely<KitTables>, seal: AuditSeal): Promise<void> {
  const hasKeyIds = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns where table_name = 'vbe_audit_events' and column_name = 'key_id'`.execute(db)
  if (!hasKeyIds.rows[0]?.n) return
  const anchor = await db.selectFrom('vbe_audit_events').select('seq').where('action', '=', ANCHOR_ACTION).limit(1).executeTakeFirst()
  const keys = [[seal.keyId, seal.key] as const, ...seal.retired].map(([id, key]) => ({ id, hasher: keyedHasher(key) }))
  let after = anchor ? Number(anchor.seq) - 1 : 0
  for (;;) {
    const rows = await db
      .selectFrom('vbe_audit_events')
      .selectAll()
      .where('key_id', 'is', null)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(2000)
      .execute()
    if (rows.length === 0) return
    const byKey = new Map<string, number[]>()
    for (const row of rows) {
      const e = fromRow(row)
      const id = keys.find((k) => k.hasher.event(e) === e.hash)?.id
      if (id) byKey.set(id, [...(byKey.get(id) ?? []), e.seq])
    }
    for (const [id, seqs] of byKey) await db.updateTable('vbe_audit_events').set({ key_id: id }).where('seq', 'in', seqs).execute()
    after = Number(rows[rows.length - 1]!.seq)
  }
}

/** What opening did to the chain: nothing to do (`empty`, `keyed`), `anchored` it, or `refused` (verification will say why). */
export type AuditAnchorResult = 'empty' | 'keyed' | 'anchored' | 'refused'
