import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operationsOf, type DocumentOperation, type OpenApiDocument } from './contract.js'
import type { LoginSession } from './password-login.js'

/*
 * Schema-driven fuzzing: every operation of an app's own OpenAPI document gets requests
 * built from what the document declares (path and query parameters, headers, bodies),
 * with hostile values mixed in: NUL characters, JSON nested far too deep, numbers past
 * any integer column, broken %-encoding, wrong types and near misses of the real shapes.
 * Each answer must be below 500, and every 4xx must be problem+json, whose 400s and
 * 413s name each field (or `(body)`) at fault.
 */

/** A JSON Schema as the document holds it (only what the generator reads). */
interface Schema {
  readonly $ref?: string
  readonly type?: string | readonly string[]
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly properties?: Readonly<Record<string, Schema>>
  readonly items?: Schema
  readonly anyOf?: readonly Schema[]
  readonly oneOf?: readonly Schema[]
  readonly allOf?: readonly Schema[]
  readonly format?: string
  readonly minimum?: number
  readonly maximum?: number
}

interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly schema?: Schema
}

interface OperationDetail extends DocumentOperation {
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> }
}

/** One generated request. */
export interface FuzzRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** A session to send with the logged-in requests. */
/** The session the fuzz suite sends its requests with (see `passwordLogin`). */
export type FuzzSession = LoginSession

export interface FuzzOptions {
  /** Starts the app on loopback (a fresh database) and gives its URL; closed after the suite. */
  readonly start: () => Promise<{ readonly url: string; readonly close: () => Promise<unknown> | unknown }>
  /** Logs in a user with wide rights on the started app. */
  readonly login: (url: string) => Promise<FuzzSession>
  /**
   * Real values for path parameters by name (such as an existing case's id), mixed in with
   * the hostile ones so that requests also reach the checks behind a found entity.
   */
  readonly knownValues?: (url: string, session: FuzzSession) => Promise<Readonly<Record<string, readonly string[]>>>
  /** Requests per operation and login state. Default: `VBE_FUZZ_RUNS`, else 6 (a long run: `VBE_FUZZ_RUNS=500`). */
  readonly runs?: number
}

// ---------------------------------------------------------------------------------------
// Hostile values

/** Text a field should refuse or store as it is, never crash on. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '',
    ' ',
    '%00',
    "'; drop table x; --",
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    '../../etc/passwd',
    '\uD800',
    '𝕍𝔹𝔼',
    '2026-02-30',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
)

/** Numbers past what a database integer, a float or a date holds. */
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 2_147_483_648, 3_000_000_000, 99_999_999_999, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5, -0.0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** `encodeURIComponent`, except that a lone surrogate (which it refuses) becomes its broken UTF-8 bytes. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}

/** A path or query value as it goes into the URL: encoded hostile text, or raw broken %-encoding. */
const hostileUrlValue = fc.oneof(
  hostileText.map(encode),
  hostileNumber.map((n) => encode(String(n))),
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00', '%FF%FE', '..%2F..', '99999999999', '3000000000', '-1', '1e309', 'NaN'),
)

/** JSON nested deeper than any API accepts. */
const deepJson = fc
  .constantFrom(40, 1000, 10_000)
  .chain((n) => fc.constantFrom('['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n)))

const brokenJson = fc.constantFrom('{', '{"a":', '[1,]', 'nul', '"\\u0000', '{"a":1}{', '\u0000', '')

// ---------------------------------------------------------------------------------------
// Values from the document's schemas

function resolve(schema: Schema | undefined, document: OpenApiDocument): Schema {
  let s = schema ?? {}
  for (let i = 0; i < 10 && s.$ref; i++) {
    const name = s.$ref.replace('#/components/schemas/', '')
    s = (document.components?.schemas?.[name] as Schema | undefined) ?? {}
  }
  return s
}

/** A value shaped like `schema` (its property names, enums and types), with hostile values mixed in at every level. */
function valueFor(schema: Schema | undefined, document: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, document)
  const wrong = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }))
  if (depth > 5) return wrong
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => valueFor(a, document, depth + 1)), wrong)
  if (s.enum && s.enum.length > 0) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: wrong })
  if (s.const !== undefined) return fc.oneof({ weight: 3, arbitrary: fc.constant(s.const) }, { weight: 1, arbitrary: wrong })
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  const typed: fc.Arbitrary<unknown> | null =
    type === 'object' || s.properties
      ? fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueFor(v, document, depth + 1)])), {
          requiredKeys: [],
        })
      : type === 'array'
        ? fc.array(valueFor(s.items, document, depth + 1), { maxLength: 3 })
        : type === 'string'
          ? fc.oneof(
              hostileText,
              s.format === 'date' ? fc.constantFrom('2026-01-01', '2026-13-45') : fc.string({ maxLength: 12 }),
              s.format === 'uuid' ? fc.uuid() : fc.constant('x'),
            )
          : type === 'integer' || type === 'number'
            ? hostileNumber
            : type === 'boolean'
              ? fc.boolean()
              : null
  return typed ? fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: wrong }) : wrong
}

/** A URL value for a parameter: one the schema allows (an enum, a number), a known real one, or a hostile one. */
function urlValueFor(parameter: Parameter, document: OpenApiDocument, known: readonly string[]): fc.Arbitrary<string> {
  const s = resolve(parameter.schema, document)
  const plausible =
    s.enum && s.enum.length > 0
      ? fc.constantFrom(...s.enum.map(String))
      : s.type === 'integer' || s.type === 'number'
        ? fc.integer({ min: -2, max: 5 }).map(String)
        : fc.string({ maxLength: 12 }).map(encode)
  return fc.oneof(
    { weight: 2, arbitrary: known.length > 0 ? fc.constantFrom(...known.map(encode)) : plausible },
    { weight: 1, arbitrary: plausible },
    { weight: 2, arbitrary: hostileUrlValue },
  )
}

/** Requests for one operation, built from its declaration. */
export function requestsFor(
  operation: OperationDetail,
  document: OpenApiDocument,
  known: Readonly<Record<string, readonly string[]>> = {},
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? []
  const path = fc.tuple(
    ...[
      fc.constant(operation.path),
      ...parameters
        .filter((p) => p.in === 'path')
        .map((p) => urlValueFor(p, document, known[p.name] ?? []).map((v) => [p.name, v] as const)),
    ],
  )
  const query = fc.tuple(
    fc.constant(''),
    ...parameters
      .filter((p) => p.in === 'query')
      .map((p) => fc.option(urlValueFor(p, document, known[p.name] ?? []).map((v) => `${encode(p.name)}=${v}`))),
    fc.option(
      hostileUrlValue.map((v) => `unknown=${v}`),
      { freq: 5 },
    ),
  )
  const headers = fc.record(
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'header')
        .map((p) => [
          p.name,
          fc.oneof(fc.constantFrom('"1"', '"99999999999"', '*', 'W/"x"', ''), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })),
        ]),
    ),
    { requiredKeys: [] },
  )
  const content = operation.requestBody?.content ?? {}
  const jsonSchema = content['application/json']?.schema
  const textTypes = Object.keys(content).filter((t) => t.startsWith('text/'))
  const bodies: Array<fc.Arbitrary<{ type: string; body: string } | undefined>> = []
  if (jsonSchema !== undefined || Object.keys(content).length === 0)
    bodies.push(
      valueFor(jsonSchema, document).map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? 'null' })),
      deepJson.map((body) => ({ type: 'application/json', body })),
      brokenJson.map((body) => ({ type: 'application/json', body })),
    )
  for (const type of textTypes)
    bodies.push(
      fc
        .array(
          fc.array(
            hostileText.map((t) => `"${t.replace(/"/g, '""')}"`),
            { maxLength: 4 },
          ),
          { maxLength: 4 },
        )
        .map((rows) => ({ type, body: ['id,programme,amountRequested', ...rows.map((r) => r.join(','))].join('\n') })),
    )
  // Form bodies (the identity provider's back-channel logout): each field hostile text or a value for its schema.
  const formType = 'application/x-www-form-urlencoded'
  const formSchema = content[formType]?.schema
  if (formSchema !== undefined) {
    const fields = Object.entries(resolve(formSchema, document).properties ?? {})
    bodies.push(
      fc
        .tuple(
          ...fields.map(([name, field]) =>
            fc.option(fc.oneof(hostileText, valueFor(field, document).map(String)).map((v): [string, string] => [name, v])),
          ),
        )
        .map((pairs) => ({ type: formType, body: new URLSearchParams(pairs.filter((p) => p !== null)).toString() })),
    )
  }
  const body = operation.requestBody || operation.method !== 'GET' ? fc.oneof(...bodies) : fc.constant(undefined)
  return fc.record({ path, query, headers, body }).map(({ path: [template, ...values], query: [, ...pairs], headers: h, body: b }) => {
    let url = template
    for (const [name, value] of values) url = url.replace(`{${name}}`, value)
    const q = pairs.filter((p): p is string => p !== null)
    return {
      method: operation.method,
      path: q.length > 0 ? `${url}?${q.join('&')}` : url,
      headers: { ...h, ...(b ? { 'content-type': b.type } : {}) },
      ...(b ? { body: b.body } : {}),
    }
  })
}

// ---------------------------------------------------------------------------------------
// What every answer must be

interface ProblemBody {
  readonly type?: unknown
  readonly title?: unknown
  readonly status?: unknown
  readonly detail?: unknown
  readonly errors?: ReadonlyArray<{ readonly path?: unknown; readonly message?: unknown }>
}

/** What is wrong with an answer (empty when it is right): no 5xx, and every 4xx a problem naming the field at fault. */
export async function answerProblems(response: Response): Promise<string[]> {
  const text = await response.text()
  if (response.status >= 500) return [`answered ${response.status}: ${text.slice(0, 300)}`]
  if (response.status < 400) return []
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
  if (type !== 'application/problem+json') return [`a ${response.status} as ${type || 'no content type'}, not application/problem+json`]
  let problem: ProblemBody
  try {
    problem = JSON.parse(text) as ProblemBody
  } catch {
    return [`a ${response.status} whose problem is not JSON: ${text.slice(0, 200)}`]
  }
  const out: string[] = []
  if (problem.status !== response.status) out.push(`the problem's status ${String(problem.status)} is not the answer's ${response.status}`)
  if (typeof problem.title !== 'string' || typeof problem.detail !== 'string' || problem.detail === '')
    out.push('the problem has no title or detail')
  if (response.status === 400 || response.status === 413) {
    const errors = problem.errors ?? []
    if (errors.length === 0) out.push(`a ${response.status} that names no field: ${text.slice(0, 300)}`)
    for (const e of errors)
      if (typeof e.path !== 'string' || e.path === '' || typeof e.message !== 'string' || e.message === '')
        out.push(`a field error without a path or message: ${JSON.stringify(e)}`)
  }
  return out
}

async function send(url: string, request: FuzzRequest, session: FuzzSession | null): Promise<Response> {
  return fetch(`${url}${request.path}`, {
    method: request.method,
    headers: {
      'accept-language': 'en',
      ...request.headers,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  })
}

const isLogout = (o: DocumentOperation) => o.method === 'DELETE' && o.path === '/api/session'

/**
 * A describe block that fuzzes every operation of the app's OpenAPI document, logged in and
 * not. The logged-in pass runs first and ends with logging out (so one session serves it
 * all); the anonymous pass follows.
 */
export function describeOpenApiFuzz(app: string, options: FuzzOptions): void {
  const runs = options.runs ?? Number(process.env['VBE_FUZZ_RUNS'] ?? 6)
  describe(`fuzzing every operation of the OpenAPI document (${app})`, () => {
    let server: Awaited<ReturnType<FuzzOptions['start']>>
    let document: OpenApiDocument
    let operations: OperationDetail[]
    let session: FuzzSession
    let known: Readonly<Record<string, readonly string[]>> = {}

    beforeAll(async () => {
      server = await options.start()
      document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument
      operations = operationsOf(document) as OperationDetail[]
      operations.sort((a, b) => Number(isLogout(a)) - Number(isLogout(b)))
      session = await options.login(server.url)
      known = (await options.knownValues?.(server.url, session)) ?? {}
    }, 120_000)
    afterAll(() => server?.close())

    for (const [label, loggedIn] of [
      ['logged in', true],
      ['not logged in', false],
    ] as const)
      it(`no 5xx, and every 4xx a problem naming the field, ${label} (${runs} requests per operation)`, async () => {
        expect(operations.length).toBeGreaterThan(0)
        const seen = new Set<number>()
        for (const operation of operations) {
          await fc.assert(
            fc.asyncProperty(requestsFor(operation, document, known), async (request) => {
              const response = await send(server.url, request, loggedIn ? session : null)
              seen.add(response.status)
              const problems = await answerProblems(response)
              const shown = request.body === undefined ? '' : ` with ${request.headers['content-type']} ${request.body.slice(0, 200)}`
              expect(problems, `${request.method} ${request.path.slice(0, 300)}${shown}`).toEqual([])
            }),
            { numRuns: runs, endOnFailure: true },
          )
        }
        // The requests got past the door: refusals for bad input, not only 401s.
        expect([...seen].some((s) => s === 400)).toBe(true)
      }, 600_000)
  })
}
