import { Effect } from 'effect'
import { sql, type Kysely } from 'kysely'
import type { DatabaseError } from '../errors.js'
import { jsonb, type AnyKysely } from '../db-values.js'
import type { KitTables } from '../schema.js'
import { Clock, CurrentUser, Db, query, transaction } from '../services.js'
import { currentSeal, insertEvent, lockedHead } from './append.js'
import { ERASE_ACTION, type AuditEvent } from './chain.js'

/**
 * GDPR erasure inside the audit log: under the audit lock, finds every earlier event
 * about the given entities (erasure events themselves excepted: they hold no personal
 * data), appends a `gdpr.erase` event whose hashed payload lists exactly those events
 * (`tombstoned`), and replaces their payloads with a tombstone naming it. `reason` is a
 * code, never free text: the log keeps no personal data of the erasure itself.
 *
 * The old payloads stay in the table's files until a vacuum: call `vacuumAfterErasure`
 * once the transaction has committed.
 */
export function eraseFromAudit(input: {
  readonly entities: ReadonlyArray<{ readonly entityType: string; readonly entityId: string }>
  /** A reason code (the app's list), never free text. */
  readonly reason: string
  /** A comment the app has checked holds no personal data of the subject. */
  readonly note?: string
  readonly subject: { readonly entityType: string; readonly entityId: string }
  readonly district?: string | null
}): Effect.Effect<{ event: AuditEvent; tombstoned: number }, DatabaseError, Db | Clock | CurrentUser> {
  return transaction(
    Effect.gen(function* () {
      const at = (yield* Clock).now().toISOString()
      const seal = yield* currentSeal
      const user = yield* CurrentUser
      return yield* query('audit.erase', async (db: Kysely<KitTables>) => {
        const last = await lockedHead(db, seal, at)
        const seqs: number[] = []
        for (const { entityType, entityId } of input.entities) {
          const rows = await db
            .selectFrom('vbe_audit_events')
            .select('seq')
            .where('entity_type', '=', entityType)
            .where('entity_id', '=', entityId)
            .where('erased_by', 'is', null)
            .where('action', '!=', ERASE_ACTION)
            .execute()
          for (const r of rows) seqs.push(Number(r.seq))
        }
        seqs.sort((a, b) => a - b)
        const event = await insertEvent(db, seal, last, user.username, at, {
          action: ERASE_ACTION,
          entityType: input.subject.entityType,
          entityId: input.subject.entityId,
          district: input.district ?? null,
          after: { reason: input.reason, ...(input.note === undefined ? {} : { note: input.note }), tombstoned: seqs },
        })
        const tombstone = { erased: true, erasedBy: event.seq }
        for (let i = 0; i < seqs.length; i += 1000)
          await db
            .updateTable('vbe_audit_events')
            .set({ before: jsonb(tombstone), after: jsonb(tombstone), erased_by: event.seq })
            .where('seq', 'in', seqs.slice(i, i + 1000))
            .execute()
        return { event, tombstoned: seqs.length }
      })
    }),
  )
}

/**
 * Rewrites `tables` after an erasure (VACUUM FULL), so that the erased values leave the
 * tables' live files, and asks for a checkpoint (where the database user may; otherwise
 * the next automatic checkpoint does). A plain VACUUM is not enough: it frees the old
 * row versions' space but leaves their bytes in the page until something overwrites
 * them. VACUUM FULL writes each table anew and deletes the old files; it holds an
 * exclusive lock on the table meanwhile (the audit log waits for seconds on a large
 * log), which an erasure, a rare act, can afford. It cannot run inside a transaction:
 * call it after the erasure has committed. What stays: the write-ahead log until its
 * segments are recycled, and backups.
 */
export function vacuumAfterErasure(tables: readonly string[]): Effect.Effect<void, DatabaseError, Db> {
  return Effect.flatMap(Db, ({ kysely }) => {
    if (kysely.isTransaction)
      return Effect.dieMessage('vacuumAfterErasure runs after the erasure has committed, not inside its transaction.')
    for (const t of tables)
      if (!/^[a-z_][a-z0-9_]*$/.test(t)) return Effect.dieMessage(`vacuumAfterErasure: ${JSON.stringify(t)} is not a table name`)
    return query('audit.vacuum', async (db: AnyKysely) => {
      for (const t of tables) await sql`vacuum full ${sql.table(t)}`.execute(db)
      await sql`checkpoint`.execute(db).catch(() => undefined)
    })
  })
}
