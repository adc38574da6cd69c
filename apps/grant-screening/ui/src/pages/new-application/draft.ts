// The new-application form's state, the request it sends (`{ application, persons }` in the
// exchange format, as POST /api/cases takes it) and the labels its fields' errors are told by.
import { pathMatches, type FieldProblem, type I18n, type Problem } from '@vbe/web-kit'
import type { MessageKey } from '../../messages/sv'
import type { PersonRole } from '../../types'
import { emptyEvidence, evidenceBody, type EvidenceInput } from '../../components/EvidenceFields'
import { EVIDENCE_FIELDS, FIELD_LABELS, fieldWords, GRANT_LABELS, PERSON_LABELS, type EvidenceField } from '../../field-words'

export const BANK_KINDS = ['bankgiro', 'plusgiro', 'bank-account'] as const
export type BankKind = (typeof BANK_KINDS)[number]

export interface PersonRow {
  readonly key: number
  readonly role: PersonRole
  readonly name: string
  readonly email: string
  readonly phone: string
}

export interface GrantRow {
  readonly key: number
  readonly year: string
  readonly amount: string
  readonly reportDue: string
  readonly reportSubmittedOn: string
}

/** An evidence item about the association's conduct, registered with the application. */
export interface EvidenceRow extends EvidenceInput {
  readonly key: number
}

export interface Draft {
  readonly programme: string
  readonly id: string
  readonly amountRequested: string
  readonly name: string
  readonly organisationNumber: string
  readonly registeredOn: string
  readonly activitySince: string
  readonly bankKind: BankKind
  readonly bankNumber: string
  readonly holderIsAssociation: boolean
  readonly statutesAdoptedOn: string
  readonly statutesAtAnnualMeeting: boolean
  readonly boardElectedOn: string
  readonly boardAtAnnualMeeting: boolean
  readonly auditorElected: boolean
  readonly membersTotal: string
  readonly membersShare: string
  readonly democraticPrinciples: boolean
  readonly humanRights: boolean
  readonly genderEquality: boolean
  readonly signedOn: string
  readonly persons: readonly PersonRow[]
  readonly grants: readonly GrantRow[]
  readonly evidence: readonly EvidenceRow[]
}

export const emptyPerson = (key: number, role: PersonRole = 'contact'): PersonRow => ({ key, role, name: '', email: '', phone: '' })
export const emptyGrant = (key: number): GrantRow => ({ key, year: '', amount: '', reportDue: '', reportSubmittedOn: '' })
export const emptyEvidenceRow = (key: number): EvidenceRow => ({ key, ...emptyEvidence() })

export const emptyDraft = (): Draft => ({
  programme: '',
  id: '',
  amountRequested: '',
  name: '',
  organisationNumber: '',
  registeredOn: '',
  activitySince: '',
  bankKind: 'bankgiro',
  bankNumber: '',
  holderIsAssociation: false,
  statutesAdoptedOn: '',
  statutesAtAnnualMeeting: false,
  boardElectedOn: '',
  boardAtAnnualMeeting: false,
  auditorElected: false,
  membersTotal: '',
  membersShare: '',
  democraticPrinciples: false,
  humanRights: false,
  genderEquality: false,
  signedOn: '',
  persons: [emptyPerson(0)],
  grants: [],
  evidence: [],
})

/** The API path of each field, which is also the field's name on the form. */
export const P = {
  programme: 'application.programme',
  id: 'application.id',
  amountRequested: 'application.amountRequested',
  name: 'application.association.name',
  organisationNumber: 'application.association.organisationNumber',
  registeredOn: 'application.association.registeredOn',
  activitySince: 'application.association.activitySince',
  bankKind: 'application.association.bankAccount.kind',
  bankNumber: 'application.association.bankAccount.number',
  holderIsAssociation: 'application.association.bankAccount.holderIsAssociation',
  statutesAdoptedOn: 'application.statutes.adoptedOn',
  statutesAtAnnualMeeting: 'application.statutes.adoptedAtAnnualMeeting',
  boardElectedOn: 'application.board.electedOn',
  boardAtAnnualMeeting: 'application.board.electedAtAnnualMeeting',
  auditorElected: 'application.board.auditorElected',
  membersTotal: 'application.members.total',
  membersShare: 'application.members.residentInCityShare',
  democraticPrinciples: 'application.declaration.democraticPrinciples',
  humanRights: 'application.declaration.humanRights',
  genderEquality: 'application.declaration.genderEquality',
  signedOn: 'application.declaration.signedOn',
} as const satisfies Partial<Record<keyof Draft, string>>

/** Each field's label: its words in `field-words.ts`, but the share is typed here in per cent. */
const label = (k: keyof typeof P): MessageKey =>
  k === 'membersShare' ? 'newMembersShare' : FIELD_LABELS[P[k].replace(/^application\./, '') as keyof typeof FIELD_LABELS]

export const personPath = (i: number, field: keyof typeof PERSON_LABELS): string => `persons[${i}].${field}`
export const grantPath = (i: number, field: keyof typeof GRANT_LABELS): string => `application.previousGrants[${i}].${field}`

export const evidencePath = (i: number, field: EvidenceField): string => `application.evidence[${i}].${field}`

type T = I18n<MessageKey>['t']

/** Every field of the draft: its name (the API path) and the label its errors are told by, in form order. */
export function fieldsOf(draft: Draft, t: T): readonly { readonly name: string; readonly label: string }[] {
  const fixed = (Object.keys(P) as (keyof typeof P)[]).map((k) => ({ name: P[k], label: t(label(k)) }))
  // A row's fields are told by the row ("Tidigare bidrag 2, belopp i kronor"), as field-words.ts words any path.
  const row = (name: string) => ({ name, label: fieldWords(name, t) ?? '' })
  const grants = draft.grants.flatMap((_, i) =>
    (Object.keys(GRANT_LABELS) as (keyof typeof GRANT_LABELS)[]).map((f) => row(grantPath(i, f))),
  )
  const persons = draft.persons.flatMap((_, i) =>
    (Object.keys(PERSON_LABELS) as (keyof typeof PERSON_LABELS)[]).map((f) => row(personPath(i, f))),
  )
  const evidence = draft.evidence.flatMap((_, i) => EVIDENCE_FIELDS.map((f) => row(evidencePath(i, f))))
  return [...fixed, ...grants, ...evidence, ...persons]
}

/**
 * The API's problem told in the form's words: each error moves to its field (its path made the
 * field's name) with the field's label before the message ("Organisationsnummer: kontrollsiffran
 * stämmer inte …"); an error no field owns keeps its message and loses its path, which no
 * officer should have to read. The errors are listed in the form's order. With field errors,
 * `detail` (the form's own words) replaces the API's detail, which may speak of the request
 * ("The request body is invalid").
 */
export function inFormWords(problem: Problem, draft: Draft, fields: ReturnType<typeof fieldsOf>, detail: string): Problem {
  const errors: FieldProblem[] = (problem.errors ?? []).map((e) => {
    const path = formPath(e.path.replace(/^\(body\)\.?/, ''), draft.persons)
    const field = fields.find((f) => f.name === path) ?? fields.find((f) => pathMatches(path, f.name))
    return field ? { path: field.name, message: `${field.label}: ${e.message}` } : { path: '', message: e.message }
  })
  // In the order of the form, as the officer reads it; an error no field owns comes last.
  const place = (e: FieldProblem) => {
    const i = fields.findIndex((f) => f.name === e.path)
    return i < 0 ? fields.length : i
  }
  errors.sort((a, b) => place(a) - place(b))
  return { ...problem, detail: errors.length > 0 ? detail : problem.detail, errors }
}

/** Whole numbers as typed ("50 000"): a number when it reads as one, else the text, which the API refuses in words. */
function number(text: string): number | string | undefined {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.')
  if (s === '') return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : text
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V }

/** The share living in the city as a fraction, or undefined when the percent is not a number from 0 to 100. */
export function shareOf(percent: string): number | undefined {
  const n = number(percent)
  return typeof n === 'number' && n >= 0 && n <= 100 ? Math.round(n * 100) / 10_000 : undefined
}

const isBlank = (p: PersonRow) => p.name.trim() === '' && p.email.trim() === '' && p.phone.trim() === ''

/** The person rows sent: all but those left wholly empty. */
export const personsSent = (rows: readonly PersonRow[]): readonly PersonRow[] => rows.filter((p) => !isBlank(p))

/** An API path as the form's field name: `persons[n]` counts only the rows sent, so it is renumbered to the form's row. */
export function formPath(path: string, rows: readonly PersonRow[]): string {
  const m = /^persons\[(\d+)\]/.exec(path)
  if (!m) return path
  const sent = rows.flatMap((p, i) => (isBlank(p) ? [] : [i]))
  const row = sent[Number(m[1])]
  return row === undefined ? path : path.replace(/^persons\[\d+\]/, `persons[${row}]`)
}

/** The request body for POST /api/cases. Empty texts are left out, so the API says "is missing" of required ones. */
export function requestOf(d: Draft): { application: Record<string, unknown>; persons: Record<string, unknown>[] } {
  const trimmed = (s: string) => s.trim()
  const hasMembers = d.membersTotal.trim() !== '' || d.membersShare.trim() !== ''
  const hasStatutes = d.statutesAdoptedOn !== '' || d.statutesAtAnnualMeeting
  return {
    application: {
      ...optional('id', trimmed(d.id)),
      ...optional('programme', d.programme),
      ...optional('amountRequested', number(d.amountRequested)),
      association: {
        ...optional('name', trimmed(d.name)),
        ...optional('organisationNumber', trimmed(d.organisationNumber)),
        ...optional('registeredOn', d.registeredOn),
        ...optional('activitySince', d.activitySince),
        bankAccount: { kind: d.bankKind, ...optional('number', trimmed(d.bankNumber)), holderIsAssociation: d.holderIsAssociation },
      },
      ...(hasStatutes
        ? { statutes: { ...optional('adoptedOn', d.statutesAdoptedOn), adoptedAtAnnualMeeting: d.statutesAtAnnualMeeting } }
        : {}),
      board: {
        ...optional('electedOn', d.boardElectedOn),
        electedAtAnnualMeeting: d.boardAtAnnualMeeting,
        auditorElected: d.auditorElected,
      },
      ...(hasMembers
        ? {
            members: {
              ...optional('total', number(d.membersTotal)),
              ...optional('residentInCityShare', d.membersShare.trim() === '' ? undefined : shareOf(d.membersShare)),
            },
          }
        : {}),
      previousGrants: d.grants.map((g) => ({
        ...optional('year', number(g.year)),
        ...optional('amount', number(g.amount)),
        ...optional('reportDue', g.reportDue),
        ...optional('reportSubmittedOn', g.reportSubmittedOn),
      })),
      declaration: {
        democraticPrinciples: d.democraticPrinciples,
        humanRights: d.humanRights,
        genderEquality: d.genderEquality,
        ...optional('signedOn', d.signedOn),
      },
      // Each item gets an id of its own (the exchange format asks for one): its place on the form.
      evidence: d.evidence.map((x, i) => ({ id: `evidence-${i + 1}`, ...evidenceBody(x) })),
    },
    // A row left wholly empty (the contact row the form starts with) is not a person; any other row is sent as it is.
    persons: personsSent(d.persons).map((p) => ({
      role: p.role,
      name: p.name.trim(),
      ...optional('email', trimmed(p.email)),
      ...optional('phone', trimmed(p.phone)),
    })),
  }
}
