import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Effect } from 'effect'
import { z } from 'zod'
import { csvColumns, csvRowToInput, FORBIDDEN_FIELD_MESSAGE, safeParseApplication, type ApplicationInput } from '@vbe/core/grants'
import { planSchema, type PlanInput } from '@vbe/core/plans'
import { coded, fieldProblem, MESSAGE_CODES, MESSAGES, messageText, type FieldProblem } from '@vbe/core'
import {
  Clock,
  Conflict,
  createApi,
  Db,
  Forbidden,
  Invalid,
  issueText,
  kitMigrations,
  negotiateLanguage,
  NotFound,
  openDatabase,
  PreconditionRequired,
  RateLimited,
  problemText,
  requireUser,
  textIn,
  toProblem,
  Unauthenticated,
  upsertUser,
  type Database,
} from '../src/index.js'

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'sv'],
    [null, 'sv'],
    ['', 'sv'],
    ['sv', 'sv'],
    ['sv-SE', 'sv'],
    ['SV-se', 'sv'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE', 'sv'],
    ['fi, de', 'sv'],
    ['*', 'sv'],
    ['en, sv', 'en'],
    ['sv, en', 'sv'],
    ['sv;q=0.5, en', 'en'],
    ['en;q=0.5, sv;q=0.8', 'sv'],
    ['en-GB,en;q=0.9,sv;q=0.8', 'en'],
    ['de-DE, en;q=0.7, *;q=0.1', 'en'],
    ['de-DE, sv;q=0.5', 'sv'],
    ['en;q=0, *', 'sv'],
    ['sv;q=0, *', 'en'],
    ['sv;q=0', 'sv'],
    ['sv;q=0.3, en;q=0.3', 'sv'],
    ['en;q=1.0', 'en'],
    // A malformed weight counts as 1 and one above 1 as 1 (Hono's parser, which reads the header).
    ['en;q=abc, sv;q=0.1', 'en'],
    ['en;q=2', 'en'],
    [' en ; q=0.8 ', 'en'],
    ['english', 'sv'],
    ['sve', 'sv'],
    [',,;;', 'sv'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected)
  })
})

describe('texts', () => {
  it('picks a language, falls back to English, and never shows a key', () => {
    expect(textIn({ sv: 'Hej', en: 'Hello' }, 'sv')).toBe('Hej')
    expect(textIn({ sv: 'Hej', en: 'Hello' }, 'en')).toBe('Hello')
    expect(textIn({ sv: '', en: 'Hello' }, 'sv')).toBe('Hello')
    // Core's field problems are worded from their codes, in both languages.
    const tooLong = fieldProblem('name', 'text.tooLong', { max: 200 })
    expect(textIn(problemText(tooLong), 'sv')).toBe('får vara högst 200 tecken')
    expect(textIn(problemText(tooLong), 'en')).toBe('must be at most 200 characters')
    expect(textIn(problemText(fieldProblem('x', 'organisationNumber.checkDigit', { check: 5 })), 'sv')).toBe(
      'kontrollsiffran stämmer inte (den sista siffran ska vara 5)',
    )
  })

  it('words the code a schema at the API edge names, in both languages', () => {
    const schema = z.object({ amount: z.number().int(coded('api.wholeKronor')) })
    const issue = schema.safeParse({ amount: 1.5 }).error!.issues[0]!
    expect(issueText(issue)).toEqual({ sv: 'måste vara hela kronor', en: 'must be whole kronor' })
  })

  it('cannot lose the Swedish when an English text is reworded: the Swedish comes from the code, never from the English', () => {
    // A problem whose English says something else entirely is still worded from its code.
    const problem: FieldProblem = { ...fieldProblem('board', 'value.missing'), message: 'a reworded English text nobody translated' }
    expect(problemText(problem)).toEqual({ sv: 'saknas', en: 'is missing' })
    const error = new Invalid({ detail: { sv: 'Fel.', en: 'Wrong.' }, problems: [{ path: problem.path, message: problemText(problem) }] })
    expect(toProblem(error, 'sv').problem.errors).toEqual([{ path: 'board', message: 'saknas' }])
    // Rewording every English template of the catalogue leaves every Swedish text as it was.
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

  it('maps zod issue codes to messages in both languages, keeping the path', () => {
    const schema = z
      .object({
        name: z.string().min(1).max(5),
        count: z.number().int().min(1).max(10),
        kind: z.enum(['a', 'b']),
        id: z.uuid(),
        mail: z.email(),
        tags: z.array(z.string()).max(1),
        flag: z.boolean(),
        exact: z.literal('x'),
        missing: z.string(),
        when: z.iso.date(),
      })
      .strict()
    const result = schema.safeParse({
      name: '',
      count: 1.5,
      kind: 'c',
      id: 'nope',
      mail: 'x',
      tags: ['a', 'b'],
      flag: 'yes',
      exact: 'y',
      extra: 1,
      when: 'soon',
    })
    const texts = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.') || '(body)', issueText(i)]))
    expect(texts).toEqual({
      name: { sv: 'får inte vara tomt', en: 'must not be empty' },
      count: { sv: 'måste vara ett heltal', en: 'must be a whole number' },
      kind: { sv: 'måste vara något av värdena a, b', en: 'must be one of a, b' },
      id: { sv: 'måste vara ett id (ett UUID)', en: 'must be an id (a UUID)' },
      mail: { sv: 'måste vara en e-postadress', en: 'must be an e-mail address' },
      tags: { sv: 'får innehålla högst 1 poster', en: 'must have at most 1 items' },
      flag: { sv: 'måste vara true eller false', en: 'must be true or false' },
      exact: { sv: 'måste vara "x"', en: 'must be "x"' },
      missing: { sv: 'saknas', en: 'is missing' },
      when: { sv: 'måste vara ett datum skrivet ÅÅÅÅ-MM-DD', en: 'must be a date written YYYY-MM-DD' },
      '(body)': { sv: 'okänt fält: extra', en: 'unknown field: extra' },
    })
    const big = z.object({ n: z.number().max(3), s: z.string().max(2) }).safeParse({ n: 4, s: 'abc' })
    expect(big.error!.issues.map(issueText)).toEqual([
      { sv: 'får vara högst 3', en: 'must be at most 3' },
      { sv: 'får vara högst 2 tecken', en: 'must be at most 2 characters' },
    ])
  })
})

/** Every variant of `value` with one field missing, of the wrong type or out of range, and with an unknown field. */
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
    '8024001235a',
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
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) }
  if (rest.length === 0 && replace === undefined) delete copy[head!]
  else copy[head!] = setAt(copy[head!], rest, replace)
  return copy
}

const application: ApplicationInput = {
  id: 'app-1',
  programme: 'rinkeby-kista/foreningsbidrag',
  amountRequested: 50000,
  association: {
    name: 'Förening',
    organisationNumber: '802400-1235',
    registeredOn: '2019-03-01',
    activitySince: '2019-03-01',
    bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
  },
  statutes: { adoptedOn: '2019-03-01', adoptedAtAnnualMeeting: true },
  board: { electedOn: '2026-03-10', electedAtAnnualMeeting: true, auditorElected: true },
  members: { total: 120, residentInCityShare: 0.8 },
  previousGrants: [{ year: 2025, amount: 40000, reportDue: '2026-03-31', reportSubmittedOn: '2026-03-20' }],
  declaration: { democraticPrinciples: true, humanRights: true, genderEquality: true, signedOn: '2026-09-01' },
  evidence: [
    {
      id: 'e1',
      conduct: 'threat',
      actor: 'representative',
      representativeAge: 30,
      withinActivities: true,
      verified: false,
      date: '2026-05-01',
      source: { kind: 'tip', reference: 'x' },
      summary: 's',
    },
    {
      id: 'e2',
      conduct: 'threat',
      actor: 'organisation',
      withinActivities: true,
      verified: false,
      date: '2026-05-01',
      source: { kind: 'tip' },
    },
  ],
}

const plan: PlanInput = {
  district: 'norrmalm',
  year: 2026,
  status: 'draft',
  contactPoint: { function: 'Samordnare', unit: 'Enheten', email: 'a@example.org', phone: '08-508 000 00' },
  situationPicture: {
    date: '2026-02-15',
    sources: [{ title: 'Lägesbild', date: '2026-02-15', url: 'https://example.org/a' }],
    summary: 'S',
    localProblemPicture: { agreement: 'A', date: '2026-01-20', summary: 'S' },
  },
  sections: [{ id: 's1', text: '' }],
  activities: [
    {
      id: 'a1',
      title: 'T',
      guidelines: ['G2'],
      perspectives: ['P1'],
      measures: ['M2'],
      directivePoints: ['D3'],
      sections: ['s1'],
      responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
      partners: ['kommunstyrelsen'],
      targetGroup: { kind: 'staff', description: 'D' },
      existingStructure: { kind: 'existing', name: 'N' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      risks: [{ riskId: 'R1', mitigation: 'M' }],
      indicators: [
        {
          id: 'i1',
          name: 'N',
          kind: 'effect',
          unit: 'u',
          baseline: { value: 1, date: '2025-11-01' },
          target: { value: 2, date: '2026-12-31' },
          dataSource: 'D',
          owner: 'O',
          frequency: 'tertial',
          followUps: [{ period: 'T1', value: 1, date: '2026-04-30', note: '' }],
        },
        { id: 'i2', name: 'N', kind: 'output', unit: 'u', owner: 'O', frequency: 'yearly' },
      ],
    },
    {
      id: 'a2',
      title: 'T',
      responsible: { actorId: 'x', level: 'central' },
      existingStructure: { kind: 'new', reason: 'R' },
      period: { from: '2026-01-01', to: '2026-12-31' },
    },
  ],
}

describe("core's field messages have Swedish", () => {
  it('for every problem parseApplication gives for a broken application', () => {
    expect(safeParseApplication(application).ok).toBe(true)
    const untranslated = new Set<string>()
    let checked = 0
    for (const m of mutations(application)) {
      const parsed = safeParseApplication(setAt(application, m.path, m.replace))
      if (parsed.ok) continue
      for (const p of parsed.problems) {
        checked++
        const text = problemText(p)
        if (text.sv === text.en || text.en !== p.message) untranslated.add(p.message)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect([...untranslated]).toEqual([])
    const forbidden = safeParseApplication({ ...application, religion: 'x' })
    if (forbidden.ok) throw new Error('an application with a religion field parsed')
    expect(forbidden.problems[0]!.message).toBe(FORBIDDEN_FIELD_MESSAGE)
    expect(textIn(problemText(forbidden.problems[0]!), 'sv')).toMatch(/^prövningen får inte ta hänsyn till religion/)
  })

  it('for every problem the CSV reader gives', () => {
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
    const header = csvColumns(['id', 'id', 'religion', 'nonsense', 'contact.name'], { persons: false })
    const rows = [
      csvRowToInput(columns, ['a']),
      csvRowToInput(columns, ['a', 'a', 'x', 'y', 'N'.repeat(300), 'bad-mail', 'call me', '[oops']),
      csvRowToInput(columns, ['a', 'a', 'x', 'y', '', 'a@example.org', '', '[]']),
    ]
    const all = [...problems, ...header.problems, ...rows.flatMap((r) => r.problems)]
    expect(all.length).toBeGreaterThan(8)
    expect(all.filter((p) => problemText(p).sv === problemText(p).en).map((p) => p.message)).toEqual([])
  })

  it('for every issue planSchema gives for a broken plan at the API edge', () => {
    expect(planSchema.safeParse(plan).error?.issues).toBeUndefined()
    const untranslated = new Set<string>()
    let checked = 0
    for (const m of mutations(plan)) {
      const result = planSchema.safeParse(setAt(plan, m.path, m.replace))
      if (result.success) continue
      for (const issue of result.error.issues) {
        checked++
        const text = issueText(issue)
        if (text.sv === text.en) untranslated.add(issue.message)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect([...untranslated]).toEqual([])
  })
})

describe('toProblem', () => {
  const cases = [
    [new Unauthenticated({}), 'Log in first.', 'Logga in först.'],
    [new Forbidden({ detail: { sv: 'Nej.', en: 'No.' }, code: 'x' }), 'No.', 'Nej.'],
    [
      new NotFound({ entity: { sv: 'ärendet', en: 'case' }, id: '1' }),
      'No such case in your scope.',
      'Det gick inte att hitta ärendet bland det du har tillgång till.',
    ],
    [new Conflict({ detail: { sv: 'Redan gjort.', en: 'Already done.' } }), 'Already done.', 'Redan gjort.'],
    [new PreconditionRequired({ detail: { sv: 'Skicka If-Match.', en: 'Send If-Match.' } }), 'Send If-Match.', 'Skicka If-Match.'],
    [
      new RateLimited({ retryAfterSeconds: 30 }),
      'Too many failed attempts. Try again in 30 seconds.',
      'För många misslyckade försök. Försök igen om 30 sekunder.',
    ],
  ] as const
  it.each(cases)('%s in both languages, same shape', (error, en, sv) => {
    const inEn = toProblem(error, 'en').problem
    const inSv = toProblem(error, 'sv').problem
    expect(inEn.detail).toBe(en)
    expect(inSv.detail).toBe(sv)
    expect(inSv.title).not.toBe(inEn.title)
    expect({ ...inSv, title: '', detail: '' }).toEqual({ ...inEn, title: '', detail: '' })
    expect(error.message).toBe(en)
  })

  it("gives field problems in the language, with the paths unchanged, core's worded from their codes", () => {
    const detail = { sv: 'Saken innehåller fel.', en: 'The thing is invalid.' }
    const error = new Invalid({
      detail,
      problems: [
        { path: 'a.b', message: { sv: 'är fel', en: 'is wrong' } },
        { path: 'c', message: problemText(fieldProblem('c', 'text.empty')) },
      ],
    })
    expect(toProblem(error, 'en').problem).toEqual({
      type: 'https://vbe.invalid/problems/invalid',
      title: 'Invalid request',
      status: 400,
      detail: 'The thing is invalid.',
      errors: [
        { path: 'a.b', message: 'is wrong' },
        { path: 'c', message: 'must not be empty' },
      ],
    })
    expect(toProblem(error, 'sv').problem).toEqual({
      type: 'https://vbe.invalid/problems/invalid',
      title: 'Ogiltig begäran',
      status: 400,
      detail: 'Saken innehåller fel.',
      errors: [
        { path: 'a.b', message: 'är fel' },
        { path: 'c', message: 'får inte vara tomt' },
      ],
    })
    expect(toProblem(new RateLimited({ retryAfterSeconds: 9 }), 'sv').headers).toEqual({ 'retry-after': '9' })
  })
})

describe('problem+json in the requested language over HTTP (PGlite)', () => {
  let database: Database
  const now = new Date('2026-03-01T10:00:00Z')
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
    await Effect.runPromise(
      upsertUser({ username: 'anna', displayName: 'Anna', password: 'secret-1', roles: ['officer'], district: 'rinkeby-kista' }).pipe(
        Effect.provideService(Db, database),
        Effect.provideService(Clock, { now: () => now }),
      ),
    )
  })
  afterAll(() => database?.close())

  const api = () =>
    createApi({
      database,
      clock: { now: () => now },
      authPolicy: { sessionMs: 3600_000, maxFailuresPerUser: 2, maxFailuresPerAddress: 100, windowMs: 60_000 },
    })
  const post = (app: ReturnType<typeof api>, body: string, lang?: string) =>
    app.request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(lang === undefined ? {} : { 'accept-language': lang }) },
      body,
    })

  it('answers the same bad request in Swedish and in English, with Content-Language and the same paths', async () => {
    const app = api()
    const body = JSON.stringify({ username: '', password: 'x'.repeat(1001), extra: true })
    const sv = await post(app, body, 'sv-SE,sv;q=0.9,en;q=0.8')
    const en = await post(app, body, 'en-GB')
    for (const r of [sv, en]) {
      expect(r.status).toBe(400)
      expect(r.headers.get('content-type')).toBe('application/problem+json')
      expect(r.headers.get('vary')).toMatch(/accept-language/i)
    }
    expect(sv.headers.get('content-language')).toBe('sv')
    expect(en.headers.get('content-language')).toBe('en')
    const s = (await sv.json()) as { title: string; detail: string; errors: { path: string; message: string }[] }
    const e = (await en.json()) as typeof s
    expect(s.errors.map((x) => x.path)).toEqual(e.errors.map((x) => x.path))
    expect(e).toMatchObject({ title: 'Invalid request', detail: 'The request body is invalid.' })
    expect(s).toMatchObject({ title: 'Ogiltig begäran', detail: 'Uppgifterna i begäran innehåller fel.' })
    expect(Object.fromEntries(s.errors.map((x) => [x.path, x.message]))).toEqual({
      username: 'får inte vara tomt',
      password: 'får vara högst 1000 tecken',
      '(body)': 'okänt fält: extra',
    })
    expect(Object.fromEntries(e.errors.map((x) => [x.path, x.message]))).toEqual({
      username: 'must not be empty',
      password: 'must be at most 1000 characters',
      '(body)': 'unknown field: extra',
    })
  })

  it('answers in Swedish when the language is missing, unknown or any', async () => {
    const app = api()
    for (const lang of [undefined, 'de-DE', '*', 'fi;q=0.9, nb;q=0.8']) {
      const r = await post(app, '{"username":', lang)
      expect(r.headers.get('content-language'), String(lang)).toBe('sv')
      expect(await r.json()).toMatchObject({
        status: 400,
        detail: 'Innehållet i begäran är inte giltig JSON.',
        errors: [{ path: '(body)', message: 'är inte giltig JSON' }],
      })
    }
    const en = await post(app, '{"username":', 'en')
    expect(await en.json()).toMatchObject({
      detail: 'The request body is not valid JSON.',
      errors: [{ path: '(body)', message: 'is not valid JSON' }],
    })
  })

  it('words login failures, the rate limit, CSRF and unknown routes in the language asked for', async () => {
    const app = api()
    app.get('/api/admin-only', (c) => c.json(requireUser(c, ['admin', 'officer'])))
    const wrong = JSON.stringify({ username: 'anna', password: 'wrong' })
    expect(await (await post(app, wrong, 'sv')).json()).toMatchObject({
      status: 401,
      title: 'Inte inloggad',
      detail: 'Fel användarnamn eller lösenord.',
    })
    expect(await (await post(app, wrong, 'en')).json()).toMatchObject({
      status: 401,
      title: 'Not logged in',
      detail: 'Wrong username or password.',
    })
    const limitedSv = await post(app, wrong, 'sv')
    expect(limitedSv.status).toBe(429)
    expect(limitedSv.headers.get('retry-after')).toBe('60')
    expect(await limitedSv.json()).toMatchObject({
      title: 'För många försök',
      detail: 'För många misslyckade försök. Försök igen om 60 sekunder.',
    })
    const limitedEn = await post(app, wrong, 'en')
    expect(await limitedEn.json()).toMatchObject({
      title: 'Too many attempts',
      detail: 'Too many failed attempts. Try again in 60 seconds.',
    })

    await Effect.runPromise(
      upsertUser({ username: 'bertil', displayName: 'Bertil', password: 'secret-2', roles: ['auditor'], district: null }).pipe(
        Effect.provideService(Db, database),
        Effect.provideService(Clock, { now: () => now }),
      ),
    )
    const login = await post(app, JSON.stringify({ username: 'bertil', password: 'secret-2' }), 'sv')
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const role = await app.request('/api/admin-only', { headers: { cookie, 'accept-language': 'sv' } })
    expect(await role.json()).toMatchObject({
      status: 403,
      code: 'role',
      detail: 'Det här kräver någon av rollerna administratör, handläggare. Du har rollen granskare.',
    })
    expect(await (await app.request('/api/admin-only', { headers: { cookie, 'accept-language': 'en' } })).json()).toMatchObject({
      detail: 'This needs one of the roles admin, officer; you have auditor.',
    })
    const csrf = await app.request('/api/session', { method: 'DELETE', headers: { cookie, 'accept-language': 'sv' } })
    expect(csrf.status).toBe(403)
    expect(await csrf.json()).toMatchObject({
      code: 'csrf',
      title: 'Inte tillåtet',
      detail: 'Rubriken x-csrf-token saknas eller är fel. Hämta token från GET /api/session.',
    })
    const none = await app.request('/api/nothing', { headers: { 'accept-language': 'sv' } })
    expect(none.headers.get('content-language')).toBe('sv')
    expect(await none.json()).toMatchObject({ status: 404, title: 'Hittades inte', detail: 'API:t har ingen adress GET /api/nothing.' })
    expect(await (await app.request('/api/nothing', { headers: { 'accept-language': 'en' } })).json()).toMatchObject({
      title: 'Not found',
      detail: 'No route for GET /api/nothing.',
    })
    const anonymous = await app.request('/api/session', { headers: { 'accept-language': 'sv' } })
    expect(await anonymous.json()).toMatchObject({ status: 401, detail: 'Logga in först.' })
  })
})
