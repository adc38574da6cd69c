// Issuing a decision letter: the case number, who signed, the letter's input, the preview, and freezing it at signing.
import { createHash } from 'node:crypto'
import { Effect } from 'effect'
import { appealFor, explainStructured } from '@vbe/core/grants'
import { formatCaseNumber, grantConditionsFor, type AuthorityOnDay } from '@vbe/core/plugins'
import { stockholmDay } from '@vbe/core/calendar'
import { appendAudit, Clock, Conflict, CurrentUser, hasRole, iso, NotFound, transaction, type Forbidden } from '@vbe/server-kit'
import type { Tables } from '../db/tables.js'
import { caseRow, db, Plugins, requireNoConflict, screeningOf, type CaseRow, type Fx } from '../cases/store.js'
import { issuingAuthority } from './authority.js'
import type { LetterInput, ReplacedDecision, Signatory } from './input.js'
import { letterModels, type LetterModels } from './model.js'

type DecisionRow = Tables['gs_decisions']

/** The issuing authority of a district on a day; a plugin without authority data gets its district committee by name. */
function authorityFor(row: CaseRow, day: string): Fx<AuthorityOnDay> {
  return Effect.map(Plugins, (plugins) => issuingAuthority(plugins, row.district, day))
}

/**
 * The case's number in its authority's diarium: assigned the first time a letter is
 * previewed or issued (the next in the authority's series for the year), and never again.
 */
export function caseNumberOf(row: CaseRow): Fx<string> {
  return transaction(
    Effect.gen(function* () {
      const existing = yield* db('case-number.get', (k) =>
        k.selectFrom('gs_case_numbers').select('case_number').where('case_id', '=', row.id).executeTakeFirst(),
      )
      if (existing) return existing.case_number
      // Serialise the assignment per case: the case row is locked until the transaction ends.
      yield* db('case-number.lock', (k) => k.selectFrom('gs_cases').select('id').where('id', '=', row.id).forUpdate().execute())
      const again = yield* db('case-number.get', (k) =>
        k.selectFrom('gs_case_numbers').select('case_number').where('case_id', '=', row.id).executeTakeFirst(),
      )
      if (again) return again.case_number
      const now = (yield* Clock).now()
      const day = stockholmDay(now)
      const year = Number(day.slice(0, 4))
      const authority = yield* authorityFor(row, day)
      const prefix = authority.caseNumberPrefix
      const { last } = yield* db('case-number.next', (k) =>
        k
          .insertInto('gs_case_number_series')
          .values({ prefix, year, last: 1 })
          .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet((eb) => ({ last: eb('gs_case_number_series.last', '+', 1) })))
          .returning('last')
          .executeTakeFirstOrThrow(),
      )
      const caseNumber = formatCaseNumber(authority.caseNumberFormat, { prefix, year, number: last })
      yield* db('case-number.insert', (k) =>
        k
          .insertInto('gs_case_numbers')
          .values({ case_id: row.id, case_number: caseNumber, prefix, year, number: last, assigned_at: now })
          .execute(),
      )
      return caseNumber
    }),
  )
}

const DEFAULT_TITLES = {
  approver: { sv: 'granskande handläggare', en: 'reviewing officer' },
  officer: { sv: 'handläggare', en: 'grant officer' },
  other: { sv: 'tjänsteperson', en: 'official' },
} as const

/** A person as the letter names them: their display name and their title (from `gs_staff_titles`, else by role). */
export function signatoryOf(username: string, as: 'officer' | 'approver'): Fx<Signatory> {
  return Effect.gen(function* () {
    const user = yield* db('letter.user', (k) =>
      k.selectFrom('vbe_users').select(['display_name', 'roles']).where('username', '=', username).executeTakeFirst(),
    )
    const title = yield* db('letter.title', (k) =>
      k.selectFrom('gs_staff_titles').select(['title_sv', 'title_en']).where('username', '=', username).executeTakeFirst(),
    )
    const roles = (user?.roles ?? '').split(',')
    const byRole = roles.includes(as) ? DEFAULT_TITLES[as] : DEFAULT_TITLES.other
    return {
      // A user who has been removed keeps only their title: a username never reaches a letter.
      name: user?.display_name ?? byRole.sv.charAt(0).toUpperCase() + byRole.sv.slice(1),
      title: title ? { sv: title.title_sv, en: title.title_en } : byRole,
    }
  })
}

/**
 * Evidence a named officer has assessed as relevant. Unassessed and dismissed items
 * never reach a letter, so a finding that rests only on them stays out of it.
 */
export function relevantEvidenceOf(caseId: string): Fx<readonly string[]> {
  return Effect.map(
    db('letter.evidence', (k) =>
      k
        .selectFrom('gs_evidence_assessments')
        .select('evidence_id')
        .where('case_id', '=', caseId)
        .where('status', '=', 'relevant')
        .execute(),
    ),
    (rows) => rows.map((r) => r.evidence_id),
  )
}

/**
 * The decision a correction or reconsideration replaces, as its letter refers to it: the
 * basis and the day the replaced decision was signed (the date of its own letter).
 */
function replacedOf(decision: DecisionRow): Fx<ReplacedDecision | null> {
  return Effect.gen(function* () {
    if (decision.basis === 'original' || decision.refers_to === null) return null
    const refersTo = decision.refers_to
    const old = yield* db('letter.replaced', (k) =>
      k.selectFrom('gs_decision_history').select(['decided_at', 'approved_at']).where('id', '=', refersTo).executeTakeFirst(),
    )
    if (!old) return null
    return { basis: decision.basis, issuedOn: stockholmDay(old.approved_at ?? old.decided_at) }
  })
}

/** The letter's input for a decision, signed by `approval` (or by its stored approver, or by no one). */
function letterInput(row: CaseRow, decision: DecisionRow, approval: { username: string; at: Date } | null): Fx<LetterInput> {
  return Effect.gen(function* () {
    const plugins = yield* Plugins
    const programme = plugins.programme(row.programme)
    const approvedBy = approval?.username ?? decision.approved_by
    const approvedAt = approval?.at ?? decision.approved_at
    const signedAt = approvedAt ?? decision.decided_at
    const issuedOn = stockholmDay(signedAt)
    const authority = yield* authorityFor(row, issuedOn)
    const screening = yield* screeningOf(row)
    return {
      caseNumber: yield* caseNumberOf(row),
      authority: { name: authority.name, formerName: authority.formerName },
      programme: {
        name: programme?.name ?? { sv: row.programme, en: row.programme },
        sources: programme?.sources ?? [],
        appeal: appealFor(programme).text,
        conditions: grantConditionsFor(programme?.conditions),
      },
      association: { name: row.association_name, organisationNumber: row.organisation_number },
      amountRequested: row.amount_requested,
      outcome: screening.outcome,
      decision: {
        kind: decision.kind,
        amount: decision.amount,
        reasons: decision.reasons,
        decidedBy: yield* signatoryOf(decision.decided_by, 'officer'),
        decidedAt: iso(decision.decided_at),
        approvedBy: approvedBy === null ? null : yield* signatoryOf(approvedBy, 'approver'),
        approvedAt: approvedAt === null ? null : iso(approvedAt),
      },
      explanation: explainStructured(screening, { plugins }),
      relevantEvidence: yield* relevantEvidenceOf(row.id),
      reportDue: row.report_due,
      issuedOn,
      replaces: yield* replacedOf(decision),
    }
  })
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

function decisionOf(id: string) {
  return db('letter.decision', (k) => k.selectFrom('gs_decisions').selectAll().where('case_id', '=', id).executeTakeFirst())
}

/**
 * Freezes the letter of a case's decision as it is signed: the model in both languages
 * and its SHA-256. Call it in the transaction that makes the decision final (the sole
 * decision, or the second signature). Later changes to plugins, names or titles do not
 * change an issued letter. Does nothing if the letter is already frozen.
 */
export function freezeLetter(id: string): Fx<void, NotFound> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    const decision = yield* decisionOf(id)
    if (!decision) return
    const done = yield* db('letter.frozen?', (k) =>
      k.selectFrom('gs_letters').select('sha256').where('decision_id', '=', decision.id).executeTakeFirst(),
    )
    if (done) return
    const input = yield* letterInput(row, decision, null)
    const model = JSON.stringify(letterModels(input))
    const now = (yield* Clock).now()
    yield* db('letter.freeze', (k) =>
      k
        .insertInto('gs_letters')
        .values({
          case_id: id,
          decision_id: decision.id,
          decided_at: decision.decided_at,
          case_number: input.caseNumber,
          model,
          sha256: sha256(model),
          frozen_at: now,
        })
        .execute(),
    )
    yield* appendAudit({
      action: 'case.letter.issue',
      entityType: 'case',
      entityId: id,
      district: row.district,
      after: { sha256: sha256(model) },
    })
  })
}

/** A letter in both languages, and the language the decision was written in. */
export interface Letter {
  readonly models: LetterModels
  readonly locale: 'sv' | 'en'
}

const notYet = () =>
  new Conflict({
    detail: {
      sv: 'Det finns inget beslut i ärendet ännu, så det finns inget beslutsbrev.',
      en: 'The case has no decision yet, so there is no decision letter.',
    },
  })

const noLetter = () =>
  new Conflict({
    detail: {
      sv: 'Inget beslutsbrev sparades för det beslutet när det fattades.',
      en: 'No decision letter was kept for that decision when it was made.',
    },
  })

const readFrozen = (decisionId: string) =>
  db('letter.get', (k) => k.selectFrom('gs_letters').selectAll().where('decision_id', '=', decisionId).executeTakeFirst())

/** A frozen letter as stored, after its hash check. */
function opened(caseId: string, frozen: { model: string; sha256: string }): Fx<LetterModels> {
  if (sha256(frozen.model) !== frozen.sha256) return Effect.die(new Error(`An issued letter of case ${caseId} fails its hash check`))
  return Effect.succeed(JSON.parse(frozen.model) as LetterModels)
}

/**
 * The issued (frozen) letter of a decided case: of its current decision, or with `decisionId`
 * of that decision, which may be one a correction or reconsideration replaced (404 if it is not
 * one of the case's decisions). A case decided before letters were frozen has its current
 * decision's letter frozen on first read; a replaced decision's letter is only ever the one stored.
 */
export function issuedLetter(id: string, decisionId?: string): Fx<Letter, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    yield* requireNoConflict(row)
    const decision = yield* decisionOf(id)
    if (decisionId !== undefined && decisionId !== decision?.id) {
      const replaced = yield* db('letter.replaced-decision', (k) =>
        k
          .selectFrom('gs_decision_history')
          .select(['id', 'letter_locale'])
          .where('id', '=', decisionId)
          .where('case_id', '=', id)
          .executeTakeFirst(),
      )
      if (!replaced) return yield* new NotFound({ entity: { sv: 'beslutet', en: 'decision' }, id: decisionId })
      const frozen = yield* readFrozen(replaced.id)
      if (!frozen) return yield* noLetter()
      const models = yield* opened(id, frozen)
      yield* appendAudit({
        action: 'case.letter.read',
        entityType: 'case',
        entityId: id,
        district: row.district,
        after: { decisionId: replaced.id },
      })
      return { models, locale: replaced.letter_locale }
    }
    if (row.status !== 'decided' || !decision) return yield* notYet()
    let frozen = yield* readFrozen(decision.id)
    if (!frozen) {
      yield* transaction(freezeLetter(id))
      frozen = yield* readFrozen(decision.id)
    }
    if (!frozen) return yield* Effect.die(new Error(`The letter of case ${id} could not be frozen`))
    const models = yield* opened(id, frozen)
    yield* appendAudit({ action: 'case.letter.read', entityType: 'case', entityId: id, district: row.district })
    return { models, locale: decision.letter_locale }
  })
}

/**
 * The letter as it will be issued. For a decision awaiting a second signature, an
 * approver sees it signed by themself today: exactly what their signature will issue.
 * For a decided case it is the issued letter.
 */
export function letterPreview(id: string): Fx<Letter, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const row = yield* caseRow(id)
    if (row.status === 'decided') return yield* issuedLetter(id)
    yield* requireNoConflict(row)
    const decision = yield* decisionOf(id)
    if (!decision) return yield* notYet()
    const user = yield* CurrentUser
    const signs = row.status === 'awaiting_approval' && hasRole(user, ['approver']) && user.username !== decision.decided_by
    const approval = signs ? { username: user.username, at: (yield* Clock).now() } : null
    yield* appendAudit({ action: 'case.letter.preview', entityType: 'case', entityId: id, district: row.district })
    return { models: letterModels(yield* letterInput(row, decision, approval)), locale: decision.letter_locale }
  })
}
