import { hash } from 'node:crypto'
import type { KitTables } from '../schema.js'
import { canonicalJson } from './canonical.js'
import { hmacHex } from './seal.js'

/**
 * The audit chain's events and their hashes. Every event carries the hash of the event
 * before it. Since the keyed upgrade, both hashes of an event are HMAC-SHA256 under the
 * audit key (which lives outside the database), so someone who can write to the
 * database cannot re-hash an edited event forward; a chain from before the upgrade
 * keeps its plain SHA-256 hashes up to its anchor event (see `ANCHOR_ACTION`).
 */

export interface AuditInput {
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  readonly district?: string | null
  /** The ruleset version a decision or screening was made under. */
  readonly ruleset?: string | null
  readonly before?: unknown
  readonly after?: unknown
}

export interface AuditEvent {
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  readonly district: string | null
  readonly ruleset: string | null
  readonly before: unknown
  readonly after: unknown
  readonly payloadHash: string
  readonly prevHash: string
  readonly hash: string
  readonly erasedBy: number | null
  /** The id of the key that signed the event; `null` on events written before key ids (005-audit-keys). */
  readonly keyId: string | null
}

export const GENESIS_HASH = '0'.repeat(64)
/** A GDPR erasure: its payload lists the events it tombstoned (`tombstoned: seq[]`). */
export const ERASE_ACTION = 'gdpr.erase'
/**
 * The first keyed event of a chain that began unkeyed: it records the old head and the
 * tombstones that existed then. Events before it keep their plain SHA-256 hashes.
 */
export const ANCHOR_ACTION = 'audit.anchor'

export type HashedFields = Omit<AuditEvent, 'hash' | 'before' | 'after' | 'erasedBy' | 'keyId'>

/** The text an event's hash covers: its fields with the keys in sorted order, every value a string, number or null. */
function eventText(e: HashedFields): string {
  const q = JSON.stringify
  return `{"action":${q(e.action)},"actor":${q(e.actor)},"at":${q(e.at)},"district":${q(e.district)},"entityId":${q(e.entityId)},"entityType":${q(e.entityType)},"payloadHash":${q(e.payloadHash)},"prevHash":${q(e.prevHash)},"ruleset":${q(e.ruleset)},"seq":${q(e.seq)}}`
}
const payloadText = (before: unknown, after: unknown) => canonicalJson({ before: before ?? null, after: after ?? null })
const sha256 = (text: string) => hash('sha256', text, 'hex')

/** How one event's hashes are made: keyed (HMAC) or, before the anchor of an old chain, plain SHA-256. */
export interface ChainHasher {
  readonly payload: (before: unknown, after: unknown) => string
  readonly event: (e: HashedFields) => string
}

export const keyedHasher = (key: Buffer): ChainHasher => ({
  payload: (before, after) => hmacHex(key, `vbe-audit-payload\n${payloadText(before, after)}`),
  event: (e) => hmacHex(key, `vbe-audit-event\n${eventText(e)}`),
})

/** The unkeyed hashes of a chain written before the keyed upgrade (anyone can recompute them). */
export const legacyHasher: ChainHasher = {
  payload: (before, after) => sha256(payloadText(before, after)),
  event: (e) => sha256(eventText(e)),
}

type Row = KitTables['vbe_audit_events']
export const fromRow = (r: Row): AuditEvent => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  district: r.district,
  ruleset: r.ruleset,
  before: r.before ?? null,
  after: r.after ?? null,
  payloadHash: r.payload_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
  erasedBy: r.erased_by === null ? null : Number(r.erased_by),
  keyId: r.key_id ?? null,
})
