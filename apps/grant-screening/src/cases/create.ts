// Intake of one application as a new case.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import { type LocalizedText } from '@vbe/core'
import { screener } from '@vbe/core/grants'
import { stockholmDay } from '@vbe/core/calendar'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, inScope, Invalid, jsonb, NotFound, transaction } from '@vbe/server-kit'
import { recordCatalogue, saveReasons, screeningRow } from '../screenings/store.js'
import { db, type CaseDetail, type Fx, type PersonInput, Plugins, caseDetail } from './store.js'
import { parseOrInvalid, screenApplication } from './screen.js'

/**
 * An application already taken in, in words: the applicant's reference, the programme's name,
 * and the case's diarienummer (or, before it has one, the day it was registered), never the
 * programme's or the case's id.
 */
function duplicateText(ref: string, programme: LocalizedText, caseNumber: string | null, registered: string): LocalizedText {
  return caseNumber === null
    ? {
        sv: `Ansökan ${ref} till ${programme.sv} finns redan som ärende, registrerat ${registered} (ännu utan diarienummer).`,
        en: `Application ${ref} to ${programme.en} is already a case, registered on ${registered} (no case number yet).`,
      }
    : {
        sv: `Ansökan ${ref} till ${programme.sv} finns redan som ärende ${caseNumber}.`,
        en: `Application ${ref} to ${programme.en} is already case ${caseNumber}.`,
      }
}

const districtOfProgramme = (programme: string) => programme.split('/')[0]!

/** Intake: parse, check scope, screen, store the case and its persons, and audit it. */
export function createCase(
  input: unknown,
  persons: readonly PersonInput[] = [],
): Fx<CaseDetail, Invalid | Forbidden | Conflict | NotFound> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const application = yield* parseOrInvalid(input)
    const district = districtOfProgramme(application.programme)
    if (!inScope(user, district)) {
      const plugins = yield* Plugins
      // District names, never ids: a district no installed plugin names is "another district".
      const nameOf = (id: string | null): LocalizedText =>
        id === null
          ? { sv: 'ingen stadsdel', en: 'no district' }
          : (plugins.plugins.find((p) => p.id === id)?.name ?? { sv: 'en annan stadsdel', en: 'another district' })
      const [theirs, yours] = [nameOf(district), nameOf(user.district)]
      return yield* new Invalid({
        detail: {
          sv: 'Du kan bara ta emot ansökningar till din egen stadsdel.',
          en: 'You can only take in applications for your own district.',
        },
        problems: [
          {
            path: 'application.programme',
            message: {
              sv: `hör till ${theirs.sv}, men du arbetar i ${yours.sv}`,
              en: `belongs to ${theirs.en}; you work in ${yours.en}`,
            },
          },
        ],
      })
    }
    const result = yield* screenApplication(application)
    const now = (yield* Clock).now()
    const id = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        const existing = yield* db('case.dup', (k) =>
          k
            .selectFrom('gs_cases as c')
            .leftJoin('gs_case_numbers as n', 'n.case_id', 'c.id')
            .select(['c.id', 'c.created_at', 'n.case_number'])
            .where('c.programme', '=', application.programme)
            .where('c.application_ref', '=', application.id)
            .executeTakeFirst(),
        )
        if (existing) {
          const programme = (yield* Plugins).programme(application.programme)?.name ?? { sv: 'programmet', en: 'the programme' }
          return yield* new Conflict({
            detail: duplicateText(application.id, programme, existing.case_number, stockholmDay(existing.created_at)),
            current: { id: existing.id },
          })
        }
        yield* db('case.insert', (k) =>
          k
            .insertInto('gs_cases')
            .values({
              id,
              application_ref: application.id,
              district,
              programme: application.programme,
              association_name: application.association.name,
              organisation_number: application.association.organisationNumber,
              amount_requested: application.amountRequested,
              application: jsonb(application),
              status: 'new',
              report_due: null,
              report_received_on: null,
              created_by: user.username,
              created_at: now,
              updated_at: now,
              version: 1,
            })
            .execute(),
        )
        const catalogue = screener(yield* Plugins).catalogue
        const reasons = new Map<string, LocalizedText>()
        const screening = screeningRow(id, result, catalogue, now, reasons)
        yield* recordCatalogue(catalogue)
        yield* saveReasons(reasons)
        yield* db('case.screening', (k) => k.insertInto('gs_screenings').values(screening).execute())
        yield* appendAudit({
          action: 'case.create',
          entityType: 'case',
          entityId: id,
          district,
          ruleset: result.ruleset.version,
          after: { application, outcome: result.outcome },
        })
        for (const p of persons) {
          const personId = randomUUID()
          yield* db('person.insert', (k) =>
            k
              .insertInto('gs_persons')
              .values({
                id: personId,
                case_id: id,
                role: p.role,
                name: p.name,
                email: p.email ?? null,
                phone: p.phone ?? null,
                erased_at: null,
              })
              .execute(),
          )
          yield* appendAudit({ action: 'person.create', entityType: 'person', entityId: personId, district, after: { caseId: id, ...p } })
        }
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}
