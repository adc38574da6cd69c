// GDPR tools: finding, exporting and erasing a person.
import { Effect } from 'effect'
import { type Application } from '@vbe/core/grants'
import {
  appendAudit,
  Clock,
  Conflict,
  CurrentUser,
  eraseFromAudit,
  inScope,
  NotFound,
  scopeDistricts,
  scopeOf,
  transaction,
} from '@vbe/server-kit'
import { type PersonRole } from '../db/tables.js'
import { casesWithScreening, db, type CaseSummary, type Fx, SCREENING_COLUMNS, summary } from './store.js'

// ---- GDPR -------------------------------------------------------------------------

export interface PersonMatch {
  id: string
  name: string
  role: PersonRole
  caseId: string
  district: string
  erased: boolean
}

/** GDPR search: persons on cases in the user's scope whose name, e-mail or phone contains `q`. */
export function findPersons(q: string): Fx<PersonMatch[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return Effect.flatMap(CurrentUser, (user) => {
    const scope = scopeOf(user)
    return db('persons.find', (k) =>
      k
        .selectFrom('gs_persons as p')
        .innerJoin('gs_cases as c', 'c.id', 'p.case_id')
        .select(['p.id', 'p.name', 'p.role', 'p.case_id', 'c.district', 'p.erased_at'])
        .where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.email', 'ilike', pattern), eb('p.phone', 'ilike', pattern)]))
        .$if(scope !== null, (qb) => qb.where('c.district', 'in', scopeDistricts(scope ?? [])))
        .orderBy('p.name')
        .limit(100)
        .execute(),
    )
  }).pipe(
    Effect.map((rows) =>
      rows.map((r) => ({ id: r.id, name: r.name, role: r.role, caseId: r.case_id, district: r.district, erased: r.erased_at !== null })),
    ),
  )
}

/** Everything stored about one person (GDPR art. 15). */
export interface PersonExport {
  exportedAt: string
  person: { id: string; role: PersonRole; name: string; email: string | null; phone: string | null; erased: boolean }
  case: CaseSummary & { association: string }
  auditEvents: { seq: number; at: string; actor: string; action: string; data: unknown }[]
}

/** Everything stored about one person: the person record, the case it belongs to, and the audit events about them. */
export function exportPerson(personId: string): Fx<PersonExport, NotFound> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) => k.selectFrom('gs_persons').selectAll().where('id', '=', personId).executeTakeFirst())
    if (!p) return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    const c = yield* db('person.case', (k) =>
      casesWithScreening(k)
        .selectAll('c')
        .select([...SCREENING_COLUMNS])
        .where('c.id', '=', p.case_id)
        .executeTakeFirstOrThrow(),
    )
    // Persons on another district's cases do not exist for a user held to a district.
    if (!inScope(yield* CurrentUser, c.district)) return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    const events = yield* db('person.audit', (k) =>
      k
        .selectFrom('vbe_audit_events')
        .select(['seq', 'at', 'actor', 'action', 'after'])
        .where('entity_type', '=', 'person')
        .where('entity_id', '=', personId)
        .orderBy('seq')
        .execute(),
    )
    const exportedAt = (yield* Clock).now().toISOString()
    yield* appendAudit({ action: 'person.export', entityType: 'person', entityId: personId, district: c.district })
    return {
      exportedAt,
      person: { id: p.id, role: p.role, name: p.name, email: p.email, phone: p.phone, erased: p.erased_at !== null },
      case: { ...summary(c), association: (c.application as Application).association.name },
      auditEvents: events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, data: e.after })),
    }
  })
}

/** Erases a person: the record becomes a tombstone, and so do the audit payloads about them; the chain still verifies. */
export function erasePerson(personId: string, reason: string): Fx<{ erased: true; tombstones: number }, NotFound | Conflict> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) =>
      k
        .selectFrom('gs_persons as p')
        .innerJoin('gs_cases as c', 'c.id', 'p.case_id')
        .select(['p.id', 'p.erased_at', 'c.district'])
        .where('p.id', '=', personId)
        .executeTakeFirst(),
    )
    if (!p || !inScope(yield* CurrentUser, p.district))
      return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    if (p.erased_at)
      return yield* new Conflict({ detail: { sv: 'Personens uppgifter är redan raderade.', en: 'This person has already been erased.' } })
    const now = (yield* Clock).now()
    return yield* transaction(
      Effect.gen(function* () {
        yield* db('person.erase', (k) =>
          k
            .updateTable('gs_persons')
            .set({ name: '[raderad / erased]', email: null, phone: null, erased_at: now })
            .where('id', '=', personId)
            .execute(),
        )
        const { tombstoned } = yield* eraseFromAudit({
          entities: [{ entityType: 'person', entityId: personId }],
          reason,
          subject: { entityType: 'person', entityId: personId },
          district: p.district,
        })
        return { erased: true as const, tombstones: tombstoned }
      }),
    )
  })
}
