// The plan editor's checks of its plans and their versions against the audit log
// (server-kit's `verifyAudit` runs them after the chain).
import { sql } from 'kysely'
import type { AuditReconciler, Unreconciled } from '@vbe/server-kit'
import { districtName } from '@vbe/districts'

interface Row {
  district: string
  year: number
  version: number
}

const subject = (r: Row) => ({
  sv: `Version ${r.version} av handlingsplanen för ${districtName(r.district)} ${r.year}`,
  en: `Version ${r.version} of the action plan of ${districtName(r.district)} for ${r.year}`,
})

/**
 * Every saved plan version, and every plan's current state, has the audit event of the
 * step that made it: `plan.<action>` by the person who saved it, with the same version
 * and status.
 */
export const planTransitionReconciler: AuditReconciler = {
  name: 'plan transitions',
  async find(db) {
    const { rows } = await sql<Row>`
      select p.district, p.year, v.version
      from pe_plan_versions v
      join pe_plans p on p.id = v.plan_id
      where not exists (
        select 1 from vbe_audit_events e
        where e.entity_type = 'plan' and e.entity_id = v.plan_id and e.action = 'plan.' || v.action and e.actor = v.saved_by
          and (e.erased_by is not null or (e.after->>'version' = v.version::text and e.after->>'status' = v.status)))
      union
      select p.district, p.year, p.version
      from pe_plans p
      where not exists (
        select 1 from vbe_audit_events e
        where e.entity_type = 'plan' and e.entity_id = p.id and e.action like 'plan.%'
          and (e.erased_by is not null or (e.after->>'version' = p.version::text and e.after->>'status' = p.status)))
      order by 1, 2, 3`.execute(db)
    return rows.map((r): Unreconciled => ({ district: r.district, subject: subject(r) }))
  },
}

/** The reconcilers the plan editor hands to `registerAuditRoutes`. */
export const planAuditReconcilers: readonly AuditReconciler[] = [planTransitionReconciler]
