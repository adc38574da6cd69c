import { fieldProblem, isRecord, requireShapes, shapeProblems, ValidationError, type FieldProblem } from '../shared/index.js'
import { isForbiddenFieldName } from './application.js'

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
  requireShapes('CSV header', [
    ['header', header, 'array'],
    ['options', options, 'object'],
  ])
  requireShapes('CSV header', [
    ['options.persons', options.persons, 'boolean', true],
    ...header.map((cell, i) => [`header[${i}]`, cell, 'string'] as const),
  ])
  const acceptPersons = options.persons ?? true
  const problems: FieldProblem[] = []
  const columns: CsvColumn[] = []
  const seen = new Set<string>()
  header.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim()
    const path = name.split('.')
    if (seen.has(name)) problems.push(fieldProblem(name, 'csv.columnTwice'))
    seen.add(name)
    if (PERSON_COLUMNS.has(name)) {
      if (!acceptPersons) problems.push(fieldProblem(name, 'csv.personColumn'))
      columns.push({ name, path, type: 'string', target: 'person' })
      return
    }
    const type = COLUMN_TYPES.get(name)
    if (path.some(isForbiddenFieldName)) problems.push(fieldProblem(name, 'application.forbiddenField'))
    else if (type === undefined) problems.push(fieldProblem(name, 'csv.unknownColumn'))
    columns.push({ name, path, type: type ?? 'string', target: 'application' })
  })
  return { columns, problems }
}

const COLUMN_TYPE_NAMES: ReadonlySet<unknown> = new Set(['string', 'number', 'boolean', 'json'])

/** Columns must be what `csvColumns` made; anything else is named, field by field. */
function checkColumns(columns: readonly unknown[]): void {
  const problems: FieldProblem[] = []
  columns.forEach((column, i) => {
    const at = `columns[${i}]`
    if (!isRecord(column)) return void problems.push(...shapeProblems([[at, column, 'object']]))
    problems.push(
      ...shapeProblems([
        [`${at}.name`, column['name'], 'string'],
        [`${at}.path`, column['path'], 'array'],
      ]),
    )
    const path = column['path']
    if (Array.isArray(path) && (path.length === 0 || path.some((p) => typeof p !== 'string')))
      problems.push(fieldProblem(`${at}.path`, 'value.invalid'))
    if (!COLUMN_TYPE_NAMES.has(column['type']))
      problems.push(fieldProblem(`${at}.type`, 'value.oneOf', { values: [...COLUMN_TYPE_NAMES] as string[] }))
    if (column['target'] !== 'application' && column['target'] !== 'person')
      problems.push(fieldProblem(`${at}.target`, 'value.oneOf', { values: ['application', 'person'] }))
  })
  if (problems.length > 0) throw new ValidationError('CSV columns', problems)
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
        problems.push(fieldProblem(column.name, 'json.unreadable', { error: error instanceof Error ? error.message : String(error) }))
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
    if (email !== undefined || phone !== undefined) problems.push(fieldProblem('contact.name', 'csv.contactNameRequired'))
    return []
  }
  const before = problems.length
  if (name.length > MAX_NAME) problems.push(fieldProblem('contact.name', 'text.tooLong', { max: MAX_NAME }))
  if (email !== undefined && (email.length > MAX_EMAIL || !EMAIL.test(email)))
    problems.push(fieldProblem('contact.email', 'csv.contactEmail', { example: 'namn@example.se' }))
  if (phone !== undefined && (phone.length > MAX_PHONE || !PHONE.test(phone) || !/\d/.test(phone)))
    problems.push(fieldProblem('contact.phone', 'csv.contactPhone', { example: '08-508 000 00' }))
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
  requireShapes('CSV row', [
    ['columns', columns, 'array'],
    ['row', row, 'array'],
  ])
  requireShapes(
    'CSV row',
    row.map((cell, i) => [`row[${i}]`, cell, 'string'] as const),
  )
  checkColumns(columns)
  if (row.length !== columns.length) {
    return { input: null, persons: [], problems: [fieldProblem('(row)', 'csv.rowLength', { got: row.length, expected: columns.length })] }
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
