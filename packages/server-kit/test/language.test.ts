import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Effect } from 'effect'
import { z } from 'zod'
import { coded, fieldProblem, type FieldProblem } from '@vbe/core'
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
    // That the catalogue's Swedish never depends on its English is core's to prove (core's messages.test.ts).
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

  it('quotes what someone typed with the language’s quotation marks: ”…” in Swedish, “…” in English', () => {
    const error = new Invalid({
      detail: { sv: 'Fel.', en: 'Wrong.' },
      problems: [
        { path: 'on', message: problemText(fieldProblem('on', 'date.invalid', { got: '2026-02-30' })) },
        {
          path: 'decisionReference',
          message: { sv: 'måste fyllas i, till exempel "SDN 2017-09-21 §10"', en: 'is required, for example "SDN 2017-09-21 §10"' },
        },
        { path: 'height', message: { sv: 'skrivs 5\'11" ibland', en: 'sometimes written 5\'11"' } },
      ],
    })
    expect(toProblem(error, 'sv').problem.errors?.map((e) => e.message)).toEqual([
      'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav ”2026-02-30”)',
      'måste fyllas i, till exempel ”SDN 2017-09-21 §10”',
      // A lone straight quote is not a quotation.
      'skrivs 5\'11" ibland',
    ])
    expect(toProblem(error, 'en').problem.errors?.map((e) => e.message)).toEqual([
      'must be a real date written YYYY-MM-DD, got “2026-02-30”',
      'is required, for example “SDN 2017-09-21 §10”',
      'sometimes written 5\'11"',
    ])
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
      // An unknown field at its own path: the message names no key.
      extra: 'okänt fält',
    })
    expect(Object.fromEntries(e.errors.map((x) => [x.path, x.message]))).toEqual({
      username: 'must not be empty',
      password: 'must be at most 1000 characters',
      extra: 'unknown field',
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
    expect(limitedSv.headers.get('retry-after')).toBe('30')
    expect(await limitedSv.json()).toMatchObject({
      title: 'För många försök',
      detail: 'För många misslyckade försök. Försök igen om 30 sekunder.',
    })
    const limitedEn = await post(app, wrong, 'en')
    expect(await limitedEn.json()).toMatchObject({
      title: 'Too many attempts',
      detail: 'Too many failed attempts. Try again in 30 seconds.',
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
