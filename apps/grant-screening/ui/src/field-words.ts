// An application's fields in words: the one place that knows which label tells each field of
// the exchange format (and each CSV column of the import), so an error's `path` never reaches
// an officer. The new-application form labels its fields from here, the import report words its
// row errors from here, and the import page's column guide and CSV template list the columns
// from here. No React: the node tests import this file (test/field-words.test.ts ties the
// columns to core's CSV columns and checks every one is worded in Swedish and English).
import type { MessageKey } from './messages/sv.js'

/** The translator's shape (`useI18n().t`), so this file needs no React. */
export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string

/** Each application field's label, by its path in the exchange format (without `application.`). */
export const FIELD_LABELS = {
  id: 'newApplicationId',
  programme: 'newProgramme',
  amountRequested: 'newAmount',
  association: 'newSectionAssociation',
  'association.name': 'newAssociationName',
  'association.organisationNumber': 'newOrganisationNumber',
  'association.registeredOn': 'newRegisteredOn',
  'association.activitySince': 'newActivitySince',
  'association.bankAccount': 'bankAccount',
  'association.bankAccount.kind': 'newBankKind',
  'association.bankAccount.number': 'newBankNumber',
  'association.bankAccount.holderIsAssociation': 'newBankHolder',
  statutes: 'newSectionStatutes',
  'statutes.adoptedOn': 'newStatutesAdoptedOn',
  'statutes.adoptedAtAnnualMeeting': 'newStatutesAtAnnualMeeting',
  board: 'newSectionBoard',
  'board.electedOn': 'newBoardElectedOn',
  'board.electedAtAnnualMeeting': 'newBoardAtAnnualMeeting',
  'board.auditorElected': 'newAuditorElected',
  members: 'newSectionMembers',
  'members.total': 'newMembersTotal',
  // The form asks for per cent ("newMembersShare"); the exchange format holds a fraction.
  'members.residentInCityShare': 'fieldMembersShare',
  previousGrants: 'newSectionGrants',
  declaration: 'newSectionDeclaration',
  'declaration.democraticPrinciples': 'newDemocraticPrinciples',
  'declaration.humanRights': 'newHumanRights',
  'declaration.genderEquality': 'newGenderEquality',
  'declaration.signedOn': 'newSignedOn',
  evidence: 'newSectionEvidence',
} as const satisfies Readonly<Record<string, MessageKey>>

export type FieldPath = keyof typeof FIELD_LABELS

/** A previous grant's fields (`previousGrants[n].…`). */
export const GRANT_LABELS = {
  year: 'newGrantYear',
  amount: 'newGrantAmount',
  reportDue: 'newGrantReportDue',
  reportSubmittedOn: 'newGrantReportSubmittedOn',
} as const satisfies Readonly<Record<string, MessageKey>>

/** A person's fields (`persons[n].…`, and the import's `contact.…` columns). */
export const PERSON_LABELS = {
  role: 'newPersonRole',
  name: 'newPersonName',
  email: 'newPersonEmail',
  phone: 'newPersonPhone',
} as const satisfies Readonly<Record<string, MessageKey>>

/** An evidence item's fields as forms take them (its id is the form's own), in form order. */
export const EVIDENCE_FIELDS = [
  'date',
  'conduct',
  'source.kind',
  'actor',
  'representativeAge',
  'withinActivities',
  'verified',
  'source.reference',
  'summary',
] as const
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number]

/** Each evidence field's label, as the case page words it; `id` and `source` come in a file's JSON. */
export const EVIDENCE_LABELS = {
  id: 'fieldEvidenceId',
  date: 'evidenceDate',
  conduct: 'conduct',
  source: 'colSource',
  'source.kind': 'sourceKind',
  actor: 'actor',
  representativeAge: 'representativeAge',
  withinActivities: 'withinActivities',
  verified: 'verified',
  'source.reference': 'sourceReference',
  summary: 'evidenceSummary',
} as const satisfies Readonly<Record<EvidenceField | 'id' | 'source', MessageKey>>

/** How a column's cells are written, in the column guide's words. */
export const FORMAT_TEXTS = {
  text: 'format_text',
  programme: 'format_programme',
  bankKind: 'format_bankKind',
  bankNumber: 'format_bankNumber',
  organisationNumber: 'newOrganisationNumberHint',
  date: 'format_date',
  amount: 'format_amount',
  number: 'format_number',
  share: 'format_share',
  boolean: 'format_boolean',
  grants: 'format_grants',
  evidence: 'format_evidence',
  email: 'format_email',
  phone: 'format_phone',
} as const satisfies Readonly<Record<string, MessageKey>>

export type ColumnFormat = keyof typeof FORMAT_TEXTS

/**
 * The import's CSV columns in the documented order (core's `CSV_COLUMNS`, then its contact
 * columns): each column's header, which is also the path of the field it fills (worded by
 * `fieldWords`), and how its cells are written.
 */
export const IMPORT_COLUMNS: readonly { readonly name: string; readonly format: ColumnFormat }[] = [
  { name: 'id', format: 'text' },
  { name: 'programme', format: 'programme' },
  { name: 'amountRequested', format: 'amount' },
  { name: 'association.name', format: 'text' },
  { name: 'association.organisationNumber', format: 'organisationNumber' },
  { name: 'association.registeredOn', format: 'date' },
  { name: 'association.activitySince', format: 'date' },
  { name: 'association.bankAccount.kind', format: 'bankKind' },
  { name: 'association.bankAccount.number', format: 'bankNumber' },
  { name: 'association.bankAccount.holderIsAssociation', format: 'boolean' },
  { name: 'statutes.adoptedOn', format: 'date' },
  { name: 'statutes.adoptedAtAnnualMeeting', format: 'boolean' },
  { name: 'board.electedOn', format: 'date' },
  { name: 'board.electedAtAnnualMeeting', format: 'boolean' },
  { name: 'board.auditorElected', format: 'boolean' },
  { name: 'members.total', format: 'number' },
  { name: 'members.residentInCityShare', format: 'share' },
  { name: 'previousGrants', format: 'grants' },
  { name: 'declaration.democraticPrinciples', format: 'boolean' },
  { name: 'declaration.humanRights', format: 'boolean' },
  { name: 'declaration.genderEquality', format: 'boolean' },
  { name: 'declaration.signedOn', format: 'date' },
  { name: 'evidence', format: 'evidence' },
  { name: 'contact.name', format: 'text' },
  { name: 'contact.email', format: 'email' },
  { name: 'contact.phone', format: 'phone' },
]

/** The CSV template: the header row with every column, in the documented order. */
export const csvTemplate = (): string => `${IMPORT_COLUMNS.map((c) => c.name).join(',')}\r\n`

/** "Datum för händelsen" in the middle of a sentence; an abbreviation (all capitals) stays as it is. */
export const lowerFirst = (s: string): string => (/^\p{Lu}{2}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase() + s.slice(1))

/** "Tidigare bidrag 2, belopp i kronor": a field of a numbered item (or of the contact person). */
const inItem = (t: Translate, item: string, field: string | undefined): string =>
  field === undefined ? item : t('newInRow', { row: item, field: lowerFirst(field) })

/** The field's words at `path`, or at its nearest ancestor that has words (an unknown key under a known field). */
function nearest(labels: Readonly<Record<string, MessageKey>>, path: string, t: Translate): string | undefined {
  for (let p = path; p !== ''; p = p.replace(/\.?[^.]*$/, '')) {
    const key = Object.hasOwn(labels, p) ? labels[p] : undefined
    if (key !== undefined) return t(key)
  }
  return undefined
}

const ITEM = /^(previousGrants|evidence|persons)\[(\d+)\](?:\.(.+))?$/

/**
 * An error's field in the officer's words: "Organisationsnummer", "Tidigare bidrag 2, belopp
 * i kronor", "Underlag 1, typ av källa", "Kontaktperson, e-post", "Hela raden". Takes the
 * paths the API and the import report use (with or without `application.`); `undefined`
 * for a path it cannot word, which the caller shows without a field rather than as a path.
 */
export function fieldWords(path: string, t: Translate): string | undefined {
  const p = path.replace(/^\(body\)\.?/, '').replace(/^application\./, '')
  if (p === '(row)' || p === '(item)') return t('fieldWholeRow')
  const item = ITEM.exec(p)
  if (item) {
    const [, list, index, rest] = item
    const n = Number(index) + 1
    if (list === 'previousGrants')
      return inItem(t, t('newGrantLegend', { n }), rest === undefined ? undefined : nearest(GRANT_LABELS, rest, t))
    if (list === 'evidence')
      return inItem(t, t('newEvidenceLegend', { n }), rest === undefined ? undefined : nearest(EVIDENCE_LABELS, rest, t))
    return inItem(t, t('newPersonLegend', { n }), rest === undefined ? undefined : nearest(PERSON_LABELS, rest, t))
  }
  const contact = /^contact\.(.+)$/.exec(p)
  if (contact) return inItem(t, t('person_contact'), nearest(PERSON_LABELS, contact[1]!, t))
  return nearest(FIELD_LABELS, p, t)
}

/**
 * The CSV column an import error came from, as the file's header names it: the column is the
 * field's path, a list's items are in its one JSON column, and the CSV's one person is its
 * contact. `undefined` when no single column holds it (a whole row, a bad row length).
 */
export function csvColumnOf(path: string): string | undefined {
  const p = path.replace(/^application\./, '').replace(/^persons\[0\]\./, 'contact.')
  const column = IMPORT_COLUMNS.find((c) => p === c.name || p.startsWith(`${c.name}.`) || p.startsWith(`${c.name}[`))
  return column?.name
}
