// Grant screening's checks of its decision tables against the audit log (server-kit's
// `verifyAudit` runs them after the chain). Extension point: a new decision kind or
// decision table adds a reconciler here, in the same shape.
import { sql } from 'kysely'
import type { AuditReconciler, Unreconciled } from '@vbe/server-kit'

interface Row {
  district: string
  association_name: string
  application_ref: string
  seq: number | null
}

const subject = (r: Row, what: { sv: string; en: string }) => ({
  sv: `${what.sv} i ärendet för ${r.association_name} (ansökan ${r.application_ref})`,
  en: `${what.en} on the case of ${r.association_name} (application ${r.application_ref})`,
})

/**
 * Every decision row matches the newest decision event of its case (propose or final,
 * by the same person, with the same kind, amount and reasons; a tombstoned payload
 * matches on the person only).
 */
export const decisionReconciler: AuditReconciler = {
  name: 'grant decisions',
  async find(db) {
    const { rows } = await sql<Row>`
      select c.district, c.association_name, c.application_ref, e.seq
      from gs_decisions d
      join gs_cases c on c.id = d.case_id
      left join lateral (
        select seq, actor, action, after, erased_by from vbe_audit_events
        where entity_type = 'case' and entity_id = d.case_id
          and action in ('case.decision.propose', 'case.decision.final')
        order by seq desc limit 1
      ) e on true
      where e.seq is null
         or e.actor <> d.decided_by
         or e.action <> (case when d.requires_second then 'case.decision.propose' else 'case.decision.final' end)
         or (e.erased_by is null and (
              e.after->>'kind' is distinct from d.kind
           or e.after->>'amount' is distinct from d.amount::text
           or e.after->>'reasons' is distinct from d.reasons))
      order by c.application_ref`.execute(db)
    return rows.map((r): Unreconciled => ({
      district: r.district,
      subject: subject(r, { sv: 'Beslutet', en: 'The decision' }),
      ...(r.seq === null ? {} : { seq: Number(r.seq) }),
    }))
  },
}

/** Every second signature on a decision row has its approval event, by the same person, after the decision event. */
export const approvalReconciler: AuditReconciler = {
  name: 'grant approvals',
  async find(db) {
    const { rows } = await sql<Row>`
      select c.district, c.association_name, c.application_ref, null::integer as seq
      from gs_decisions d
      join gs_cases c on c.id = d.case_id
      where d.approved_by is not null
        and not exists (
          select 1 from vbe_audit_events a
          where a.entity_type = 'case' and a.entity_id = d.case_id and a.action = 'case.decision.approve' and a.actor = d.approved_by
            and a.seq > coalesce((
              select max(seq) from vbe_audit_events p
              where p.entity_type = 'case' and p.entity_id = d.case_id and p.action = 'case.decision.propose'), 0))
      order by c.application_ref`.execute(db)
    return rows.map((r): Unreconciled => ({
      district: r.district,
      subject: subject(r, { sv: 'Det andra godkännandet', en: 'The second approval' }),
    }))
  },
}

/** The reconcilers grant screening hands to `registerAuditRoutes`. */
export const grantAuditReconcilers: readonly AuditReconciler[] = [decisionReconciler, approvalReconciler]
