/**
 * The message catalogue: every code is worded in both languages, the Swedish never
 * falls back to the English, and every problem core reports has a code whose texts
 * come out whole (no placeholder left, no parameter missing).
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  codedMessage,
  fieldProblems,
  formatMessage,
  issueMessage,
  isMessageCode,
  MESSAGE_CODES,
  MESSAGES,
  messageParamNames,
  messageText,
  readCodedMessage,
  ValidationError,
  type FieldProblem,
} from '@vbe/core'
import { csvColumns, csvRowToInput, exampleApplication, FORBIDDEN_FIELD_MESSAGE, parseApplication } from '@vbe/core/grants'
import { norrmalmExamplePlan, parsePlan } from '@vbe/core/plans'
import { defineDistrictPlugin } from '@vbe/core/plugins'

/** Every variant of `value` with one field missing, of the wrong type or out of range, or with unknown and forbidden fields. */
function* mutations(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; replace: unknown }> {
  const bad = [
    undefined,
    null,
    '',
    ' ',
    'x',
    'not-a-date',
    '2026-02-30',
    -1,
    0,
    1.5,
    1e9,
    true,
    {},
    [],
    ['x'],
    [{}],
    '802400-1234',
    '112233-4455',
  ]
  for (const b of bad) yield { path, replace: b }
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* mutations(v, [...path, i])
  else if (value !== null && typeof value === 'object') {
    yield { path, replace: { ...(value as object), surprise: 1, religion: 'x' } }
    for (const [k, v] of Object.entries(value)) yield* mutations(v, [...path, k])
  }
}
function setAt(root: unknown, path: readonly (string | number)[], replace: unknown): unknown {
  if (path.length === 0) return replace
  const [head, ...rest] = path
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>
  if (rest.length === 0 && replace === undefined) delete copy[head!]
  else copy[head!] = setAt(copy[head!], rest, replace)
  return copy
}
const problemsOf = (f: () => unknown): readonly FieldProblem[] => {
  try {
    const r = f()
    return r instanceof ValidationError ? r.problems : []
  } catch (e) {
    if (e instanceof ValidationError) return e.problems
    throw e
  }
}

/** Every problem `parse` reports, over every broken variant of `value` (see `mutations`). */
const mutationProblems = (value: unknown, parse: (input: unknown) => unknown): FieldProblem[] =>
  [...mutations(value)].flatMap((m) => problemsOf(() => parse(setAt(value, m.path, m.replace))))

/** A problem is whole when its code is in the catalogue and both texts are filled in, from the code alone. */
function expectWhole(problems: readonly FieldProblem[]): void {
  for (const p of problems) {
    expect(isMessageCode(p.code), p.code).toBe(true)
    const text = messageText(p.code, p.params)
    expect(p.message).toBe(text.en)
    for (const name of messageParamNames(p.code)) {
      // A template may leave a parameter out only when the other language uses it too.
      expect(p.params, `${p.code} lacks ${name}`).toHaveProperty(name)
    }
    expect(text.sv).not.toMatch(/\{\w+(:json)?\}/)
    expect(text.sv).not.toBe(text.en)
    expect(formatMessage(p, 'sv')).toBe(text.sv)
  }
}

/** A field path in a message: `evidence[0]`, or a dotted one such as `.source.kind.`. */
const PATH = /\w+\[\d+\]|\.\w+\./

/** Grant messages are for people: neither language names a field path. */
function expectNoPath(problems: readonly FieldProblem[]): void {
  for (const p of problems) for (const l of ['sv', 'en'] as const) expect(formatMessage(p, l), p.code).not.toMatch(PATH)
}

describe('the message catalogue', () => {
  it('words every code in Swedish and English, differently, with the same parameters', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(100)
    for (const code of MESSAGE_CODES) {
      const entry = MESSAGES[code]
      expect(entry.sv.trim(), code).not.toBe('')
      expect(entry.en.trim(), code).not.toBe('')
      expect(entry.sv, `${code} has no Swedish of its own`).not.toBe(entry.en)
      // The Swedish needs no parameter the English lacks, so a caller who fills the English fills the Swedish.
      const en = new Set([...entry.en.matchAll(/\{(\w+)(?::json)?\}/g)].map((m) => m[1]))
      for (const m of entry.sv.matchAll(/\{(\w+)(?::json)?\}/g)) expect(en.has(m[1]), `${code}: {${m[1]}} only in Swedish`).toBe(true)
    }
  })

  it('cannot lose the Swedish when an English text is reworded: rewording every English template leaves every Swedish text as it was', () => {
    for (const code of MESSAGE_CODES) {
      const params = { got: 'x', max: 1, min: 1, values: ['a'], field: 'f', kind: 'k', id: 'i', first: 'f[0]' }
      const before = messageText(code, params).sv
      const entry = MESSAGES[code] as { sv: string; en: string }
      const en = entry.en
      try {
        entry.en = `reworded: ${en}`
        expect(messageText(code, params).sv, code).toBe(before)
        expect(messageText(code, params).sv, code).not.toMatch(/^reworded/)
      } finally {
        entry.en = en
      }
    }
  })

  it('fills parameters: numbers and texts as they are, lists joined, JSON quoted, { sv, en } in the language', () => {
    expect(messageText('date.invalid', { got: '2026-02-30' })).toEqual({
      sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav "2026-02-30")',
      en: 'must be a real date written YYYY-MM-DD, got "2026-02-30"',
    })
    expect(messageText('value.oneOf', { values: ['a', 'b'] })).toEqual({
      sv: 'måste vara något av värdena a, b',
      en: 'must be one of a, b',
    })
    expect(messageText('translation.missing', { language: { sv: 'svenska', en: 'Swedish' } })).toEqual({
      sv: 'texten på svenska saknas',
      en: 'Swedish text is missing',
    })
    expect(messageText('text.tooLong', { max: 200 })).toEqual({ sv: 'får vara högst 200 tecken', en: 'must be at most 200 characters' })
  })

  it('carries codes through zod as JSON messages, and gives zod’s own issues a code by kind', () => {
    const message = codedMessage('organisationNumber.checkDigit', { check: 5 })
    expect(readCodedMessage(message)).toEqual({ code: 'organisationNumber.checkDigit', params: { check: 5 } })
    expect(readCodedMessage('must be at most 200 characters')).toBeUndefined()
    expect(readCodedMessage('{"code":"no.such.code"}')).toBeUndefined()
    const schema = z.object({ a: z.string().max(2), b: z.number().int(), c: z.enum(['x', 'y']), d: z.string() }).strict()
    const issues = schema.safeParse({ a: 'abc', b: 1.5, c: 'z', e: 1 }).error!.issues
    expect(issues.map(issueMessage)).toEqual([
      { code: 'text.tooLong', params: { max: 2 } },
      { code: 'type.integer', params: {} },
      { code: 'value.oneOf', params: { values: ['x', 'y'] } },
      { code: 'value.missing', params: {} },
      { code: 'field.unknownNamed', params: { key: 'e' } },
    ])
    expect(fieldProblems(schema.safeParse({ a: 'a', b: 1, c: 'x', d: '', e: 1 }).error!)).toEqual([
      { path: 'e', code: 'field.unknown', params: {}, message: 'unknown field' },
    ])
  })
})

describe('every problem core reports has a whole code', () => {
  it('parseApplication, for every broken application', () => {
    const application = exampleApplication()
    const problems = mutationProblems(application, parseApplication)
    expectWhole(problems)
    expect(problems.length).toBeGreaterThan(500)
    // A forbidden field says, in both languages, that screening may not consider it.
    const [forbidden] = problemsOf(() => parseApplication({ ...application, religion: 'x' }))
    expectNoPath([forbidden!])
    expect(forbidden!.message).toBe(FORBIDDEN_FIELD_MESSAGE)
    expect(formatMessage(forbidden!, 'sv')).toMatch(/^prövningen får inte ta hänsyn till religion/)
  })

  it('parsePlan, for every broken plan', () => {
    const problems = mutationProblems(norrmalmExamplePlan, parsePlan)
    expectWhole(problems)
    expect(problems.length).toBeGreaterThan(500)
  })

  it('defineDistrictPlugin, for every broken plugin', () => {
    const plugin = {
      id: 'testby',
      name: { sv: 'Testby', en: 'Testby' },
      contacts: [
        {
          id: 'testby-entry',
          kind: 'municipal-entry',
          name: { sv: 'Ingång', en: 'Entry' },
          phone: '08-508 000 00',
          hours: { summary: { sv: 'Vardagar', en: 'Weekdays' }, weekly: [{ days: ['mon'], opens: '08:00', closes: '16:00' }] },
          audience: { sv: 'Alla', en: 'Everyone' },
          source: { url: 'https://example.org/a', verifiedOn: '2026-01-01' },
        },
      ],
      grantProgrammes: [
        {
          id: 'testby/bidrag',
          name: { sv: 'Bidrag', en: 'Grant' },
          description: { sv: 'B', en: 'G' },
          effective: { from: '2026-01-01' },
          parameters: { maxAmount: 1000 },
          requirements: [],
          sources: [{ level: 'district', title: 'T', reference: 'R', date: '2026-01-01' }],
          verifiedOn: '2026-01-01',
        },
      ],
      planSections: [],
    }
    expect(problemsOf(() => defineDistrictPlugin(plugin as never))).toEqual([])
    const problems = mutationProblems(plugin, (p) => defineDistrictPlugin(p as never))
    expectWhole(problems)
    expect(problems.length).toBeGreaterThan(300)
  })

  it('the CSV reader', () => {
    const { columns, problems } = csvColumns([
      'id',
      'id',
      'religion',
      'nonsense',
      'contact.name',
      'contact.email',
      'contact.phone',
      'previousGrants',
    ])
    const header = csvColumns(['id', 'contact.name'], { persons: false })
    const rows = [
      csvRowToInput(columns, ['a']),
      csvRowToInput(columns, ['a', 'a', 'x', 'y', 'N'.repeat(300), 'bad-mail', 'call me', '[oops']),
      csvRowToInput(columns, ['a', 'a', 'x', 'y', '', 'a@example.org', '', '[]']),
    ]
    const all = [...problems, ...header.problems, ...rows.flatMap((r) => r.problems)]
    expect(new Set(all.map((p) => p.code))).toEqual(
      new Set([
        'csv.columnTwice',
        'application.forbiddenField',
        'csv.unknownColumn',
        'csv.personColumn',
        'csv.rowLength',
        'text.tooLong',
        'csv.contactEmail',
        'csv.contactPhone',
        'json.unreadable',
        'csv.contactNameRequired',
      ]),
    )
    expectWhole(all)
    expectNoPath(all)
  })
})

describe('grant messages are worded for people', () => {
  const item = (id: string, date: string, more: object = {}) => ({
    id,
    conduct: 'threat',
    actor: 'organisation',
    withinActivities: true,
    verified: false,
    date,
    source: { kind: 'tip' },
    ...more,
  })
  const evidence = [item('e1', '2026-05-01'), item('e2', '2026-06-01', { actor: 'representative', representativeAge: 30 })]

  it('names no field path in either language, for every broken application with evidence', () => {
    const problems = mutationProblems(exampleApplication({ evidence } as never), parseApplication)
    expectNoPath(problems)
    expect(problems.length).toBeGreaterThan(500)
  })

  it('names a repeated evidence id by the first item’s place and date, not its path or id', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => item(`e${i}`, `2026-0${1 + (i % 9)}-1${i % 10}`))
    const cases = [
      {
        list: [evidence[0], item('e1', '2026-07-01')],
        sv: 'det första underlaget (daterat 2026-05-01)',
        en: 'the first evidence item (dated 2026-05-01)',
      },
      {
        list: [...twelve, item('e11', '2026-09-09')],
        sv: 'underlag nummer 12 (daterat 2026-03-11)',
        en: 'evidence item number 12 (dated 2026-03-11)',
      },
    ]
    for (const c of cases) {
      const problems = problemsOf(() => parseApplication(exampleApplication({ evidence: c.list } as never)))
      expect(problems.map((p) => p.code)).toEqual(['application.duplicateEvidence'])
      expect(formatMessage(problems[0]!, 'sv')).toBe(`är samma id som ${c.sv} har; varje underlag behöver ett eget id`)
      expect(formatMessage(problems[0]!, 'en')).toBe(`is the same id as ${c.en} has; each evidence item needs an id of its own`)
      expectNoPath(problems)
      for (const l of ['sv', 'en'] as const) expect(formatMessage(problems[0]!, l)).not.toMatch(/\be1\b|"/)
    }
  })

  it('says when an age is given without naming the field or its code', () => {
    const problems = problemsOf(() =>
      parseApplication(exampleApplication({ evidence: [item('e1', '2026-05-01', { representativeAge: 30 })] } as never)),
    )
    expect(problems.map((p) => [p.path, p.code])).toEqual([['evidence[0].representativeAge', 'application.representativeAgeOnly']])
    expect(formatMessage(problems[0]!, 'sv')).toBe('anges bara när uppgiften gäller en företrädare för föreningen, inte föreningen själv')
    for (const l of ['sv', 'en'] as const) expect(formatMessage(problems[0]!, l)).not.toMatch(/actor|representative"|organisation/)
    expectNoPath(problems)
  })
})
