import { sql, type Kysely } from 'kysely'
import type { Effect } from 'effect'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { query, type Db } from '../services.js'
import { fromRow, type AuditEvent } from './chain.js'

export interface AuditQuery {
  readonly entityType?: string
  readonly entityId?: string
  /** Only events with a district in this list. */
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
