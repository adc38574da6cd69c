/**
 * Every field an import can report is told in words, in Swedish and English, with the CSV
 * column it came from (ui/src/field-words.ts). The column list is tied to core's CSV
 * columns, so a column added there without words fails here; and a real import over HTTP in
 * which every column is wrong checks each path the server actually reports, nested ones
 * (a previous grant's amount, an evidence item's source) included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_COLUMNS, CSV_PERSON_COLUMNS } from '@vbe/core/grants'
import {
  csvColumnOf,
  csvTemplate,
  FIELD_LABELS,
  fieldWords,
  FORMAT_TEXTS,
  IMPORT_COLUMNS,
  PERSON_LABELS,
  type Translate,
} from '../ui/src/field-words.js'
import { en } from '../ui/src/messages/en.js'
import { sv, type Messages } from '../ui/src/messages/sv.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/** The UI's `t` over one language's messages; a key it lacks, or a placeholder left unfilled, fails the test. */
const translator =
  (messages: Messages): Translate =>
  (key, vars) => {
    const text = messages[key]
    if (text === undefined) throw new Error(`no message ${key}`)
    return text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = vars?.[name]
      if (value === undefined) throw new Error(`${key}: no value for {${name}}`)
      return String(value)
    })
  }
const LANGS = [
  ['sv', translator(sv)],
  ['en', translator(en as Messages)],
] as const

/** Words an officer reads: no path, no identifier in camelCase, no brackets, no dotted name. */
const readsAsWords = (words: string | undefined, path: string) => {
  expect(words, path).toBeTruthy()
  expect(words, path).not.toMatch(/[a-z][A-Z]|[[\]]|\w\.\w|\(row\)/)
  expect(words, path).not.toBe(path)
  // A one-word path may be an English word ("Grant programme"); a dotted, indexed or camelCase one is not.
  if (/[.[A-Z]/.test(path)) expect(words, path).not.toContain(path)
}

describe('field words: the import columns', () => {
  it('are core’s CSV columns and its contact columns, in the documented order', () => {
    expect(IMPORT_COLUMNS.map((c) => c.name)).toEqual([...CSV_COLUMNS.map(([name]) => name), ...CSV_PERSON_COLUMNS])
    expect(csvTemplate()).toBe(`${[...CSV_COLUMNS.map(([name]) => name), ...CSV_PERSON_COLUMNS].join(',')}\r\n`)
  })

  it('say how each cell is written in a way that fits how core reads it', () => {
    const coreType = new Map<string, string>([...CSV_COLUMNS, ...CSV_PERSON_COLUMNS.map((c) => [c, 'string'] as const)])
    const readAs = { boolean: 'boolean', amount: 'number', number: 'number', share: 'number', grants: 'json', evidence: 'json' }
    for (const c of IMPORT_COLUMNS)
      expect([c.name, readAs[c.format as keyof typeof readAs] ?? 'string']).toEqual([c.name, coreType.get(c.name)])
  })

  it.each(LANGS)('each has words in %s, and so has how it is written', (_lang, t) => {
    for (const c of IMPORT_COLUMNS) {
      // Its own label, not only its group's ("Föreningen" would not tell a new association column).
      const field = c.name.replace(/^contact\./, '')
      expect([c.name, Object.hasOwn(c.name === field ? FIELD_LABELS : PERSON_LABELS, field)]).toEqual([c.name, true])
      readsAsWords(fieldWords(c.name, t), c.name)
      expect(csvColumnOf(c.name)).toBe(c.name)
      expect(t(FORMAT_TEXTS[c.format])).toBeTruthy()
    }
    // Different columns are told apart.
    const words = IMPORT_COLUMNS.map((c) => fieldWords(c.name, t))
    expect(new Set(words).size).toBe(words.length)
  })

  it('reuses the form’s labels, and words nested paths by their item', () => {
    const [[, tSv], [, tEn]] = LANGS
    expect(fieldWords('association.organisationNumber', tSv)).toBe(sv.newOrganisationNumber)
    expect(fieldWords('application.association.organisationNumber', tEn)).toBe(en.newOrganisationNumber)
    expect(fieldWords('previousGrants[1].amount', tSv)).toBe('Tidigare bidrag 2, belopp i kronor')
    expect(fieldWords('previousGrants[1].amount', tEn)).toBe('Previous grant 2, amount in kronor')
    expect(fieldWords('evidence[0].source.kind', tSv)).toBe('Underlag 1, typ av källa')
    expect(fieldWords('evidence[0].source.kind', tEn)).toBe('Evidence 1, kind of source')
    // An unknown key in a list item is told by its item; an unknown key in a group by the group.
    expect(fieldWords('evidence[2].colour', tSv)).toBe('Underlag 3')
    expect(fieldWords('association.bankAccount.iban', tEn)).toBe(en.bankAccount)
    expect(fieldWords('contact.email', tSv)).toBe('Kontaktperson, e-post')
    expect(fieldWords('persons[0].email', tEn)).toBe('Person 1, e-mail')
    expect(fieldWords('(row)', tSv)).toBe('Hela raden')
    expect(fieldWords('no.such.field', tSv)).toBeUndefined()
    expect(csvColumnOf('previousGrants[1].amount')).toBe('previousGrants')
    expect(csvColumnOf('persons[0].email')).toBe('contact.email')
    expect(csvColumnOf('(row)')).toBeUndefined()
    // A column's name must match whole: "id" is not the column of "idea".
    expect(csvColumnOf('idea')).toBeUndefined()
  })
})

describe('field words: what a real import reports', () => {
  let server: TestServer
  let officer: Client
  beforeAll(async () => {
    server = await startTestServer()
    officer = await server.login('officer.rk')
  })
  afterAll(() => server?.stop())

  it('words every error’s field and names its column, when every column of a row is wrong', async () => {
    const header = IMPORT_COLUMNS.map((c) => c.name)
    const cells = (values: Record<string, string>) =>
      header.map((name) => {
        const v = values[name] ?? ''
        return /[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
      })
    // Every application column wrong (or missing where it is required); a good contact, so the application is read.
    const wrong: Record<string, string> = {
      amountRequested: 'many',
      'association.organisationNumber': '12',
      'association.registeredOn': 'x',
      'association.bankAccount.kind': 'x',
      'association.bankAccount.number': 'x',
      'association.bankAccount.holderIsAssociation': 'maybe',
      'statutes.adoptedOn': 'x',
      'statutes.adoptedAtAnnualMeeting': 'maybe',
      'board.electedOn': 'x',
      'board.electedAtAnnualMeeting': 'maybe',
      'board.auditorElected': 'maybe',
      'members.total': 'x',
      'members.residentInCityShare': '2',
      previousGrants: '[{"year":"x","amount":"x","reportDue":"x","reportSubmittedOn":"x"}]',
      'declaration.democraticPrinciples': 'maybe',
      'declaration.humanRights': 'maybe',
      'declaration.genderEquality': 'maybe',
      'declaration.signedOn': 'x',
      evidence:
        '[{"id":1,"conduct":"x","actor":"x","representativeAge":"x","withinActivities":"x","verified":"x","date":"x","source":{"kind":"x","reference":1},"summary":1}]',
      'contact.name': 'Karin',
    }
    const csv = [
      header.join(','),
      cells(wrong).join(','),
      cells({ 'contact.name': 'Karin', 'contact.email': 'not-an-address', 'contact.phone': 'call me' }).join(','),
      cells({ 'contact.email': 'karin@example.org' }).join(','),
      'too,few',
    ].join('\n')
    const reported = new Set<string>()
    for (const [lang, t] of LANGS) {
      const res = await officer.request('POST', '/api/cases/import', csv, { 'content-type': 'text/csv', 'accept-language': lang })
      const body = (await res.json()) as { imported: unknown[]; errors: { row: number; path: string }[] }
      expect(res.status, JSON.stringify(body)).toBe(200)
      expect(body.imported).toEqual([])
      for (const e of body.errors) {
        readsAsWords(fieldWords(e.path, t), e.path)
        const column = csvColumnOf(e.path)
        if (e.path === '(row)') expect(column).toBeUndefined()
        else {
          expect(header, e.path).toContain(column)
          reported.add(column!)
        }
      }
      // The nested paths are worded by their item, the contact's by the contact.
      const words = body.errors.map((e) => fieldWords(e.path, t))
      expect(words).toEqual(
        expect.arrayContaining(
          lang === 'sv'
            ? [
                'Tidigare bidrag 1, belopp i kronor',
                'Underlag 1, typ av källa',
                'Kontaktperson, e-post',
                'Kontaktperson, namn',
                'Hela raden',
              ]
            : ['Previous grant 1, amount in kronor', 'Evidence 1, kind of source', 'Contact, e-mail', 'Contact, name', 'The whole row'],
        ),
      )
    }
    // Every column's problems were reported, so each column's paths were worded above.
    expect([...reported].sort()).toEqual([...header].sort())
  })
})
