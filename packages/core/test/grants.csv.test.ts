import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, CSV_PERSON_COLUMNS, csvColumns, csvRowToInput, FORBIDDEN_FIELD_MESSAGE, safeParseApplication } from '@vbe/core/grants'

const HEADER = [
  'id',
  'programme',
  'amountRequested',
  'association.name',
  'association.organisationNumber',
  'association.activitySince',
  'association.bankAccount.kind',
  'association.bankAccount.number',
  'association.bankAccount.holderIsAssociation',
  'statutes.adoptedOn',
  'statutes.adoptedAtAnnualMeeting',
  'board.electedOn',
  'board.electedAtAnnualMeeting',
  'board.auditorElected',
  'previousGrants',
  'declaration.democraticPrinciples',
  'declaration.humanRights',
  'declaration.genderEquality',
  'declaration.signedOn',
  'evidence',
]
const ROW = [
  'app-1',
  'rinkeby-kista/foreningsbidrag',
  '50000',
  'Kista Ungdomsförening',
  '802400-1235',
  '2019-03-01',
  'bankgiro',
  '5050-1055',
  'true',
  '2019-03-01',
  'true',
  '2026-03-10',
  'true',
  'true',
  '[{"year":2025,"amount":40000,"reportDue":"2026-03-31","reportSubmittedOn":"2026-03-20"}]',
  'true',
  'true',
  'true',
  '2026-09-01',
  '[]',
]

const columnsOf = (header: readonly string[]) => {
  const { columns, problems } = csvColumns(header)
  expect(problems).toEqual([])
  return columns
}

describe('CSV columns', () => {
  it('lists every application column once, and the person columns apart', () => {
    const names = CSV_COLUMNS.map(([name]) => name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toContain('association.bankAccount.holderIsAssociation')
    expect(CSV_PERSON_COLUMNS).toEqual(['contact.name', 'contact.email', 'contact.phone'])
    for (const person of CSV_PERSON_COLUMNS) expect(names).not.toContain(person)
  })

  it('accepts the documented header in any order, trimming names and a byte-order mark', () => {
    const { columns, problems } = csvColumns(['\uFEFFevidence', ' id ', 'amountRequested', 'contact.name'])
    expect(problems).toEqual([])
    expect(columns).toEqual([
      { name: 'evidence', path: ['evidence'], type: 'json', target: 'application' },
      { name: 'id', path: ['id'], type: 'string', target: 'application' },
      { name: 'amountRequested', path: ['amountRequested'], type: 'number', target: 'application' },
      { name: 'contact.name', path: ['contact', 'name'], type: 'string', target: 'person' },
    ])
  })

  it('rejects unknown, repeated and forbidden columns, one problem each', () => {
    const { problems } = csvColumns(['id', 'colour', 'id', 'association.Ethnicity', 'religion'])
    expect(problems).toMatchObject([
      { path: 'colour', message: 'unknown column; remove it or give it the name of one of the columns of the application format' },
      { path: 'id', message: 'the column appears twice' },
      { path: 'association.Ethnicity', message: FORBIDDEN_FIELD_MESSAGE },
      { path: 'religion', message: FORBIDDEN_FIELD_MESSAGE },
    ])
  })

  it('rejects the person columns when the caller takes in no personal data', () => {
    expect(csvColumns(['id', 'contact.name', 'contact.email'], { persons: false }).problems).toMatchObject([
      { path: 'contact.name', message: 'person columns are not read here; remove this column' },
      { path: 'contact.email', message: 'person columns are not read here; remove this column' },
    ])
    expect(csvColumns(['contact.address']).problems).toMatchObject([
      { path: 'contact.address', message: 'unknown column; remove it or give it the name of one of the columns of the application format' },
    ])
  })
})

describe('csvRowToInput', () => {
  it('builds the nested application from dotted, typed and JSON cells, which then parses', () => {
    const { input, persons, problems } = csvRowToInput(columnsOf(HEADER), ROW)
    expect(problems).toEqual([])
    expect(persons).toEqual([])
    expect(input).toMatchObject({
      id: 'app-1',
      amountRequested: 50000,
      association: { name: 'Kista Ungdomsförening', bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true } },
      board: { electedOn: '2026-03-10', electedAtAnnualMeeting: true, auditorElected: true },
      previousGrants: [{ year: 2025, amount: 40000 }],
      evidence: [],
    })
    expect(safeParseApplication(input)).toMatchObject({ ok: true })
  })

  it('leaves empty cells out, and passes cells that do not fit their type on as text for the parser to report', () => {
    const columns = columnsOf(['id', 'amountRequested', 'board.auditorElected', 'members.total', 'association.registeredOn'])
    const { input, problems } = csvRowToInput(columns, ['a', '12 000', 'yes', '-3.5', ''])
    expect(problems).toEqual([])
    expect(input).toEqual({ id: 'a', amountRequested: '12 000', board: { auditorElected: 'yes' }, members: { total: -3.5 } })
  })

  it('reports a JSON cell that does not parse and reads the rest of the row', () => {
    const { input, problems } = csvRowToInput(columnsOf(['id', 'evidence']), ['a', '[{"id":'])
    expect(input).toEqual({ id: 'a' })
    expect(problems).toMatchObject([{ path: 'evidence', message: expect.stringMatching(/^is not valid JSON \(/) }])
  })

  it('reads nothing from a row with a different number of cells than the header', () => {
    const columns = columnsOf(['id', 'programme'])
    expect(csvRowToInput(columns, ['a'])).toMatchObject({
      input: null,
      persons: [],
      problems: [{ path: '(row)', message: 'has 1 fields, the header has 2' }],
    })
    expect(csvRowToInput(columns, ['a', 'b', 'c']).problems).toMatchObject([{ path: '(row)', message: 'has 3 fields, the header has 2' }])
  })

  it('never writes to an object prototype, even from columns the header check rejected', () => {
    const { columns, problems } = csvColumns(['__proto__.polluted', 'constructor.prototype.polluted'])
    expect(problems).toHaveLength(2)
    const { input } = csvRowToInput(columns, ['yes', 'yes'])
    expect(input).toEqual({})
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('contact person columns', () => {
  const header = [...HEADER, 'contact.name', 'contact.email', 'contact.phone']

  it('returns the contact apart from the application, which stays in the exchange format', () => {
    const { input, persons, problems } = csvRowToInput(columnsOf(header), [
      ...ROW,
      ' Amina Berg ',
      'amina@example.se',
      '+46 (0)8-508 000 00',
    ])
    expect(problems).toEqual([])
    expect(persons).toEqual([{ role: 'contact', name: 'Amina Berg', email: 'amina@example.se', phone: '+46 (0)8-508 000 00' }])
    expect(input).not.toHaveProperty('contact')
    expect(safeParseApplication(input)).toMatchObject({ ok: true })
  })

  it('leaves out empty e-mail and phone, and gives no person without a name', () => {
    const columns = columnsOf(header)
    expect(csvRowToInput(columns, [...ROW, 'Amina Berg', '', '']).persons).toEqual([{ role: 'contact', name: 'Amina Berg' }])
    expect(csvRowToInput(columns, [...ROW, '', '', ''])).toMatchObject({ persons: [], problems: [] })
    expect(csvRowToInput(columns, [...ROW, ' ', 'amina@example.se', ''])).toMatchObject({
      persons: [],
      problems: [{ path: 'contact.name', message: 'is required when contact.email or contact.phone is given' }],
    })
  })

  it.each([
    ['no @', 'amina.example.se'],
    ['two @', 'amina@berg@example.se'],
    ['no dot after the @', 'amina@example'],
    ['a dot only at the end', 'amina@example.'],
    ['nothing before the @', '@example.se'],
    ['a space', 'amina berg@example.se'],
  ])('rejects an e-mail address with %s', (_what, email) => {
    const { persons, problems } = csvRowToInput(columnsOf(header), [...ROW, 'Amina Berg', email, ''])
    expect(persons).toEqual([])
    expect(problems).toMatchObject([{ path: 'contact.email', message: expect.stringContaining('one @ and a dot after it') }])
  })

  it.each(['08-508 000 00', '+46 8 508 000 00', '(08) 508 000 00'])('accepts the phone number %s', (phone) => {
    expect(csvRowToInput(columnsOf(header), [...ROW, 'Amina Berg', '', phone]).persons).toEqual([
      { role: 'contact', name: 'Amina Berg', phone },
    ])
  })

  it.each(['08/508 000 00', 'ring mig', '()', '+'.repeat(41)])('rejects the phone number %s', (phone) => {
    expect(csvRowToInput(columnsOf(header), [...ROW, 'Amina Berg', '', phone]).problems).toMatchObject([
      { path: 'contact.phone', message: expect.stringContaining('digits, spaces, +, - and parentheses') },
    ])
  })

  it('rejects an overlong name', () => {
    expect(csvRowToInput(columnsOf(header), [...ROW, 'A'.repeat(201), '', '']).problems).toMatchObject([
      { path: 'contact.name', message: 'must be at most 200 characters' },
    ])
  })
})
