// What grant screening's audit page shows of an event's entity instead of its id: a case's
// diarienummer (never the association or a person: that stays on the case page). The kit's
// `GET /api/audit` calls these; other entity types get a translated type label in the UI only.
import { auditEntityKey, type AuditEntityLabels, type AuditReferenceResolver } from '@vbe/server-kit'
import type { Db } from './tables.js'

/** Each case's diarienummer, for the cases among `refs` that have one. */
export const grantAuditEntityLabels: AuditEntityLabels = async (db, refs) => {
  const caseIds = refs.filter((r) => r.entityType === 'case').map((r) => r.entityId)
  if (caseIds.length === 0) return new Map()
  const rows = await (db as Db).selectFrom('gs_case_numbers').select(['case_id', 'case_number']).where('case_id', 'in', caseIds).execute()
  return new Map(rows.map((r) => [auditEntityKey('case', r.case_id), r.case_number]))
}

/** `?reference=` on the audit log: a diarienummer, to the case that has it. */
export const grantAuditReference: AuditReferenceResolver = async (db, reference) => {
  const row = await (db as Db)
    .selectFrom('gs_case_numbers as n')
    .innerJoin('gs_cases as c', 'c.id', 'n.case_id')
    .select(['n.case_id', 'c.district'])
    .where((eb) => eb(eb.fn('upper', ['n.case_number']), '=', reference.toUpperCase()))
    .executeTakeFirst()
  return row ? { entityType: 'case', entityId: row.case_id, district: row.district } : null
}
