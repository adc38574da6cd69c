import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMPORT_BODY_LIMIT } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/*
 * Issue 16, findings 5, 6 and 9 over real HTTP on loopback: body size and JSON depth
 * before authentication, no-store on every API answer, and 400 (never 500) for NUL,
 * integers past a database integer, and broken %-encoding. Plain fetch, not the contract
 * client: some of these answers (413) are the kit's own and no operation declares them.
 */

let server: TestServer
let officer: Client
let admin: Client
let caseId: string
beforeAll(async () => {
  server = await startTestServer()
  officer = await server.login('officer.rk')
  admin = await server.login('admin')
  caseId = (await officer.json('GET', '/api/cases')).body.items[0].id
})
afterAll(() => server?.stop())

const en = { 'accept-language': 'en' }
const problem = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return (await res.json()) as { status: number; detail: string; errors?: { path: string; message: string }[] }
}

/** Streams `chunks` MB with chunked encoding and no Content-Length, unauthenticated. */
function streamMegabytes(path: string, chunks: number, type = 'application/json'): Promise<{ status: number; ms: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type } })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }))
    })
    req.on('error', (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)))
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    let sent = 0
    const write = () => {
      while (sent < chunks) {
        sent++
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      req.end()
    }
    write()
  })
}

describe('request bodies (finding 5)', () => {
  it('refuses an unauthenticated 300 MB body with 413 without reading it all', async () => {
    const res = await streamMegabytes('/api/session', 300)
    expect(res.status).toBe(413)
    const big = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...en },
      body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
    })
    expect(big.status).toBe(413)
    expect(await problem(big)).toMatchObject({ status: 413, errors: [{ path: '(body)', message: 'must be at most 1 MB' }] })
  })

  it('takes more on the import route only', () => {
    expect(IMPORT_BODY_LIMIT).toBeGreaterThan(1024 * 1024)
    return expect(streamMegabytes('/api/cases/import', 2, 'text/csv').then((r) => r.status)).resolves.toBe(401)
  })

  it('answers JSON nested 10 000 deep, unauthenticated, with 400 naming the body', async () => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...en },
      body: '['.repeat(10_000) + ']'.repeat(10_000),
    })
    expect(res.status).toBe(400)
    expect(await problem(res)).toMatchObject({ errors: [{ path: '(body)', message: 'nests deeper than 32 levels' }] })
  })
})

describe('no-store on every API answer (finding 6)', () => {
  it('marks sessions, cases, letters, persons, audit, refusals and unknown paths no-store', async () => {
    const anonymous = await fetch(`${server.url}/api/session`)
    expect([anonymous.status, anonymous.headers.get('cache-control')]).toEqual([401, 'no-store'])
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.rk', password: 'wrong' }),
    })
    expect(login.headers.get('cache-control')).toBe('no-store')
    const paths: Array<[Client, string]> = [
      [officer, '/api/session'],
      [officer, '/api/cases'],
      [officer, `/api/cases/${caseId}`],
      [officer, `/api/cases/${caseId}/letter`],
      [admin, '/api/persons?q=a'],
      [admin, '/api/audit'],
      [admin, '/api/audit/verify'],
      [officer, '/api/audit'],
      [officer, '/api/no-such-thing'],
    ]
    for (const [client, path] of paths) {
      const res = await client.request('GET', path)
      await res.arrayBuffer()
      expect([path, res.status < 500, res.headers.get('cache-control')]).toEqual([path, true, 'no-store'])
    }
  })
})

describe('400, not 500, on bad input (finding 9)', () => {
  it('refuses NUL in a query or path parameter, naming it', async () => {
    const query = await officer.request('GET', '/api/cases?q=a%00b', undefined, en)
    expect(query.status).toBe(400)
    expect((await problem(query)).errors).toEqual([{ path: 'query.q', message: 'must not contain NUL (\\u0000) characters' }])
    const path = await officer.request('GET', '/api/cases/x%00y', undefined, en)
    expect(path.status).toBe(400)
    expect((await problem(path)).errors).toEqual([{ path: 'param.id', message: 'must not contain NUL (\\u0000) characters' }])
    const people = await admin.request('GET', '/api/persons?q=%00', undefined, en)
    expect(people.status).toBe(400)
  })

  it('refuses an event number past a database integer, naming the field', async () => {
    const res = await admin.request('GET', '/api/audit?before=99999999999', undefined, en)
    expect(res.status).toBe(400)
    expect((await problem(res)).errors?.[0]?.path).toBe('query.before')
  })

  it('reports a CSV row with a NUL cell by its row and column, imports the good rows, and keeps the answer true', async () => {
    const header =
      'id,programme,amountRequested,association.name,association.organisationNumber,association.activitySince,association.bankAccount.kind,association.bankAccount.number,association.bankAccount.holderIsAssociation,board.electedOn,board.electedAtAnnualMeeting,board.auditorElected'
    const row = (id: string, name: string) =>
      `${id},rinkeby-kista/foreningsbidrag,10000,${name},802400-1235,2019-01-01,bankgiro,5050-1055,true,2026-03-01,true,true`
    const csv = [header, row('nul-1', 'Förening ett'), row('nul-2', 'Förening\u0000två')].join('\n')
    const before = (await officer.json('GET', '/api/cases?limit=1000')).body.total
    const res = await officer.request('POST', '/api/cases/import', csv, { 'content-type': 'text/csv', ...en })
    const body = (await res.json()) as { imported: { row: number }[]; errors: { row: number; path: string; message: string }[] }
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.imported.map((r) => r.row)).toEqual([2])
    expect(body.errors).toEqual([{ row: 3, path: 'association.name', message: 'must not contain NUL (\\u0000) characters' }])
    expect((await officer.json('GET', '/api/cases?limit=1000')).body.total).toBe(before + 1)
  })

  it('answers broken %-encoding in a UI path with a 404 page, not a 500', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%', '/%ZZ', '/api/cases/%E0%A4%A']) {
      const res = await fetch(`${server.url}${path}`)
      await res.arrayBuffer()
      expect([path, res.status < 500]).toEqual([path, true])
    }
  })
})
