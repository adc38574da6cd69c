import type { LocalizedText } from '@vbe/core'
import type { AnyKysely } from '../db-values.js'

/**
 * A record in an app's tables that must have a matching audit event, but has none: a
 * decision row whose decision event is missing or says something else, a plan version
 * without its transition event.
 */
export interface Unreconciled {
  readonly district: string | null
  /** What lacks its event, as a reader knows it (an association, a plan and year): never a raw id. */
  readonly subject: LocalizedText
  /** The nearest audit event, when there is one. */
  readonly seq?: number
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
