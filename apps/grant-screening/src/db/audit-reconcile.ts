// Grant screening's checks of its decision tables against the audit log (server-kit's
// `verifyAudit` runs them after the chain). Extension point: a new decision table adds
// a reconciler here, in the same shape.
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
 * The event that made each current decision row: the newest decision event of its case
 * that names the row's id (events written before decisions had ids name none, and then
 * the newest decision event of the case is the one). The actions are the first decision
 * (`propose` when a second signature follows, else `final`) and the revisions
 * (`correction`, `reconsideration`); a revision sent back restores the row it replaced,
 * whose own event is then found by its id.
 */
const DECISION_EVENTS = sql`
  select d.case_id, d.id, d.basis, d.requires_second, d.decided_by, d.approved_by, d.kind, d.amount, d.reasons,
         c.district, c.association_name, c.application_ref, e.seq, e.actor, e.action, e.after, e.erased_by
  from gs_decisions d
  join gs_cases c on c.id = d.case_id
  left join lateral (
    select seq, actor, action, after, erased_by from vbe_audit_events
    where entity_type = 'case' and entity_id = d.case_id
      and action in ('case.decision.propose', 'case.decision.final', 'case.decision.correction', 'case.decision.reconsideration')
      and (after->>'decisionId' = d.id or after->>'decisionId' is null)
    order by (after->>'decisionId' = d.id) desc nulls last, seq desc
    limit 1
  ) e on true`

/**
 * Every decision row matches the event that made it (by the same person, with the
 * expected action, kind, amount and reasons; a tombstoned payload matches on the
 * person only).
 */
export const decisionReconciler: AuditReconciler = {
  name: 'grant decisions',
  async find(db) {
    const { rows } = await sql<Row>`
      select district, association_name, application_ref, seq from (${DECISION_EVENTS}) x
      where seq is null
         or actor <> decided_by
         or action <> (case when basis <> 'original' then 'case.decision.' || basis
                            when requires_second then 'case.decision.propose' else 'case.decision.final' end)
         or (erased_by is null and (
              after->>'kind' is distinct from kind
           or after->>'amount' is distinct from amount::text
           or after->>'reasons' is distinct from reasons))
      order by application_ref`.execute(db)
    return rows.map((r): Unreconciled => ({
      district: r.district,
      subject: subject(r, { sv: 'Beslutet', en: 'The decision' }),
      ...(r.seq === null ? {} : { seq: Number(r.seq) }),
    }))
  },
}

/** Every second signature on a decision row has its approval event, by the same person, after the event that made the decision. */
export const approvalReconciler: AuditReconciler = {
  name: 'grant approvals',
  async find(db) {
    const { rows } = await sql<Row>`
      select district, association_name, application_ref, null::integer as seq from (${DECISION_EVENTS}) x
      where approved_by is not null
        and not exists (
          select 1 from vbe_audit_events a
          where a.entity_type = 'case' and a.entity_id = x.case_id and a.action = 'case.decision.approve' and a.actor = x.approved_by
            and a.seq > coalesce(x.seq, 0))
      order by application_ref`.execute(db)
    return rows.map((r): Unreconciled => ({
      district: r.district,
      subject: subject(r, { sv: 'Det andra godkännandet', en: 'The second approval' }),
    }))
  },
}

/** The reconcilers grant screening hands to `registerAuditRoutes`. */
export const grantAuditReconcilers: readonly AuditReconciler[] = [decisionReconciler, approvalReconciler]
