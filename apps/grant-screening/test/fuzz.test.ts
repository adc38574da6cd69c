import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { openCase } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/**
 * fast-check sends malformed bodies to every write endpoint. None may get a 5xx, and
 * every 400 must name each field with its problem, in the language asked for (Swedish
 * and English in turn). RUNS bodies per endpoint: 1 500 by default, which keeps the
 * default test run well inside CI's time; `FUZZ_RUNS=5000` (or more) is the long run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1500)
const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

/** Malformed bodies: anything JSON can carry, and near-misses of the real shapes. */
const jsonish = fc.jsonValue({ maxDepth: 4 })
const nearMiss = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.oneof(v, jsonish)])), { requiredKeys: [] })
const weirdStrings = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.constant('\u0000'),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant('2026-02-30'),
)
const weirdNumbers = fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(1e308), fc.constant(0))
const malformedApplication = fc.oneof(
  jsonish,
  fc.record({ application: jsonish }),
  fc.record({
    application: fc.constantFrom(demoApplication('fz')).chain((a) =>
      fc.record({
        ...Object.fromEntries(
          Object.keys(a).map((k) => [k, fc.oneof(fc.constant((a as Record<string, unknown>)[k]), jsonish, weirdStrings)]),
        ),
      }),
    ),
  }),
)

describe('fuzzing the write endpoints (PGlite)', () => {
  let server: TestServer
  let officer: Client
  let approver: Client
  let admin: Client
  let caseId: string

  beforeAll(async () => {
    server = await startTestServer({ clock })
    officer = await server.login('officer.rk')
    approver = await server.login('approver.rk')
    admin = await server.login('admin')
    caseId = (await openCase(officer, demoApplication('fuzz-case'), { declare: [approver] })).id
  })
  afterAll(() => server?.stop())

  const endpoints: Array<[string, string, () => Client, fc.Arbitrary<unknown>]> = [
    ['POST', '/api/session', () => officer, nearMiss({ username: weirdStrings, password: weirdStrings })],
    ['POST', '/api/screen', () => officer, malformedApplication],
    [
      'POST',
      '/api/cases',
      () => officer,
      fc.oneof(malformedApplication, fc.record({ application: fc.constant(demoApplication('fz2')), persons: jsonish })),
    ],
    [
      'POST',
      '/api/cases/import',
      () => officer,
      fc.oneof(jsonish, fc.array(fc.record({ application: jsonish, persons: jsonish }, { requiredKeys: [] }), { maxLength: 3 })),
    ],
    ['POST', '/api/cases/{id}/conflict', () => officer, nearMiss({ conflict: fc.oneof(fc.string(), fc.integer()), comment: weirdNumbers })],
    [
      'POST',
      '/api/cases/{id}/evidence',
      () => officer,
      nearMiss({
        id: weirdStrings,
        conduct: weirdStrings,
        actor: weirdStrings,
        withinActivities: jsonish,
        verified: jsonish,
        date: weirdStrings,
        source: jsonish,
      }),
    ],
    ['POST', '/api/cases/{id}/notes', () => officer, nearMiss({ text: fc.oneof(weirdNumbers, fc.constant(''), fc.constant('\u0000')) })],
    [
      'POST',
      '/api/cases/{id}/decision',
      () => officer,
      nearMiss({ kind: weirdStrings, amount: weirdNumbers, reasons: fc.oneof(weirdNumbers, fc.constant('')), letterLocale: weirdStrings }),
    ],
    ['POST', '/api/cases/{id}/approval', () => approver, nearMiss({ approve: weirdStrings, comment: weirdNumbers })],
    ['PUT', '/api/cases/{id}/follow-up', () => officer, nearMiss({ reportDue: weirdStrings, reportReceivedOn: weirdNumbers })],
    ['POST', '/api/cases/{id}/reclaim', () => officer, nearMiss({ amount: fc.oneof(weirdStrings, fc.double()), reasons: weirdNumbers })],
    ['DELETE', '/api/persons/{id}', () => admin, nearMiss({ reason: fc.oneof(weirdNumbers, fc.constant('')) })],
  ]

  for (const [method, template, who, arb] of endpoints) {
    it(`${method} ${template}: ${RUNS} malformed bodies, no 5xx, every 400 names the field`, async () => {
      const path = template.replace('{id}', () => caseId)
      const statuses = new Map<number, number>()
      // Sampled up front (seeded, so a failure can be replayed) and sent eight at a time.
      const bodies = fc.sample(arb, { numRuns: RUNS, seed: 20261122 })
      const failures: string[] = []
      let next = 0
      const worker = async () => {
        while (next < bodies.length) {
          const n = next++
          const body = bodies[n]
          const lang = n % 2 === 0 ? 'sv' : 'en'
          const res = await who().request(method, path, JSON.stringify(body), {
            'content-type': 'application/json',
            'accept-language': lang,
          })
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          const text = await res.text()
          const where = `${JSON.stringify(body).slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`
          if (res.status >= 500) failures.push(where)
          else if (res.status === 400) {
            const problem = JSON.parse(text) as { errors?: { path?: unknown; message?: unknown }[] }
            const named =
              (problem.errors?.length ?? 0) > 0 &&
              problem.errors!.every(
                (e) => typeof e.path === 'string' && /\S/.test(e.path) && typeof e.message === 'string' && /\S/.test(e.message),
              )
            if (!named || res.headers.get('content-language') !== lang) failures.push(where)
          }
        }
      }
      await Promise.all(Array.from({ length: 8 }, worker))
      expect(failures.slice(0, 5)).toEqual([])
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS)
      // The generators must reach the validators.
      expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(0)
    })
  }
})
