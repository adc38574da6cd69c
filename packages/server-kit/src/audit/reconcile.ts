import type { LocalizedText } from '@vbe/core'
import type { AnyKysely } from '../db-values.js'

/**
 * A record and its audit event that do not match, either way round:
 *
 * - `missing: 'event'` (the default): a record in the app's tables without its event, or
 *   whose event says something else (a decision row edited or inserted behind the app's
 *   back, a plan version without its transition event);
 * - `missing: 'record'`: an audit event whose record is gone from the tables, or no longer
 *   matches it (a decision row, an approval, a reclaim or a plan version deleted while its
 *   event remains). `seq` is then the event.
 */
export interface Unreconciled {
  readonly district: string | null
  /** The record, as a reader knows it (an association, a plan and year): never a raw id. */
  readonly subject: LocalizedText
  /** The nearest audit event, when there is one; for a missing record, its event. */
  readonly seq?: number
  readonly missing?: 'event' | 'record'
}

/**
 * One app's check of its own tables against the audit log, run by `verifyAudit` after
 * the chain itself. Each app declares its reconcilers in `src/db/audit-reconcile.ts` and
 * hands them to `registerAuditRoutes`. The chain check makes the events trustworthy;
 * a reconciler then finds rows edited, inserted or removed behind the app's back.
 */
export interface AuditReconciler {
  /** A short name, for tests and logs. */
  readonly name: string
  readonly find: (db: AnyKysely) => Promise<readonly Unreconciled[]>
}
