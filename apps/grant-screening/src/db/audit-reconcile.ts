// Grant screening's checks of its decision tables against the audit log (server-kit's
// `verifyAudit` runs them after the chain). Extension point: a new decision table adds
// a reconciler here, in the same shape.
import { sql } from 'kysely'
import type { AuditReconciler, Unreconciled } from '@vbe/server-kit'

interface Row {
  district: string | null
  /** `null` when the case itself is gone (an event whose case row was deleted). */
  association_name: string | null
  application_ref: string | null
  seq: number | null
}

const subject = (r: Row, what: { sv: string; en: string }) =>
  r.association_name === null
    ? { sv: `${what.sv} i ett ärende som inte längre finns`, en: `${what.en} on a case that no longer exists` }
    : {
        sv: `${what.sv} i ärendet för ${r.association_name} (ansökan ${r.application_ref})`,
        en: `${what.en} on the case of ${r.association_name} (application ${r.application_ref})`,
      }

/** One finding per audit event whose record is gone or no longer matches (the events' side of the check). */
const missingRecords = <R extends Row>(rows: readonly R[], what: (r: R) => { sv: string; en: string }): Unreconciled[] =>
  rows.map((r) => ({ district: r.district, subject: subject(r, what(r)), seq: Number(r.seq), missing: 'record' }))

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

/** Every reclaim row has its `case.reclaim` event, by the same person, for the same amount (a tombstoned event: the person only). */
export const reclaimReconciler: AuditReconciler = {
  name: 'grant reclaims',
  async find(db) {
    const { rows } = await sql<Row>`
      select c.district, c.association_name, c.application_ref, null::integer as seq
      from gs_reclaims r
      join gs_cases c on c.id = r.case_id
      where not exists (
        select 1 from vbe_audit_events e
        where e.entity_type = 'case' and e.entity_id = r.case_id and e.action = 'case.reclaim' and e.actor = r.decided_by
          and (e.erased_by is not null or e.after->>'amount' = r.amount::text))
      order by c.application_ref`.execute(db)
    return rows.map((r): Unreconciled => ({ district: r.district, subject: subject(r, RECLAIM) }))
  },
}

const RECLAIM = { sv: 'Återkravet', en: 'The reclaim' }
const DECISION_BY_ACTION: Readonly<Record<string, { sv: string; en: string }>> = {
  'case.decision.correction': { sv: 'Rättelsen av beslutet', en: 'The correction of the decision' },
  'case.decision.reconsideration': { sv: 'Omprövningen av beslutet', en: 'The reconsideration of the decision' },
}
const DECISION = { sv: 'Beslutet', en: 'The decision' }

/** Events of the case that `seq` names, the case as `c` (left-joined: the case row may be gone too). */
const CASE_EVENTS = sql`
  from vbe_audit_events e
  left join gs_cases c on c.id = e.entity_id
  where e.entity_type = 'case'`

/**
 * The other way round: every decision event (a first decision, proposal, correction or
 * reconsideration) still has its decision row, current (`gs_decisions`) or replaced
 * (`gs_decision_history`), by the same person, unless a later send-back names that
 * decision (sending a proposal back deletes it). Events from before decisions had ids,
 * and erased events, name no decision: their case must still hold some decision row, or
 * have been sent back since.
 */
export const decisionEventReconciler: AuditReconciler = {
  name: 'grant decision events',
  async find(db) {
    const { rows } = await sql<Row & { action: string }>`
      select e.seq, e.action, e.district, c.association_name, c.application_ref
      ${CASE_EVENTS}
        and e.action in ('case.decision.propose', 'case.decision.final', 'case.decision.correction', 'case.decision.reconsideration')
        and not exists (
          select 1 from (select id, case_id, decided_by from gs_decisions union all select id, case_id, decided_by from gs_decision_history) d
          where d.case_id = e.entity_id
            and (d.id = e.after->>'decisionId' or (e.erased_by is not null or e.after->>'decisionId' is null)) and d.decided_by = e.actor)
        and not exists (
          select 1 from vbe_audit_events s
          where s.entity_type = 'case' and s.entity_id = e.entity_id and s.action = 'case.decision.send-back' and s.seq > e.seq
            and (s.before->'decision'->>'id' = e.after->>'decisionId' or e.erased_by is not null or e.after->>'decisionId' is null))
      order by e.seq`.execute(db)
    return missingRecords(rows, (r) => DECISION_BY_ACTION[r.action] ?? DECISION)
  },
}

/** Every approval event still has its second signature: the decision it approved, current or replaced, signed by the same person. */
export const approvalEventReconciler: AuditReconciler = {
  name: 'grant approval events',
  async find(db) {
    const { rows } = await sql<Row>`
      select e.seq, e.district, c.association_name, c.application_ref
      ${CASE_EVENTS}
        and e.action = 'case.decision.approve'
        and not exists (
          select 1 from (select id, case_id, approved_by from gs_decisions union all select id, case_id, approved_by from gs_decision_history) d
          where d.case_id = e.entity_id and d.approved_by = e.actor
            and (d.id = e.before->'decision'->>'id' or e.erased_by is not null or e.before->'decision'->>'id' is null))
      order by e.seq`.execute(db)
    return missingRecords(rows, () => ({ sv: 'Det andra godkännandet', en: 'The second approval' }))
  },
}

/** Every reclaim event still has its reclaim row: by the same person, for the same amount (an erased event: the person only). */
export const reclaimEventReconciler: AuditReconciler = {
  name: 'grant reclaim events',
  async find(db) {
    const { rows } = await sql<Row>`
      select e.seq, e.district, c.association_name, c.application_ref
      ${CASE_EVENTS}
        and e.action = 'case.reclaim'
        and not exists (
          select 1 from gs_reclaims r
          where r.case_id = e.entity_id and r.decided_by = e.actor and (e.erased_by is not null or r.amount::text = e.after->>'amount'))
      order by e.seq`.execute(db)
    return missingRecords(rows, () => RECLAIM)
  },
}

/** The reconcilers grant screening hands to `registerAuditRoutes`: each table checked against the log, and the log against each table. */
export const grantAuditReconcilers: readonly AuditReconciler[] = [
  decisionReconciler,
  approvalReconciler,
  reclaimReconciler,
  decisionEventReconciler,
  approvalEventReconciler,
  reclaimEventReconciler,
]
