// Every 400 the kit writes itself, over real HTTP on loopback (PGlite), in Swedish and in
// English: a body, a query and a path parameter that do not match a route's schema, a
// nested list, an unknown field, a NUL character, JSON that is not JSON or nests too deep,
// and the kit's own sign-in route. Each error names its field by `path` (exactly the field,
// for a form to tell by its own label), its message is words in the asked-for language,
// and no message or detail holds a path, a key or an index ("evidence[0].date", "colour").
// The kit's own request-level 400s carry the code 'request-invalid' (web-kit's
// REQUEST_INVALID), so a form's error summary leaves out their detail.
import { createRoute, z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Effect } from 'effect'
import {
  createApi,
  invalid,
  kitMigrations,
  listen,
  openDatabase,
  PUBLIC,
  REQUEST_INVALID,
  runKit,
  type Database,
  type Listening,
} from '../src/index.js'

interface Problem {
  status: number
  detail: string
  code?: string
  errors: { path: string; message: string }[]
}

let database: Database
let server: Listening

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
  const app = createApi({ database, signIn: { passwordLogin: true, oidc: null }, securityLogStderr: false })
  const evidence = z.strictObject({ date: z.iso.date(), kind: z.enum(['media', 'court']), source: z.string().min(1) })
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/things/{id}',
      security: PUBLIC,
      request: {
        params: z.object({ id: z.uuid() }),
        query: z.object({ limit: z.coerce.number().int().min(1).optional() }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ name: z.string().min(1), amount: z.number().int().min(1), evidence: z.array(evidence).min(1) }),
            },
          },
        },
      },
      responses: { 200: { description: 'Saved' } },
    }),
    (c) => c.json({ ok: true }, 200),
  )
  // An app's own check, after the schema's: its detail is the app's words.
  app.post('/api/evidence', (c) =>
    runKit(
      c,
      Effect.fail(
        invalid({ sv: 'Underlaget sparades inte.', en: 'The evidence item was not saved.' }, [
          { path: 'date', message: { sv: 'Ange datum för händelsen.', en: 'Enter the date of the event.' } },
        ]),
      ),
    ),
  )
  server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' })
})
afterAll(async () => {
  await server?.close()
  await database?.close()
})

const ID = '6f1c2a4e-0b5d-4c8e-9a77-1d2e3f405162'
async function send(lang: 'sv' | 'en', path: string, body: string): Promise<{ status: number; language: string | null; problem: Problem }> {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body,
  })
  return { status: r.status, language: r.headers.get('content-language'), problem: (await r.json()) as Problem }
}

/** Whatever in a text looks like a path or a key: an index, a dotted name, `(body)`, a key of the schema ("evidence" is a word too). */
const PATHLIKE = /\[\d*\]|\b[a-z]+\.[a-z]+|\((body|root|path)\)|\b(colour|extra|amount|source|limit|id|username|password)\b/i

function expectWords(problem: Problem) {
  expect(problem.detail).not.toMatch(PATHLIKE)
  for (const e of problem.errors) {
    expect(e.message, e.path).not.toMatch(PATHLIKE)
    expect(e.message, e.path).toMatch(/^[\p{L}"”“]/u)
  }
}

const bad = JSON.stringify({
  name: '',
  amount: 0,
  evidence: [{ date: '2026-02-30', kind: 'rumour', source: '', colour: 'red' }],
  extra: true,
})

describe("the kit's 400s over HTTP name each field by its path and say what is wrong in words", () => {
  it('a body, in Swedish and English: one error per field, the same paths, no path or key in any message', async () => {
    const sv = await send('sv', `/api/things/${ID}`, bad)
    const en = await send('en', `/api/things/${ID}`, bad)
    for (const [r, lang] of [
      [sv, 'sv'],
      [en, 'en'],
    ] as const) {
      expect(r.status).toBe(400)
      expect(r.language).toBe(lang)
      expect(r.problem.code).toBe(REQUEST_INVALID)
      expectWords(r.problem)
    }
    const byPath = (p: Problem) => Object.fromEntries(p.errors.map((e) => [e.path, e.message]))
    expect(byPath(sv.problem)).toEqual({
      name: 'får inte vara tomt',
      amount: 'måste vara minst 1',
      'evidence[0].date': 'måste vara ett datum skrivet ÅÅÅÅ-MM-DD',
      'evidence[0].kind': 'måste vara något av värdena media, court',
      'evidence[0].source': 'får inte vara tomt',
      'evidence[0].colour': 'okänt fält',
      extra: 'okänt fält',
    })
    expect(byPath(en.problem)).toEqual({
      name: 'must not be empty',
      amount: 'must be at least 1',
      'evidence[0].date': 'must be a date written YYYY-MM-DD',
      'evidence[0].kind': 'must be one of media, court',
      'evidence[0].source': 'must not be empty',
      'evidence[0].colour': 'unknown field',
      extra: 'unknown field',
    })
    expect(sv.problem.detail).toBe('Uppgifterna i begäran innehåller fel.')
    expect(en.problem.detail).toBe('The request body is invalid.')
  })

  it('a query and a path parameter: the field by its path (query.limit, param.id), the message in words', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const query = await send(lang, `/api/things/${ID}?limit=0`, JSON.stringify({ name: 'x', amount: 1, evidence: [] }))
      expect(query.status).toBe(400)
      expect(query.problem.code).toBe(REQUEST_INVALID)
      expect(query.problem.errors).toEqual([{ path: 'query.limit', message: lang === 'sv' ? 'måste vara minst 1' : 'must be at least 1' }])
      const param = await send(lang, '/api/things/not-an-id', bad)
      expect(param.status).toBe(400)
      expect(param.problem.errors).toEqual([
        { path: 'param.id', message: lang === 'sv' ? 'måste vara ett id (ett UUID)' : 'must be an id (a UUID)' },
      ])
      // The detail names where (query, path), never a field's path.
      for (const r of [query, param]) expect(r.problem.detail).not.toMatch(/limit|\bid\b|\[/)
    }
  })

  it('a NUL character deep in the body, JSON that is not JSON or nests too deep: the field or the body, in words', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const nul = await send(lang, `/api/things/${ID}`, JSON.stringify({ name: 'x', amount: 1, evidence: [{ source: 'a\u0000b' }] }))
      expect(nul.status).toBe(400)
      expect(nul.problem.errors.map((e) => e.path)).toEqual(['evidence[0].source'])
      const broken = await send(lang, `/api/things/${ID}`, '{"name":')
      const deep = await send(lang, `/api/things/${ID}`, `${'['.repeat(40)}${']'.repeat(40)}`)
      for (const r of [nul, broken, deep]) {
        expect(r.status).toBe(400)
        expect(r.language).toBe(lang)
        expect(r.problem.code).toBe(REQUEST_INVALID)
        expectWords(r.problem)
      }
      expect(broken.problem.errors).toEqual([{ path: '(body)', message: lang === 'sv' ? 'är inte giltig JSON' : 'is not valid JSON' }])
    }
  })

  it("the kit's own sign-in route: each field by its path, in words, in both languages", async () => {
    const body = JSON.stringify({ username: '', password: 'x'.repeat(1001) })
    const sv = await send('sv', '/api/session', body)
    const en = await send('en', '/api/session', body)
    expect(sv.problem.errors).toEqual([
      { path: 'username', message: 'får inte vara tomt' },
      { path: 'password', message: 'får vara högst 1000 tecken' },
    ])
    expect(en.problem.errors).toEqual([
      { path: 'username', message: 'must not be empty' },
      { path: 'password', message: 'must be at most 1000 characters' },
    ])
    for (const r of [sv, en]) {
      expect(r.status).toBe(400)
      expectWords(r.problem)
    }
  })

  it("an app's own 400 (Invalid) carries no code: its detail is the app's words, for the summary to show", async () => {
    // The value web-kit's REQUEST_INVALID holds too (the kits may not import each other).
    expect(REQUEST_INVALID).toBe('request-invalid')
    const sv = await send('sv', '/api/evidence', '{}')
    const en = await send('en', '/api/evidence', '{}')
    expect(sv.problem).toMatchObject({
      status: 400,
      detail: 'Underlaget sparades inte.',
      errors: [{ path: 'date', message: 'Ange datum för händelsen.' }],
    })
    expect(en.problem).toMatchObject({
      detail: 'The evidence item was not saved.',
      errors: [{ path: 'date', message: 'Enter the date of the event.' }],
    })
    for (const r of [sv, en]) {
      expect(r.problem.code).toBeUndefined()
      expectWords(r.problem)
    }
  })
})
