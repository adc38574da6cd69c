import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { Db, query } from '../services.js'
import { advanceCheckpoint, currentSeal } from './append.js'
import {
  ANCHOR_ACTION,
  ERASE_ACTION,
  fromRow,
  GENESIS_HASH,
  keyedHasher,
  legacyHasher,
  type AuditEvent,
  type ChainHasher,
} from './chain.js'
import { auditProblem, type AuditProblem, type AuditProblemFacts, type AuditVerification } from './problems.js'
import type { AuditReconciler } from './reconcile.js'
import { checkpointSigned, keyFor, type AuditSeal } from './seal.js'

export interface VerifyOptions {
  readonly batch?: number
  /** The apps' checks of their tables against the log. */
  readonly reconcilers?: readonly AuditReconciler[]
}

/** A verification, with the number of events checked per district (for `verificationFor`). */
export type FullVerification = AuditVerification & {
  readonly checkedBy: ReadonlyMap<string | null, number>
  /** The district of each problem's event or row; a problem not in it concerns the whole chain. */
  readonly districtOf: ReadonlyMap<AuditProblem, string | null>
}

const isTombstone = (v: unknown, by: number) =>
  v === null ||
  (typeof v === 'object' && v !== null && (v as { erased?: unknown }).erased === true && (v as { erasedBy?: unknown }).erasedBy === by)

const seqList = (v: unknown, field: string): number[] | null => {
  const list = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[field] : undefined
  return Array.isArray(list) ? list.filter((n): n is number => typeof n === 'number') : null
}

/**
 * The hasher for an event: plain SHA-256 before the anchor of an old chain; else HMAC
 * under the key the event names (current or retired), or, for an event from before key
 * ids, under whichever key the seal holds that verifies it; `null` when the event names
 * a key the seal does not hold.
 */
function hasherFor(seal: AuditSeal, anchorSeq: number | null) {
  const byKey = new Map<string, ChainHasher>()
  const keyed = (id: string, key: Buffer) => byKey.get(id) ?? byKey.set(id, keyedHasher(key)).get(id)!
  const all = () => [keyed(seal.keyId, seal.key), ...[...seal.retired].map(([id, k]) => keyed(id, k))]
  return (e: AuditEvent): ChainHasher | null => {
    if (anchorSeq !== null && e.seq < anchorSeq) return legacyHasher
    if (e.keyId === null) {
      const keys = all()
      return keys.find((h) => h.event(e) === e.hash) ?? keys.find((h) => h.payload(e.before, e.after) === e.payloadHash) ?? keys[0]!
    }
    const key = keyFor(seal, e.keyId)
    return key ? keyed(e.keyId, key) : null
  }
}

/**
 * Walks the whole chain in order under the audit keys and reports every event that was
 * altered (even if re-hashed forward), inserted out of order or removed; every event
 * signed with a key the seal does not hold; every tombstone that its erasure event does
 * not list; removal of the newest events, against the signed checkpoint kept outside the
 * database; and, with `reconcilers`, the apps' rows that lack their events and the
 * events whose rows are gone. A clean chain moves the checkpoint to its head.
 */
export function verifyAudit(options: VerifyOptions = {}): Effect.Effect<FullVerification, DatabaseError, Db> {
  const batch = options.batch ?? 2000
  return Effect.flatMap(currentSeal, (seal) =>
    query('audit.verify', async (db: Kysely<KitTables>) => {
      const anchor = await db
        .selectFrom('vbe_audit_events')
        .select('seq')
        .where('action', '=', ANCHOR_ACTION)
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst()
      const anchorSeq = anchor ? Number(anchor.seq) : null
      const hasherOf = hasherFor(seal, anchorSeq)
      let unknownKey: { keyId: string; from: number; to: number } | null = null
      const flushUnknown = () => {
        if (unknownKey) add({ seq: unknownKey.from, code: 'key_unknown', ...unknownKey })
        unknownKey = null
      }
      const checkpoint = seal.checkpoints.read()
      const problems: AuditProblem[] = []
      const districtOf = new Map<AuditProblem, string | null>()
      const add = (facts: AuditProblemFacts, district?: string | null) => {
        const p = auditProblem(facts)
        problems.push(p)
        if (district !== undefined) districtOf.set(p, district)
      }
      const tombstones: Array<{ seq: number; by: number; district: string | null }> = []
      const erasedBy = new Map<number, number>()
      const erasures = new Map<number, { listed: Set<number> | null; district: string | null }>()
      let anchored: Set<string> | null = null
      const checkedBy = new Map<string | null, number>()
      let expectedSeq = 1
      let prevHash = GENESIS_HASH
      let checked = 0
      let head: AuditVerification['head'] = null
      let hashAtCheckpoint: string | null = null
      let after = 0
      for (;;) {
        const rows = await db.selectFrom('vbe_audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute()
        if (rows.length === 0) break
        for (const row of rows) {
          const e = fromRow(row)
          const hasher = hasherOf(e)
          if (!hasher && e.keyId !== null) {
            // Consecutive events under one unknown key are one problem.
            if (unknownKey && unknownKey.keyId === e.keyId && unknownKey.to === e.seq - 1) unknownKey.to = e.seq
            else {
              flushUnknown()
              unknownKey = { keyId: e.keyId, from: e.seq, to: e.seq }
            }
          }
          const at = (p: Omit<AuditProblemFacts, 'seq'>) => add({ ...p, seq: e.seq }, e.district)
          checked++
          checkedBy.set(e.district, (checkedBy.get(e.district) ?? 0) + 1)
          if (e.seq > expectedSeq) add({ seq: e.seq, code: 'missing', from: expectedSeq, to: e.seq - 1 })
          else if (e.seq < expectedSeq) at({ code: 'out_of_order' })
          if (e.prevHash !== prevHash) at({ code: 'prev_hash' })
          if (e.erasedBy === null) {
            if (hasher && hasher.payload(e.before, e.after) !== e.payloadHash) at({ code: 'payload_altered' })
          } else {
            tombstones.push({ seq: e.seq, by: e.erasedBy, district: e.district })
            erasedBy.set(e.seq, e.erasedBy)
            if (!isTombstone(e.before, e.erasedBy) || !isTombstone(e.after, e.erasedBy)) at({ code: 'not_tombstone' })
          }
          if (e.action === ERASE_ACTION) erasures.set(e.seq, { listed: asSet(seqList(e.after, 'tombstoned')), district: e.district })
          if (e.seq === anchorSeq) anchored = new Set((seqPairs(e.after) ?? []).map(([s, b]) => `${s}:${b}`))
          if (hasher && hasher.event(e) !== e.hash) at({ code: 'event_altered' })
          if (checkpoint && e.seq === checkpoint.seq) hashAtCheckpoint = e.hash
          prevHash = e.hash
          expectedSeq = e.seq + 1
          head = { seq: e.seq, hash: e.hash }
        }
        after = Number(rows[rows.length - 1]!.seq)
      }
      flushUnknown()
      for (const t of tombstones) {
        const erasure = erasures.get(t.by)
        if (!erasure || t.by <= t.seq) add({ seq: t.seq, by: t.by, code: 'orphan_tombstone' }, t.district)
        else if (erasure.listed ? !erasure.listed.has(t.seq) : anchored !== null && !anchored.has(`${t.seq}:${t.by}`))
          add({ seq: t.seq, by: t.by, code: 'tombstone_not_listed' }, t.district)
      }
      for (const [seq, erasure] of erasures)
        for (const listed of erasure.listed ?? [])
          if (erasedBy.get(listed) !== seq) add({ seq: listed, code: 'erasure_incomplete', by: seq }, erasure.district)
      if (checkpoint) {
        const signed = checkpointSigned(seal, checkpoint)
        if (signed === 'unknown key') add({ seq: null, code: 'checkpoint_key_unknown', keyId: checkpoint.keyId ?? '' })
        else if (!signed) add({ seq: null, code: 'checkpoint_forged' })
        else if (!head || head.seq < checkpoint.seq)
          add({ seq: checkpoint.seq, code: 'truncated', from: (head?.seq ?? 0) + 1, to: checkpoint.seq })
        else if (hashAtCheckpoint !== checkpoint.hash) add({ seq: checkpoint.seq, code: 'checkpoint_mismatch' })
      }
      for (const reconciler of options.reconcilers ?? [])
        for (const u of await reconciler.find(db))
          add({ seq: u.seq ?? null, code: u.missing === 'record' ? 'record_missing' : 'unreconciled', subject: u.subject }, u.district)
      problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER))
      if (problems.length === 0 && head) await advanceCheckpoint(db, seal, head, new Date().toISOString())
      return { ok: problems.length === 0, checked, head, problems, checkedBy, districtOf }
    }),
  )
}

const asSet = (list: number[] | null) => (list ? new Set(list) : null)

function seqPairs(v: unknown): Array<[number, number]> | null {
  const list = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['tombstones'] : undefined
  if (!Array.isArray(list)) return null
  return list.filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
}
