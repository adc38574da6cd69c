import { hash } from 'node:crypto'
import { Effect } from 'effect'
import { sql, type Kysely } from 'kysely'
import type { Locale, LocalizedText } from '@vbe/core'
import type { DatabaseError } from './errors.js'
import { insertFromJson, jsonb, type BulkColumn } from './db.js'
import type { KitTables } from './schema.js'
import { Clock, CurrentUser, Db, query, transaction } from './services.js'

/**
 * The audit log: every state change (and every read of personal data) is appended as
 * an event that carries the hash of the event before it, so the log forms a chain and
 * `verifyAudit` detects an altered, inserted or removed event. Erasure (GDPR) replaces
 * an event's payload with a tombstone but keeps its payload hash, so the chain still
 * verifies, and the tombstone names the erasure event that made it.
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
}

export const GENESIS_HASH = '0'.repeat(64)
export const ERASE_ACTION = 'gdpr.erase'
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
]
/** Any lock id will do, as long as every writer uses the same one. */
const AUDIT_LOCK = 7_262_001

/** JSON with object keys sorted at every depth and `undefined` left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + (value[i] === undefined ? 'null' : canonicalJson(value[i]))
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const k of keys) {
    const v = record[k]
    if (v === undefined) continue
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`
  }
  return `${out}}`
}

const sha256 = (text: string) => hash('sha256', text, 'hex')

export const payloadHash = (before: unknown, after: unknown) => sha256(canonicalJson({ before: before ?? null, after: after ?? null }))

export function eventHash(e: Omit<AuditEvent, 'hash' | 'before' | 'after' | 'erasedBy'>): string {
  // canonicalJson of these ten fields, written out with the keys in sorted order: every
  // value is a string, number or null, so this is the same text, built without sorting
  // (it runs once per event, 100 000 times in a large re-screen).
  const q = JSON.stringify
  return sha256(
    `{"action":${q(e.action)},"actor":${q(e.actor)},"at":${q(e.at)},"district":${q(e.district)},"entityId":${q(e.entityId)},"entityType":${q(e.entityType)},"payloadHash":${q(e.payloadHash)},"prevHash":${q(e.prevHash)},"ruleset":${q(e.ruleset)},"seq":${q(e.seq)}}`,
  )
}

type Row = KitTables['vbe_audit_events']
const fromRow = (r: Row): AuditEvent => ({
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
})

/** Appends one event by `actor`, in the surrounding transaction (or its own). */
export function appendAuditAs(actor: string, input: AuditInput): Effect.Effect<AuditEvent, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const clock = yield* Clock
      return yield* query('audit.append', async (db: Kysely<KitTables>) => {
        await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db)
        const last = await db.selectFrom('vbe_audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
        const before = input.before ?? null
        const after = input.after ?? null
        const base = {
          seq: last ? Number(last.seq) + 1 : 1,
          at: clock.now().toISOString(),
          actor,
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId,
          district: input.district ?? null,
          ruleset: input.ruleset ?? null,
          payloadHash: payloadHash(before, after),
          prevHash: last?.hash ?? GENESIS_HASH,
        }
        const hash = eventHash(base)
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
          })
          .execute()
        return { ...base, before, after, hash, erasedBy: null }
      })
    }),
  )
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
      const { bulkInsert = insertFromJson } = yield* Db
      return yield* query('audit.appendBatch', async (db: Kysely<KitTables>) => {
        await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db)
        const last = await db.selectFrom('vbe_audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
        let seq = last ? Number(last.seq) : 0
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
            payloadHash: payloadHash(before, after),
            prevHash,
          }
          prevHash = eventHash(base)
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
          ]
        })
        await bulkInsert(db, 'vbe_audit_events', AUDIT_COLUMNS, rows)
        return rows.length
      })
    }),
  )
}

/** Appends one event by the logged-in user. */
export function appendAudit(input: AuditInput): Effect.Effect<AuditEvent, DatabaseError, Db | Clock | CurrentUser> {
  return Effect.flatMap(CurrentUser, (user) => appendAuditAs(user.username, input))
}

export interface AuditQuery {
  readonly entityType?: string
  readonly entityId?: string
  /** Only events with a district in this list (or city-wide ones when `includeCityWide`). */
  readonly districts?: readonly string[]
  readonly before?: number
  readonly limit?: number
}

/** Events newest first. */
export function listAudit(q: AuditQuery = {}): Effect.Effect<AuditEvent[], DatabaseError, Db> {
  return query('audit.list', async (db: Kysely<KitTables>) => {
    let s = db.selectFrom('vbe_audit_events').selectAll()
    if (q.entityType) s = s.where('entity_type', '=', q.entityType)
    if (q.entityId) s = s.where('entity_id', '=', q.entityId)
    if (q.districts) s = q.districts.length === 0 ? s.where(sql<boolean>`false`) : s.where('district', 'in', [...q.districts])
    if (q.before !== undefined) s = s.where('seq', '<', q.before)
    const rows = await s
      .orderBy('seq', 'desc')
      .limit(Math.min(q.limit ?? 100, 1000))
      .execute()
    return rows.map(fromRow)
  })
}

/** What is wrong with an event in the chain, as a stable code. */
export type AuditProblemCode =
  'missing' | 'out_of_order' | 'prev_hash' | 'payload_altered' | 'not_tombstone' | 'event_altered' | 'orphan_tombstone'

export interface AuditProblem {
  readonly seq: number
  readonly code: AuditProblemCode
  /** The other event numbers the problem names: the missing range, or the erasure event a tombstone points to. */
  readonly from?: number
  readonly to?: number
  readonly by?: number
  /** The problem in words, in English (`auditProblemText` gives both languages). */
  readonly problem: string
}

/** The problem in Swedish and English, for the auditor reading the verification. */
export function auditProblemText(p: Omit<AuditProblem, 'problem'>): LocalizedText {
  switch (p.code) {
    case 'missing':
      return p.from === p.to
        ? { sv: `händelse ${p.from} saknas`, en: `event ${p.from} is missing` }
        : { sv: `händelserna ${p.from}–${p.to} saknas`, en: `events ${p.from}–${p.to} are missing` }
    case 'out_of_order':
      return { sv: `händelse ${p.seq} ligger i fel ordning`, en: `event ${p.seq} is out of order` }
    case 'prev_hash':
      return { sv: 'prev_hash stämmer inte med hashen för händelsen före', en: 'prev_hash does not match the hash of the event before it' }
    case 'payload_altered':
      return { sv: 'före/efter-innehållet har ändrats', en: 'the before/after payload was altered' }
    case 'not_tombstone':
      return { sv: 'markerad som raderad, men innehållet är inte en gravsten', en: 'marked as erased but the payload is not a tombstone' }
    case 'event_altered':
      return {
        sv: 'händelsen har ändrats (hashen stämmer inte med innehållet)',
        en: 'the event was altered (its hash does not match its content)',
      }
    case 'orphan_tombstone':
      return {
        sv: `raderad, men händelse ${p.by} är ingen raderingshändelse som kommer efter den`,
        en: `erased, but event ${p.by} is not an erasure event that follows it`,
      }
  }
}

const problem = (p: Omit<AuditProblem, 'problem'>): AuditProblem => ({ ...p, problem: auditProblemText(p).en })

/** The verification with each problem's words in `lang`. */
export function verificationIn(v: AuditVerification, lang: Locale): AuditVerification {
  return { ...v, problems: v.problems.map((p) => ({ ...p, problem: auditProblemText(p)[lang] })) }
}

export interface AuditVerification {
  readonly ok: boolean
  /** Events checked. */
  readonly checked: number
  /** The last event's seq and hash: record them elsewhere to detect removal of the newest events. */
  readonly head: { readonly seq: number; readonly hash: string } | null
  readonly problems: readonly AuditProblem[]
}

const isTombstone = (v: unknown, by: number) =>
  v === null ||
  (typeof v === 'object' && v !== null && (v as { erased?: unknown }).erased === true && (v as { erasedBy?: unknown }).erasedBy === by)

/**
 * Walks the whole chain in order and reports every event that was altered, inserted
 * out of order or removed, and every tombstone without its erasure event.
 */
export function verifyAudit(options: { readonly batch?: number } = {}): Effect.Effect<AuditVerification, DatabaseError, Db> {
  const batch = options.batch ?? 2000
  return query('audit.verify', async (db: Kysely<KitTables>) => {
    const problems: AuditProblem[] = []
    const tombstones: Array<{ seq: number; by: number }> = []
    const erasures = new Set<number>()
    let expectedSeq = 1
    let prevHash = GENESIS_HASH
    let checked = 0
    let head: AuditVerification['head'] = null
    let after = 0
    for (;;) {
      const rows = await db.selectFrom('vbe_audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute()
      if (rows.length === 0) break
      for (const row of rows) {
        const e = fromRow(row)
        checked++
        if (e.seq !== expectedSeq)
          problems.push(
            e.seq > expectedSeq
              ? problem({ seq: e.seq, code: 'missing', from: expectedSeq, to: e.seq - 1 })
              : problem({ seq: e.seq, code: 'out_of_order' }),
          )
        if (e.prevHash !== prevHash) problems.push(problem({ seq: e.seq, code: 'prev_hash' }))
        if (e.erasedBy === null) {
          if (payloadHash(e.before, e.after) !== e.payloadHash) problems.push(problem({ seq: e.seq, code: 'payload_altered' }))
        } else {
          tombstones.push({ seq: e.seq, by: e.erasedBy })
          if (!isTombstone(e.before, e.erasedBy) || !isTombstone(e.after, e.erasedBy))
            problems.push(problem({ seq: e.seq, code: 'not_tombstone' }))
        }
        if (e.action === ERASE_ACTION) erasures.add(e.seq)
        if (eventHash(e) !== e.hash) problems.push(problem({ seq: e.seq, code: 'event_altered' }))
        prevHash = e.hash
        expectedSeq = e.seq + 1
        head = { seq: e.seq, hash: e.hash }
      }
      after = Number(rows[rows.length - 1]!.seq)
    }
    for (const t of tombstones)
      if (!erasures.has(t.by) || t.by <= t.seq) problems.push(problem({ seq: t.seq, code: 'orphan_tombstone', by: t.by }))
    problems.sort((a, b) => a.seq - b.seq)
    return { ok: problems.length === 0, checked, head, problems }
  })
}

/**
 * GDPR erasure inside the audit log: appends a `gdpr.erase` event, then replaces the
 * payload of every earlier event about the given entities with a tombstone naming it.
 * Returns the erasure event and how many events were tombstoned.
 */
export function eraseFromAudit(input: {
  readonly entities: ReadonlyArray<{ readonly entityType: string; readonly entityId: string }>
  readonly reason: string
  readonly subject: { readonly entityType: string; readonly entityId: string }
  readonly district?: string | null
}): Effect.Effect<{ event: AuditEvent; tombstoned: number }, DatabaseError, Db | Clock | CurrentUser> {
  return transaction(
    Effect.gen(function* () {
      const event = yield* appendAudit({
        action: ERASE_ACTION,
        entityType: input.subject.entityType,
        entityId: input.subject.entityId,
        district: input.district ?? null,
        after: { reason: input.reason, entities: input.entities.length },
      })
      const tombstone = { erased: true, erasedBy: event.seq }
      let tombstoned = 0
      for (const { entityType, entityId } of input.entities) {
        const result = yield* query('audit.erase', (db: Kysely<KitTables>) =>
          db
            .updateTable('vbe_audit_events')
            .set({ before: jsonb(tombstone), after: jsonb(tombstone), erased_by: event.seq })
            .where('entity_type', '=', entityType)
            .where('entity_id', '=', entityId)
            .where('seq', '<', event.seq)
            .where('erased_by', 'is', null)
            .executeTakeFirst(),
        )
        tombstoned += Number(result.numUpdatedRows)
      }
      return { event, tombstoned }
    }),
  )
}
