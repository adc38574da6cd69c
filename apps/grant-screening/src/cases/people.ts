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
  Invalid,
  NotFound,
  scopeDistricts,
  scopeOf,
  transaction,
  vacuumAfterErasure,
} from '@vbe/server-kit'
import type { LocalizedText } from '@vbe/core'
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

/**
 * Why a person is erased: the grounds of GDPR art. 17(1), as codes. The erasure event
 * keeps the code, never free text, so the log holds no personal data of the erasure.
 */
export const ERASURE_REASONS = {
  'data-subject-request': { sv: 'Den registrerade har begärt radering', en: 'The data subject asked for erasure' },
  'no-longer-necessary': { sv: 'Uppgifterna behövs inte längre för ändamålet', en: 'The data are no longer needed for their purpose' },
  'consent-withdrawn': { sv: 'Samtycket har återkallats', en: 'Consent was withdrawn' },
  objection: { sv: 'Den registrerade har invänt mot behandlingen', en: 'The data subject objected to the processing' },
  'unlawful-processing': { sv: 'Uppgifterna har behandlats olagligt', en: 'The data were processed unlawfully' },
  'legal-obligation': { sv: 'Radering krävs enligt en rättslig förpliktelse', en: 'Erasure is required by a legal obligation' },
} as const satisfies Record<string, LocalizedText>
export type ErasureReason = keyof typeof ERASURE_REASONS
export const ERASURE_REASON_CODES = Object.keys(ERASURE_REASONS) as [ErasureReason, ...ErasureReason[]]

/** The tables whose files still hold an erased person's old values until they are vacuumed. */
const ERASED_TABLES = ['gs_persons', 'vbe_audit_events'] as const

const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** The parts of a person's data a note about their erasure must not repeat: each name of 3+ letters, the e-mail, the phone digits. */
function personalParts(p: { name: string; email: string | null; phone: string | null }): string[] {
  const parts = folded(p.name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
  if (p.email) parts.push(folded(p.email))
  const digits = p.phone?.replace(/\D/g, '') ?? ''
  if (digits.length >= 5) parts.push(digits)
  return parts
}

/** Whether `note` repeats any of the person's data (names compared without case or accents, phone by its digits). */
export function noteNamesPerson(note: string, p: { name: string; email: string | null; phone: string | null }): boolean {
  const text = folded(note)
  const digits = note.replace(/\D/g, '')
  return personalParts(p).some((part) => (/^\d+$/.test(part) ? digits.includes(part) : text.includes(part)))
}

/**
 * Erases a person: the record becomes a tombstone, and so do the audit payloads about
 * them (the erasure event lists which); the chain still verifies. Then the two tables
 * are vacuumed so the old values leave their files. `reason` is a code; `note`, an
 * optional comment for the log, is refused if it repeats the person's name, e-mail or
 * phone.
 */
export function erasePerson(
  personId: string,
  reason: ErasureReason,
  note?: string,
): Fx<{ erased: true; tombstones: number }, NotFound | Conflict | Invalid> {
  return Effect.gen(function* () {
    const p = yield* db('person.get', (k) =>
      k
        .selectFrom('gs_persons as p')
        .innerJoin('gs_cases as c', 'c.id', 'p.case_id')
        .select(['p.id', 'p.erased_at', 'p.name', 'p.email', 'p.phone', 'c.district'])
        .where('p.id', '=', personId)
        .executeTakeFirst(),
    )
    if (!p || !inScope(yield* CurrentUser, p.district))
      return yield* new NotFound({ entity: { sv: 'personen', en: 'person' }, id: personId })
    if (p.erased_at)
      return yield* new Conflict({ detail: { sv: 'Personens uppgifter är redan raderade.', en: 'This person has already been erased.' } })
    if (note !== undefined && noteNamesPerson(note, p))
      return yield* new Invalid({
        detail: { sv: 'Kommentaren får inte innehålla personens uppgifter.', en: 'The note must not contain the person’s data.' },
        problems: [
          {
            path: 'note',
            message: {
              sv: 'upprepar personens namn, e-post eller telefonnummer: loggen sparar inga personuppgifter om raderingen',
              en: 'repeats the person’s name, e-mail or phone: the log keeps no personal data about the erasure',
            },
          },
        ],
      })
    const now = (yield* Clock).now()
    const result = yield* transaction(
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
          ...(note === undefined ? {} : { note }),
          subject: { entityType: 'person', entityId: personId },
          district: p.district,
        })
        return { erased: true as const, tombstones: tombstoned }
      }),
    )
    // After the commit (VACUUM cannot run in a transaction): rewrite the pages that held the old values.
    yield* vacuumAfterErasure(ERASED_TABLES)
    return result
  })
}
