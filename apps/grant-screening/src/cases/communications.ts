// Kommunicering (förvaltningslagen 25 §): before a denial or a partial grant the officer
// sends the applicant the material the decision will rest on, with a deadline; the case
// waits; the reply is recorded and the case resumes.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import { stockholmDay } from '@vbe/core/calendar'
import { guardDecision, type Application, type EvidenceAssessment, type ScreeningResult } from '@vbe/core/grants'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, Invalid, jsonb, NotFound, transaction } from '@vbe/server-kit'
import { assessmentRows, assessmentViews, communicationsOf, communicationView, toAssessments, type CommunicationView } from './record.js'
import {
  actOn,
  caseDetail,
  caseRow,
  db,
  requireNoConflict,
  screeningOf,
  touch,
  transition,
  type CaseDetail,
  type CaseRow,
  type Fx,
} from './store.js'
import { currentDecision } from './record.js'

export interface CommunicationInput {
  readonly kind: 'deny' | 'partial'
  readonly amount?: number | undefined
  /** What the decision will rest on, in the officer's words. */
  readonly material: string
  /** The last day to reply (YYYY-MM-DD). */
  readonly deadline: string
  readonly letterLocale: 'sv' | 'en'
}

const invalid = (path: string, message: { sv: string; en: string }) =>
  new Invalid({ detail: { sv: 'Kommuniceringen innehåller fel.', en: 'The communication is invalid.' }, problems: [{ path, message }] })

/** Sends the material to the applicant: the case waits for the reply or the deadline. */
export function communicate(id: string, input: CommunicationInput): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row, to } = yield* actOn(id, 'communicate')
    const now = (yield* Clock).now()
    const today = stockholmDay(now)
    if (input.deadline <= today)
      return yield* invalid('deadline', { sv: `måste vara efter i dag (${today})`, en: `must be after today (${today})` })
    if (input.kind === 'partial') {
      if (input.amount === undefined)
        return yield* invalid('amount', { sv: 'måste fyllas i när bidraget beviljas delvis', en: 'is required for a partial grant' })
      if (input.amount >= row.amount_requested)
        return yield* invalid('amount', {
          sv: `måste vara mindre än de ${row.amount_requested} kr som föreningen sökte`,
          en: `must be less than the ${row.amount_requested} kr applied for`,
        })
    } else if (input.amount !== undefined)
      return yield* invalid('amount', { sv: 'ska bara anges när bidraget beviljas delvis', en: 'only applies to a partial grant' })
    const open = (yield* openCommunication(row)) !== undefined
    if (open)
      return yield* new Conflict({
        detail: {
          sv: 'Sökanden har redan fått underlaget och har ännu inte svarat. Registrera svaret eller vänta till svarsfristen har gått ut.',
          en: 'The applicant has already been sent the material and has not replied yet. Record the reply, or wait until the deadline has passed.',
        },
      })
    const screening = yield* screeningOf(row)
    const assessments = toAssessments(assessmentViews(row.application as Application, yield* assessmentRows(id)))
    const cited = guardDecision(screening, assessments, { kind: 'deny', amountRequested: row.amount_requested }).citedRules
    const communicationId = randomUUID()
    yield* transaction(
      Effect.gen(function* () {
        yield* transition(row, to)
        yield* db('communication.insert', (k) =>
          k
            .insertInto('gs_communications')
            .values({
              id: communicationId,
              case_id: id,
              proposed_kind: input.kind,
              proposed_amount: input.amount ?? null,
              material: input.material,
              cited_rules: jsonb(cited),
              letter_locale: input.letterLocale,
              deadline: input.deadline,
              sent_by: user.username,
              sent_at: now,
              reply: null,
              replied_on: null,
              reply_recorded_by: null,
              reply_recorded_at: null,
            })
            .execute(),
        )
        yield* appendAudit({
          action: 'case.communication.send',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: { status: row.status },
          after: {
            status: to,
            communicationId,
            kind: input.kind,
            amount: input.amount ?? null,
            deadline: input.deadline,
            citedRules: cited,
          },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** The latest communication since the current decision that has no reply and whose deadline has not passed. */
function openCommunication(row: CaseRow) {
  return Effect.gen(function* () {
    const today = stockholmDay((yield* Clock).now())
    const decision = yield* currentDecision(row.id)
    const latest = (yield* communicationsOf(row.id)).filter((c) => !decision || c.sent_at >= decision.decided_at).at(-1)
    return latest && latest.replied_on === null && latest.deadline >= today ? latest : undefined
  })
}

/** Records the applicant's reply to the latest communication; the case resumes. */
export function recordReply(
  id: string,
  input: { reply: string; receivedOn: string },
): Fx<CaseDetail, NotFound | Forbidden | Invalid | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row, to } = yield* actOn(id, 'record-reply')
    const now = (yield* Clock).now()
    const today = stockholmDay(now)
    if (input.receivedOn > today)
      return yield* invalid('receivedOn', { sv: `får inte vara efter i dag (${today})`, en: `must not be after today (${today})` })
    const decision = yield* currentDecision(id)
    const latest = (yield* communicationsOf(id)).filter((c) => !decision || c.sent_at >= decision.decided_at).at(-1)
    if (!latest || latest.replied_on !== null)
      return yield* new Conflict({
        detail: {
          sv: 'Det finns ingen kommunicering som väntar på svar i ärendet.',
          en: 'No communication in this case is waiting for a reply.',
        },
      })
    yield* transaction(
      Effect.gen(function* () {
        if (to !== row.status) yield* transition(row, to)
        else yield* touch(id)
        yield* db('communication.reply', (k) =>
          k
            .updateTable('gs_communications')
            .set({ reply: input.reply, replied_on: input.receivedOn, reply_recorded_by: user.username, reply_recorded_at: now })
            .where('id', '=', latest.id)
            .where('replied_on', 'is', null)
            .execute(),
        )
        yield* appendAudit({
          action: 'case.communication.reply',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: { status: row.status },
          after: { status: to, communicationId: latest.id, receivedOn: input.receivedOn, reply: input.reply },
        })
      }),
    )
    return yield* caseDetail(id, { logRead: false })
  })
}

/** For the communication letter: the case, its screening and the communication. The read is logged. */
export function communicationLetterData(
  id: string,
  communicationId: string,
): Fx<
  { row: CaseRow; communication: CommunicationView; screening: ScreeningResult; assessments: EvidenceAssessment[] },
  NotFound | Forbidden
> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const c = (yield* communicationsOf(id)).find((x) => x.id === communicationId)
    if (!c) return yield* new NotFound({ entity: { sv: 'kommuniceringen', en: 'communication' }, id: communicationId })
    yield* appendAudit({ action: 'case.communication.letter.read', entityType: 'case', entityId: id, district: row.district })
    const assessments = toAssessments(assessmentViews(row.application as Application, yield* assessmentRows(id)))
    return { row, communication: communicationView(c), screening: yield* screeningOf(row), assessments }
  })
}
