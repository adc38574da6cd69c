/**
 * Problems come in the language the request asks for (Accept-Language): Swedish by
 * default, English on request, with Content-Language, and the same fields named either
 * way. A real server on loopback over PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '@vbe/core/plans'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client, type Reply } from './client.js'

const NOW = new Date('2026-06-01T09:00:00Z')
const sv = { 'accept-language': 'sv-SE,sv;q=0.9' }
const en = { 'accept-language': 'en-GB,en;q=0.8' }
const ifMatch = (v: number | string) => ({ 'if-match': `"${v}"` })
const messages = (r: Reply) => Object.fromEntries((r.body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]))

describe('plan editor problems in Swedish and English (PGlite)', () => {
  let server: RunningServer
  let officer: Client
  let approver: Client
  let plan: { id: string; version: number; document: Plan }

  beforeAll(async () => {
    server = await startServer({ config: { kind: 'pglite', dataDir: null }, clock: { now: () => NOW }, uiDir: null })
    ;[officer, approver] = (await Promise.all(['officer.nm', 'approver.nm'].map((u) => login(server.url, u)))) as [Client, Client]
    const items = (await officer.get('/api/plans')).body.items as { id: string }[]
    plan = (await officer.get(`/api/plans/${items[0]!.id}`)).body
  })
  afterAll(() => server?.close())

  it('answers the same invalid plan document in Swedish and in English, naming the same fields', async () => {
    const doc = plan.document
    const broken = {
      document: {
        ...doc,
        year: 2015,
        activities: [{ ...doc.activities[0]!, title: '', indicators: [{ ...doc.activities[0]!.indicators[0]!, kind: 'vibes' }] }],
      },
    }
    const [s, e] = await Promise.all([
      officer.send('PUT', `/api/plans/${plan.id}`, broken, { ...ifMatch(plan.version), ...sv }),
      officer.send('PUT', `/api/plans/${plan.id}`, broken, { ...ifMatch(plan.version), ...en }),
    ])
    for (const [r, lang] of [
      [s, 'sv'],
      [e, 'en'],
    ] as const) {
      expect(r.status).toBe(400)
      expect(r.headers.get('content-type')).toBe('application/problem+json')
      expect(r.headers.get('content-language')).toBe(lang)
    }
    expect(Object.keys(messages(s))).toEqual(Object.keys(messages(e)))
    expect(messages(s)).toEqual({
      'document.year': 'måste vara 2016 eller senare',
      'document.activities[0].title': 'får inte vara tomt',
      'document.activities[0].indicators[0].kind': 'måste vara ett av de val som finns',
    })
    // Worded for people in English too: no field name, path or code (the path names the field).
    expect(messages(e)).toEqual({
      'document.year': 'must be 2016 or later',
      'document.activities[0].title': 'must not be empty',
      'document.activities[0].indicators[0].kind': 'must be one of the choices offered',
    })
    expect(s.body).toMatchObject({ title: 'Ogiltig begäran', detail: 'Uppgifterna i begäran innehåller fel.' })
    expect(e.body).toMatchObject({ title: 'Invalid request', detail: 'The request body is invalid.' })
  })

  it('words 428, a bad If-Match, 409 and a return without its fields in the language asked for', async () => {
    const p = `/api/plans/${plan.id}`
    const body = { document: plan.document }
    expect((await officer.send('PUT', p, body, sv)).body).toMatchObject({
      status: 428,
      title: 'Förutsättning saknas',
      detail: expect.stringMatching(/^Rubriken If-Match krävs/),
    })
    expect((await officer.send('PUT', p, body, en)).body).toMatchObject({
      status: 428,
      title: 'Precondition required',
      detail: expect.stringMatching(/^The If-Match header is required/),
    })
    const badTag = await officer.send('PUT', p, body, { 'if-match': 'soon', ...sv })
    expect(badTag.body.errors).toEqual([{ path: 'header.if-match', message: 'måste vara planens ETag, till exempel "3"' }])

    const saved = await officer.send(
      'PUT',
      p,
      { document: { ...plan.document, sections: [...plan.document.sections, { id: 'extra', text: 'x' }] } },
      ifMatch(plan.version),
    )
    expect(saved.status).toBe(200)
    const stale = await officer.send('PUT', p, body, { ...ifMatch(plan.version), ...sv })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('content-language')).toBe('sv')
    expect(stale.body.title).toBe('Konflikt')
    expect(stale.body.detail).toMatch(
      new RegExp(
        `^Planen har ändrats sedan version ${plan.version} \\(If-Match\\): den är nu version ${plan.version + 1}, sparad av Lars Berg`,
      ),
    )
    expect(stale.body.current).toMatchObject({ version: plan.version + 1, baseVersion: plan.version })
    expect((await officer.send('PUT', p, body, { ...ifMatch(plan.version), ...en })).body.detail).toMatch(
      /^The plan has changed since version/,
    )

    const v = saved.body.version as number
    expect((await officer.send('POST', `${p}/transitions`, { action: 'submit' }, ifMatch(v))).status).toBe(200)
    const ret = (h: Record<string, string>) => approver.send('POST', `${p}/transitions`, { action: 'return' }, { ...ifMatch(v + 1), ...h })
    const [rs, re] = await Promise.all([ret(sv), ret(en)])
    expect(rs.body.detail).toBe('En återremiss kräver nämndens beslut och en kommentar.')
    expect(messages(rs)).toEqual({
      // The example in the language’s quotation marks (server-kit words every field problem so).
      decisionReference: 'måste fyllas i när planen återremitteras: nämndens beslut, till exempel ”SDN 2017-09-21 §10”',
      comment: 'måste fyllas i när planen återremitteras: vad stadsdelen ska ändra',
    })
    expect(Object.keys(messages(re))).toEqual(['decisionReference', 'comment'])
    const adopt = await officer.send('POST', `${p}/transitions`, { action: 'adopt' }, { ...ifMatch(v + 1), ...sv })
    expect(adopt.body).toMatchObject({ status: 403, code: 'role', detail: 'Att anta en plan kräver rollen attestant eller administratör.' })
    const edit = await officer.send('PUT', p, { document: { ...saved.body.document, status: 'submitted' } }, { ...ifMatch(v + 1), ...sv })
    expect(edit.body).toMatchObject({
      status: 409,
      detail: 'Planen är inlämnad. Den kan bara ändras när den är ett utkast eller under revidering.',
    })
  })

  it('answers bad queries and 404 in Swedish by default, and in English when asked', async () => {
    const def = await officer.get('/api/plans?year=abc&status=finished')
    expect(def.headers.get('content-language')).toBe('sv')
    expect(messages(def)).toEqual({
      'query.year': 'måste vara ett årtal',
      'query.status': 'måste vara något av värdena draft, submitted, returned, revised, adopted',
    })
    const english = await officer.send('GET', '/api/plans?year=abc&status=finished', undefined, en)
    expect(messages(english)).toEqual({
      'query.year': 'must be a year',
      'query.status': 'must be one of draft, submitted, returned, revised, adopted',
    })
    const missing = await officer.send('GET', `/api/plans/${plan.id}/versions/999`, undefined, { 'accept-language': 'de-DE' })
    expect(missing.body).toMatchObject({ status: 404, detail: 'Det gick inte att hitta planversionen bland det du har tillgång till.' })
    expect((await officer.send('GET', `/api/plans/${plan.id}/versions/999`, undefined, en)).body.detail).toBe(
      'No such plan version in your scope.',
    )
    expect(messages(await officer.send('GET', '/api/plans/not-a-uuid', undefined, sv))).toEqual({
      'param.id': 'måste vara ett plan-id (ett UUID)',
    })
  })
})
