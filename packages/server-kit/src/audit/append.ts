import { Effect } from 'effect'
import { sql, type Kysely } from 'kysely'
import type { DatabaseError } from '../errors.js'
import { insertFromJson, jsonb, type AnyKysely, type BulkColumn } from '../db-values.js'
import type { KitTables } from '../schema.js'
import { Clock, CurrentUser, Db, query, transaction } from '../services.js'
import { GENESIS_HASH, keyedHasher, type AuditEvent, type AuditInput } from './chain.js'
import { noteAppended } from './followers.js'
import { checkpointSigned, signCheckpoint, type AuditSeal } from './seal.js'

const AUDIT_COLUMNS: readonly BulkColumn[] = [
  ['seq', 'integer'],
  ['at', 'text'],
  ['actor', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['district', 'text'],
  ['ruleset', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['payload_hash', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
  ['key_id', 'text'],
]
/** Any lock id will do, as long as every writer uses the same one. */
export const AUDIT_LOCK = 7_262_001

/** The audit seal of the database in use; a Db without one is a wiring mistake, not a user's. */
export const currentSeal: Effect.Effect<AuditSeal, never, Db> = Effect.flatMap(Db, ({ audit }) =>
  audit ? Effect.succeed(audit) : Effect.dieMessage('The Db service has no audit seal: provide the Database (with its `audit`) as Db.'),
)

interface Head {
  readonly seq: number
  readonly hash: string
  /** Written by this transaction (not yet committed), so not to be checkpointed yet. */
  readonly mine: boolean
}

/**
 * Takes the audit lock and reads the chain head; with `checkpoint`, checkpoints the head
 * if another transaction committed it. Appends do not checkpoint inside their own
 * transaction (it may yet roll back): the follower (`follow.ts`) does, after they commit.
 */
export async function lockedHead(
  db: AnyKysely,
  seal: AuditSeal,
  at: string,
  options: { checkpoint: boolean } = { checkpoint: false },
): Promise<Head | null> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db)
  const r = await sql<{ seq: number; hash: string; mine: boolean }>`
    select seq, hash, (xmin::text = mod(txid_current(), 4294967296)::text) as mine
    from vbe_audit_events order by seq desc limit 1`.execute(db)
  const row = r.rows[0]
  if (!row) return null
  const head = { seq: Number(row.seq), hash: row.hash, mine: row.mine === true }
  if (!head.mine && options.checkpoint) await advanceCheckpoint(db, seal, head, at)
  return head
}

/**
 * Writes a signed checkpoint of `head` when it is newer than the stored one, and only
 * while the stored one still matches the chain: a checkpoint that no longer does is
 * evidence, kept for verification to report.
 */
export async function advanceCheckpoint(db: AnyKysely, seal: AuditSeal, head: { seq: number; hash: string }, at: string): Promise<void> {
  const stored = seal.checkpoints.read()
  if (stored && stored.seq >= head.seq) return
  if (stored) {
    if (checkpointSigned(seal, stored) !== true) return
    const then = await db.selectFrom('vbe_audit_events').select('hash').where('seq', '=', stored.seq).executeTakeFirst()
    if (!then || then.hash !== stored.hash) return
  }
  seal.checkpoints.write(signCheckpoint(seal, { seq: head.seq, hash: head.hash, at }))
}

/** Appends one event by `actor`, in the surrounding transaction (or its own). */
export function appendAuditAs(actor: string, input: AuditInput): Effect.Effect<AuditEvent, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const clock = yield* Clock
      const seal = yield* currentSeal
      return yield* query('audit.append', async (db: Kysely<KitTables>) => {
        const at = clock.now().toISOString()
        const last = await lockedHead(db, seal, at)
        return insertEvent(db, seal, last, actor, at, input)
      })
    }),
  )
}

/** Inserts the event after `last` (the caller holds the audit lock). */
export async function insertEvent(
  db: AnyKysely,
  seal: AuditSeal,
  last: { seq: number; hash: string } | null,
  actor: string,
  at: string,
  input: AuditInput,
): Promise<AuditEvent> {
  const hasher = keyedHasher(seal.key)
  const before = input.before ?? null
  const after = input.after ?? null
  const base = {
    seq: last ? last.seq + 1 : 1,
    at,
    actor,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    district: input.district ?? null,
    ruleset: input.ruleset ?? null,
    payloadHash: hasher.payload(before, after),
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  const hash = hasher.event(base)
  await db
    .insertInto('vbe_audit_events')
    .values({
      seq: base.seq,
      at: base.at,
      actor,
      action: base.action,
      entity_type: base.entityType,
      entity_id: base.entityId,
      district: base.district,
      ruleset: base.ruleset,
      before: jsonb(before),
      after: jsonb(after),
      payload_hash: base.payloadHash,
      prev_hash: base.prevHash,
      hash,
      erased_by: null,
      key_id: seal.keyId,
    })
    .execute()
  noteAppended(seal)
  return { ...base, before, after, hash, erasedBy: null, keyId: seal.keyId }
}

/**
 * Appends many events by `actor` in one go (one lock, one bulk insert): for batch work
 * such as re-screening, where each changed case still gets its own event.
 */
export function appendAuditBatchAs(actor: string, inputs: readonly AuditInput[]): Effect.Effect<number, DatabaseError, Db | Clock> {
  if (inputs.length === 0) return Effect.succeed(0)
  return transaction(
    Effect.gen(function* () {
      const at = (yield* Clock).now().toISOString()
      const seal = yield* currentSeal
      const { bulkInsert = insertFromJson } = yield* Db
      const hasher = keyedHasher(seal.key)
      return yield* query('audit.appendBatch', async (db: Kysely<KitTables>) => {
        const last = await lockedHead(db, seal, at)
        let seq = last ? last.seq : 0
        let prevHash = last?.hash ?? GENESIS_HASH
        const rows = inputs.map((input) => {
          const before = input.before ?? null
          const after = input.after ?? null
          const base = {
            seq: ++seq,
            at,
            actor,
            action: input.action,
            entityType: input.entityType,
            entityId: input.entityId,
            district: input.district ?? null,
            ruleset: input.ruleset ?? null,
            payloadHash: hasher.payload(before, after),
            prevHash,
          }
          prevHash = hasher.event(base)
          return [
            base.seq,
            at,
            actor,
            base.action,
            base.entityType,
            base.entityId,
            base.district,
            base.ruleset,
            before,
            after,
            base.payloadHash,
            base.prevHash,
            prevHash,
            seal.keyId,
          ]
        })
        await bulkInsert(db, 'vbe_audit_events', AUDIT_COLUMNS, rows)
        noteAppended(seal)
        return rows.length
      })
    }),
  )
}

/** Appends one event by the logged-in user. */
export function appendAudit(input: AuditInput): Effect.Effect<AuditEvent, DatabaseError, Db | Clock | CurrentUser> {
  return Effect.flatMap(CurrentUser, (user) => appendAuditAs(user.username, input))
}
