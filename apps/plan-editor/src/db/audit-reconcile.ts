// The plan editor's checks of its plans and their versions against the audit log
// (server-kit's `verifyAudit` runs them after the chain).
import { sql } from 'kysely'
import type { AuditReconciler, Unreconciled } from '@vbe/server-kit'
import { districtName } from '@vbe/districts'

interface Row {
  district: string
  /** `null` when neither the plan nor its creation event says (both gone or erased). */
  year: number | null
  version: number
}

const subject = (r: Row) =>
  r.year === null
    ? {
        sv: `Version ${r.version} av en handlingsplan för ${districtName(r.district)}`,
        en: `Version ${r.version} of an action plan of ${districtName(r.district)}`,
      }
    : {
        sv: `Version ${r.version} av handlingsplanen för ${districtName(r.district)} ${r.year}`,
        en: `Version ${r.version} of the action plan of ${districtName(r.district)} for ${r.year}`,
      }

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

/**
 * The other way round: every transition event (`plan.<action>` naming a version) still
 * has its saved version, by the same person, with the same action and status. Plans and
 * their versions are never deleted by the app, so a missing one was deleted behind its back.
 */
export const planTransitionEventReconciler: AuditReconciler = {
  name: 'plan transition events',
  async find(db) {
    const { rows } = await sql<Row & { seq: number }>`
      select e.seq, e.district, (e.after->>'version')::integer as version,
             coalesce(p.year, (select (c.after->>'year')::integer from vbe_audit_events c
                               where c.entity_type = 'plan' and c.entity_id = e.entity_id and c.after->>'year' ~ '^[0-9]{1,4}$'
                               order by c.seq limit 1)) as year
      from vbe_audit_events e
      left join pe_plans p on p.id = e.entity_id
      where e.entity_type = 'plan' and e.action like 'plan.%' and e.erased_by is null and e.after->>'version' ~ '^[0-9]{1,9}$'
        and e.district is not null
        and not exists (
          select 1 from pe_plan_versions v
          where v.plan_id = e.entity_id and v.version = (e.after->>'version')::integer and 'plan.' || v.action = e.action
            and v.saved_by = e.actor and v.status = e.after->>'status')
      order by e.seq`.execute(db)
    return rows.map((r): Unreconciled => ({ district: r.district, subject: subject(r), seq: Number(r.seq), missing: 'record' }))
  },
}

/** The reconcilers the plan editor hands to `registerAuditRoutes`: the tables against the log, and the log against the tables. */
export const planAuditReconcilers: readonly AuditReconciler[] = [planTransitionReconciler, planTransitionEventReconciler]
