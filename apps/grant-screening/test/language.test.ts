/**
 * Problems come in the language the request asks for (Accept-Language): Swedish by
 * default, English on request, with Content-Language, and the same fields named either
 * way. A real server on loopback over PGlite.
 */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'
import { checkedFetch } from '@vbe/test-openapi'

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
type Reply = { status: number; headers: Headers; body: any }

/** The same request in Swedish and in English. */
async function inBoth(client: Client, method: string, path: string, body?: unknown): Promise<{ sv: Reply; en: Reply }> {
  const [sv, en] = await Promise.all(
    ['sv-SE,sv;q=0.9,en;q=0.5', 'en-GB,en;q=0.9'].map((lang) => client.json(method, path, body, { 'accept-language': lang })),
  )
  return { sv: sv!, en: en! }
}
const paths = (r: Reply) => (r.body.errors as { path: string }[]).map((e) => e.path)
const messages = (r: Reply) => Object.fromEntries((r.body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]))

/** A request with no Accept-Language header at all (fetch always sends one). */
function bare(url: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method: 'GET' }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('grant-screening problems in Swedish and English (PGlite)', () => {
  let server: TestServer
  let officer: Client
  let caseId: string

  beforeAll(async () => {
    server = await startTestServer({
      clock,
      authPolicy: { sessionMs: 3600_000, maxFailuresPerUser: 2, maxFailuresPerAddress: 1000, windowMs: 15 * 60_000 },
    })
    officer = await server.login('officer.rk')
    const created = await officer.json('POST', '/api/cases', { application: demoApplication('lang-1') })
    caseId = created.body.id
  })
  afterAll(() => server?.stop())

  it('answers the same bad decision in Swedish and in English, naming the same field', async () => {
    const blocked = await inBoth(officer, 'GET', `/api/cases/${caseId}`)
    expect(blocked.sv.body).toMatchObject({
      status: 403,
      code: 'conflict-declaration-required',
      title: 'Inte tillåtet',
      detail: 'Ange om du är jävig innan du öppnar ärendet.',
    })
    expect(blocked.en.body).toMatchObject({
      status: 403,
      code: 'conflict-declaration-required',
      title: 'Forbidden',
      detail: 'Declare whether you have a conflict of interest before opening this case.',
    })
    await officer.json('POST', `/api/cases/${caseId}/conflict`, { conflict: false })

    const { sv, en } = await inBoth(officer, 'POST', `/api/cases/${caseId}/decision`, {
      kind: 'partial',
      reasons: 'Delvis',
      letterLocale: 'sv',
    })
    for (const [r, lang] of [
      [sv, 'sv'],
      [en, 'en'],
    ] as const) {
      expect(r.status).toBe(400)
      expect(r.headers.get('content-type')).toBe('application/problem+json')
      expect(r.headers.get('content-language')).toBe(lang)
      expect(Object.keys(r.body).sort()).toEqual(['detail', 'errors', 'status', 'title', 'type'])
    }
    expect(paths(sv)).toEqual(['amount'])
    expect(paths(en)).toEqual(['amount'])
    expect(sv.body).toMatchObject({
      title: 'Ogiltig begäran',
      detail: 'Beslutet innehåller fel.',
      errors: [{ path: 'amount', message: 'måste fyllas i när bidraget beviljas delvis' }],
    })
    expect(en.body).toMatchObject({
      title: 'Invalid request',
      detail: 'The decision is invalid.',
      errors: [{ path: 'amount', message: 'is required for a partial grant' }],
    })

    // Zod's checks at the API edge, by issue code: the same paths, the message in the language.
    const edge = await inBoth(officer, 'POST', `/api/cases/${caseId}/decision`, {
      kind: 'maybe',
      amount: 1.5,
      reasons: '',
      letterLocale: 'sv',
    })
    expect(paths(edge.sv)).toEqual(paths(edge.en))
    expect(messages(edge.sv)).toEqual({
      kind: 'måste vara något av värdena approve, deny, partial',
      amount: 'måste vara hela kronor',
      reasons: 'får inte vara tomt',
    })
    expect(messages(edge.en)).toEqual({
      kind: 'must be one of approve, deny, partial',
      amount: 'must be whole kronor',
      reasons: 'must not be empty',
    })
  })

  it("translates core's field problems for an invalid application", async () => {
    const application = {
      ...demoApplication('lang-2'),
      association: { ...demoApplication('lang-2').association, organisationNumber: '802400-1234' },
      board: undefined,
      religion: 'x',
    }
    const { sv, en } = await inBoth(officer, 'POST', '/api/cases', { application })
    expect(sv.status).toBe(400)
    expect(paths(sv)).toEqual(paths(en))
    expect(messages(sv)).toEqual({
      'application.religion':
        'prövningen får inte ta hänsyn till religion, etnicitet, politisk åsikt, nationalitet eller liknande personliga egenskaper. Ta bort fältet.',
      'application.association.organisationNumber': 'kontrollsiffran stämmer inte (den sista siffran ska vara 5)',
      'application.board': 'saknas',
    })
    expect(messages(en)).toEqual({
      'application.religion':
        'screening may not consider religion, ethnicity, political opinion, nationality or similar personal characteristics; remove this field',
      'application.association.organisationNumber': 'the check digit is wrong (the last digit should be 5)',
      'application.board': 'is missing',
    })
    expect(sv.body.detail).toBe('Ansökan innehåller fel.')
    expect(en.body.detail).toBe('The application is invalid.')
  })

  it('answers bad queries, 404 and 409 in the language asked for', async () => {
    const query = await inBoth(officer, 'GET', '/api/cases?limit=0&dueBefore=2026-02-30')
    expect(paths(query.sv)).toEqual(['query.dueBefore', 'query.limit'])
    expect(messages(query.sv)).toEqual({
      'query.dueBefore': 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD',
      'query.limit': 'måste vara minst 1',
    })
    expect(messages(query.en)).toEqual({ 'query.dueBefore': 'must be a real date written YYYY-MM-DD', 'query.limit': 'must be at least 1' })
    expect(query.sv.body.detail).toBe('Begäran innehåller fel i frågeparametrarna (query).')
    expect(query.en.body.detail).toBe('The request query is invalid.')

    const missing = await inBoth(officer, 'GET', '/api/cases/no-such-case')
    expect(missing.sv.body).toMatchObject({
      status: 404,
      title: 'Hittades inte',
      detail: 'Det gick inte att hitta ärendet bland det du har tillgång till.',
    })
    expect(missing.en.body).toMatchObject({ status: 404, title: 'Not found', detail: 'No such case in your scope.' })

    const again = await inBoth(officer, 'POST', '/api/cases', { application: demoApplication('lang-1') })
    expect(again.sv.body).toMatchObject({
      status: 409,
      title: 'Konflikt',
      // In words: the programme's name and the day the case was registered, not their ids (no diarienummer yet).
      detail: expect.stringMatching(
        /^Ansökan lang-1 till Föreningsbidrag[^/]* finns redan som ärende, registrerat \d{4}-\d{2}-\d{2} \(ännu utan diarienummer\)\.$/,
      ),
      current: { id: caseId },
    })
    expect(again.en.body).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: expect.stringMatching(
        /^Application lang-1 to [^/]+ is already a case, registered on \d{4}-\d{2}-\d{2} \(no case number yet\)\.$/,
      ),
    })
  })

  it('answers in Swedish without Accept-Language, and for languages it does not have', async () => {
    const none = await bare(server.url, '/api/cases')
    expect(none.status).toBe(401)
    expect(none.headers['content-language']).toBe('sv')
    expect(none.body).toMatchObject({ title: 'Inte inloggad', detail: 'Logga in först.' })
    for (const lang of ['de-DE,de;q=0.9', '*', 'fi']) {
      const r = await officer.json('GET', '/api/cases?limit=x', undefined, { 'accept-language': lang })
      expect(r.headers.get('content-language'), lang).toBe('sv')
      expect(r.body.errors).toEqual([{ path: 'query.limit', message: 'måste vara ett tal' }])
    }
  })

  it("gives the import report's row errors in the language asked for", async () => {
    const header =
      'id,programme,amountRequested,association.name,association.organisationNumber,association.activitySince,association.bankAccount.kind,association.bankAccount.number,association.bankAccount.holderIsAssociation,board.electedOn,board.electedAtAnnualMeeting,board.auditorElected,contact.name,contact.email'
    const csv = [
      header,
      'imp-1,rinkeby-kista/foreningsbidrag,many,Förening,802400-1234,2019-01-01,bankgiro,5050-1055,true,2026-03-01,true,true,Kontakt,inte-en-adress',
    ].join('\n')
    const post = (lang: string) =>
      officer.request('POST', '/api/cases/import', csv, { 'content-type': 'text/csv', 'accept-language': lang })
    const [sv, en] = await Promise.all([post('sv'), post('en')])
    expect(sv.headers.get('content-language')).toBe('sv')
    expect(en.headers.get('content-language')).toBe('en')
    const svBody = (await sv.json()) as { errors: { row: number; path: string; message: string }[] }
    const enBody = (await en.json()) as typeof svBody
    expect(svBody.errors.map((e) => [e.row, e.path])).toEqual(enBody.errors.map((e) => [e.row, e.path]))
    expect(svBody.errors).toEqual([
      {
        row: 2,
        path: 'contact.email',
        message: 'måste vara en e-postadress med ett @ och en punkt efter det, till exempel namn@example.se',
      },
    ])
    expect(enBody.errors).toEqual([
      { row: 2, path: 'contact.email', message: 'must be an e-mail address with one @ and a dot after it, for example namn@example.se' },
    ])

    const bad = await officer.request('POST', '/api/cases/import', 'id,religion\nx,y', {
      'content-type': 'text/csv',
      'accept-language': 'sv',
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      detail: 'Rubrikraden i CSV-filen innehåller fel. Ingenting importerades.',
      errors: [{ path: 'header: religion', message: expect.stringMatching(/^prövningen får inte/) }],
    })
  })

  it('words a wrong password and the rate limit (with Retry-After) in the language asked for', async () => {
    const attempt = (lang: string) =>
      checkedFetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({ username: 'officer2.rk', password: 'wrong' }),
      })
    const wrongSv = await attempt('sv')
    expect(wrongSv.status).toBe(401)
    expect(wrongSv.headers.get('content-language')).toBe('sv')
    expect(await wrongSv.json()).toMatchObject({ detail: 'Fel användarnamn eller lösenord.' })
    expect(await (await attempt('en')).json()).toMatchObject({ detail: 'Wrong username or password.' })
    const limitedSv = await attempt('sv')
    expect(limitedSv.status).toBe(429)
    // The first wait after the free attempts (issue 16: progressive delays, not a 15-minute lock).
    expect(limitedSv.headers.get('retry-after')).toBe('30')
    expect(await limitedSv.json()).toMatchObject({
      title: 'För många försök',
      detail: 'För många misslyckade försök. Försök igen om 30 sekunder.',
    })
    const limitedEn = await attempt('en')
    expect(limitedEn.headers.get('retry-after')).toBe('30')
    expect(await limitedEn.json()).toMatchObject({
      title: 'Too many attempts',
      detail: 'Too many failed attempts. Try again in 30 seconds.',
    })
  })
})
