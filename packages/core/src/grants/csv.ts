import type { FieldProblem } from '../shared/index.js'
import { FORBIDDEN_FIELD_MESSAGE, isForbiddenFieldName } from './application.js'

/*
 * Applications as CSV rows (docs/grants.md, "CSV columns"). This module is pure: it
 * takes a header and rows that a CSV parser has already split into cells, checks the
 * header once, and turns each row into an application input object for
 * `parseApplication`. Nested fields use dotted column names; the lists (earlier grants
 * and evidence) are JSON in one cell.
 *
 * The optional `contact.*` columns carry a contact person for the grant-screening app.
 * They are not part of the application exchange format and never reach screening:
 * they are returned separately, as `persons`.
 */

/** How a cell is read: as text, a number, `true`/`false` or JSON. */
export type CsvColumnType = 'string' | 'number' | 'boolean' | 'json'

/** The application columns, in the documented order, with the type of each. */
export const CSV_COLUMNS: ReadonlyArray<readonly [name: string, type: CsvColumnType]> = Object.freeze([
  ['id', 'string'],
  ['programme', 'string'],
  ['amountRequested', 'number'],
  ['association.name', 'string'],
  ['association.organisationNumber', 'string'],
  ['association.registeredOn', 'string'],
  ['association.activitySince', 'string'],
  ['association.bankAccount.kind', 'string'],
  ['association.bankAccount.number', 'string'],
  ['association.bankAccount.holderIsAssociation', 'boolean'],
  ['statutes.adoptedOn', 'string'],
  ['statutes.adoptedAtAnnualMeeting', 'boolean'],
  ['board.electedOn', 'string'],
  ['board.electedAtAnnualMeeting', 'boolean'],
  ['board.auditorElected', 'boolean'],
  ['members.total', 'number'],
  ['members.residentInCityShare', 'number'],
  ['previousGrants', 'json'],
  ['declaration.democraticPrinciples', 'boolean'],
  ['declaration.humanRights', 'boolean'],
  ['declaration.genderEquality', 'boolean'],
  ['declaration.signedOn', 'string'],
  ['evidence', 'json'],
] as const)

/** The optional person columns: a contact person, kept apart from the application. */
export const CSV_PERSON_COLUMNS = Object.freeze(['contact.name', 'contact.email', 'contact.phone'] as const)

export type CsvPersonColumn = (typeof CSV_PERSON_COLUMNS)[number]

/** One checked header column. `person` columns go to `persons`, never to the application. */
export interface CsvColumn {
  readonly name: string
  readonly path: readonly string[]
  readonly type: CsvColumnType
  readonly target: 'application' | 'person'
}

export interface CsvColumnsOptions {
  /**
   * Whether the `contact.*` person columns are accepted (default `true`). With `false`
   * they are rejected, for callers that only screen and must not take in personal data.
   */
  readonly persons?: boolean
}

/** A contact person from the `contact.*` columns. */
export interface CsvPerson {
  readonly role: 'contact'
  readonly name: string
  readonly email?: string
  readonly phone?: string
}

export interface CsvRow {
  /**
   * The application input for `parseApplication`, with empty cells left out; `null`
   * when the row has a different number of cells than the header (nothing is read).
   */
  readonly input: Record<string, unknown> | null
  /** The contact person, when `contact.name` is filled in; otherwise empty. */
  readonly persons: CsvPerson[]
  /** Problems with single cells (bad JSON, a bad contact e-mail) or with the row's length. */
  readonly problems: FieldProblem[]
}

const COLUMN_TYPES: ReadonlyMap<string, CsvColumnType> = new Map(CSV_COLUMNS)
const PERSON_COLUMNS: ReadonlySet<string> = new Set(CSV_PERSON_COLUMNS)

const NUMBER = /^-?\d+(\.\d+)?$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$/
const PHONE = /^[\d +\-()]+$/
const MAX_NAME = 200
const MAX_EMAIL = 254
const MAX_PHONE = 40

/**
 * Checks a header row once: every column must be a known one, none may appear twice,
 * and none may name something screening may not consider. Names are trimmed and a
 * leading byte-order mark is ignored. The columns come back in header order, one per
 * header cell, for `csvRowToInput`.
 */
export function csvColumns(header: readonly string[], options: CsvColumnsOptions = {}): { columns: CsvColumn[]; problems: FieldProblem[] } {
  const acceptPersons = options.persons ?? true
  const problems: FieldProblem[] = []
  const columns: CsvColumn[] = []
  const seen = new Set<string>()
  header.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim()
    const path = name.split('.')
    if (seen.has(name)) problems.push({ path: name, message: 'the column appears twice' })
    seen.add(name)
    if (PERSON_COLUMNS.has(name)) {
      if (!acceptPersons) problems.push({ path: name, message: 'person columns are not read here; remove this column' })
      columns.push({ name, path, type: 'string', target: 'person' })
      return
    }
    const type = COLUMN_TYPES.get(name)
    if (path.some(isForbiddenFieldName)) problems.push({ path: name, message: FORBIDDEN_FIELD_MESSAGE })
    else if (type === undefined) problems.push({ path: name, message: 'unknown column; see docs/grants.md for the columns' })
    columns.push({ name, path, type: type ?? 'string', target: 'application' })
  })
  return { columns, problems }
}

/** A cell that could not be read (its problem has been reported). */
const UNREADABLE: unique symbol = Symbol('unreadable')

/** Reads one cell by its column's type; a cell that does not fit is passed on as text for the parser to report. */
function cellValue(column: CsvColumn, cell: string, problems: FieldProblem[]): unknown {
  switch (column.type) {
    case 'number':
      return NUMBER.test(cell) ? Number(cell) : cell
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : cell
    case 'json':
      try {
        return JSON.parse(cell) as unknown
      } catch (error) {
        problems.push({ path: column.name, message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` })
        return UNREADABLE
      }
    case 'string':
      return cell
  }
}

/** Keys that would reach an object's prototype; no column has them, and a row never writes them. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor'])

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (path.some((key) => UNSAFE_KEYS.has(key))) return
  let node = target
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!
    const next = Object.hasOwn(node, key) ? node[key] : undefined
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>
    else {
      const created: Record<string, unknown> = {}
      node[key] = created
      node = created
    }
  }
  node[path[path.length - 1]!] = value
}

function contactPerson(cells: ReadonlyMap<CsvPersonColumn, string>, problems: FieldProblem[]): CsvPerson[] {
  const name = cells.get('contact.name')
  const email = cells.get('contact.email')
  const phone = cells.get('contact.phone')
  if (name === undefined) {
    if (email !== undefined || phone !== undefined) problems.push({ path: 'contact.name', message: 'is required when contact.email or contact.phone is given' })
    return []
  }
  const before = problems.length
  if (name.length > MAX_NAME) problems.push({ path: 'contact.name', message: `must be at most ${MAX_NAME} characters` })
  if (email !== undefined && (email.length > MAX_EMAIL || !EMAIL.test(email)))
    problems.push({ path: 'contact.email', message: 'must be an e-mail address with one @ and a dot after it, for example namn@example.se' })
  if (phone !== undefined && (phone.length > MAX_PHONE || !PHONE.test(phone) || !/\d/.test(phone)))
    problems.push({ path: 'contact.phone', message: 'must be a phone number of digits, spaces, +, - and parentheses, for example 08-508 000 00' })
  if (problems.length > before) return []
  return [{ role: 'contact', name, ...(email === undefined ? {} : { email }), ...(phone === undefined ? {} : { phone }) }]
}

/**
 * Turns one CSV row into an application input object (empty cells are absent fields)
 * and the contact person, if any. The row must have one cell per header column;
 * otherwise `input` is `null` and the only problem is at path `(row)`. Cells that are
 * not valid JSON are reported here; everything else about the application is checked
 * by `parseApplication`. Person cells are trimmed and validated lightly.
 */
export function csvRowToInput(columns: readonly CsvColumn[], row: readonly string[]): CsvRow {
  if (row.length !== columns.length) {
    return { input: null, persons: [], problems: [{ path: '(row)', message: `has ${row.length} fields, the header has ${columns.length}` }] }
  }
  const problems: FieldProblem[] = []
  const input: Record<string, unknown> = {}
  let personCells: Map<CsvPersonColumn, string> | undefined
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!
    const cell = row[i]!
    if (column.target === 'person') {
      const text = cell.trim()
      if (text !== '') (personCells ??= new Map()).set(column.name as CsvPersonColumn, text)
      continue
    }
    if (cell === '') continue
    const value = cellValue(column, cell, problems)
    if (value !== UNREADABLE) setPath(input, column.path, value)
  }
  const persons = personCells === undefined ? [] : contactPerson(personCells, problems)
  return { input, persons, problems }
}
