import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { demoApplication } from '../src/index.js'
import { openCase } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'
import { checkedFetch } from '@vbe/test-openapi'

/**
 * The grant-screening API's oversight: districts kept apart, a re-screen when the rules
 * change, the audit chain and its tampering, a person's export and erasure, the districts
 * list and the OpenAPI document. Writing cases is in api-cases.test.ts.
 */
const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

describe.each(['pglite', 'postgres'] as const)('grant-screening API oversight on %s', (kind) => {
  let server: TestServer
  let officer: Client, otherOfficer: Client, admin: Client, auditor: Client

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock })
    const clients = await Promise.all(['officer.rk', 'officer.nm', 'admin', 'auditor'].map((u) => server.login(u)))
    ;[officer, otherOfficer, admin, auditor] = clients as [Client, Client, Client, Client]
  })
  afterAll(() => server?.stop())

  it('keeps districts apart', async () => {
    const queue = await otherOfficer.json('GET', '/api/cases')
    expect(queue.status).toBe(200)
    expect(queue.body.items).toEqual([])
    const mine = await officer.json('GET', '/api/cases')
    const id = mine.body.items[0].id
    expect((await otherOfficer.json('GET', `/api/cases/${id}`)).status).toBe(404)
    expect((await otherOfficer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(404)
    const wrongDistrict = await otherOfficer.json('POST', '/api/cases', { application: demoApplication('t-nm') })
    expect(wrongDistrict.status).toBe(400)
    expect(wrongDistrict.body.errors[0].path).toBe('application.programme')
    // The refusal names the districts as people know them, never by their ids.
    const message: string = wrongDistrict.body.errors[0].message
    expect(message).toContain('Rinkeby-Kista')
    expect(message).toContain('Norrmalm')
    expect(message).not.toMatch(/rinkeby-kista|norrmalm/)
  })

  it('re-screens open cases when the rules change, and shows the flips', async () => {
    const created = await officer.json('POST', '/api/cases', { application: demoApplication('t-rescreen', { amountRequested: 45_000 }) })
    expect(created.body.outcome).toBe('eligible')
    const p = rinkebyKista.grantProgrammes[0]!
    const stricter = composePlugins([
      norrmalm,
      defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 40_000 } }] }),
    ])
    const next = await server.restart({ plugins: stricter })
    try {
      const nextAdmin = await next.login('admin')
      const run = await nextAdmin.json('POST', '/api/rescreen')
      expect(run.status).toBe(200)
      expect(run.body.run.flips).toEqual(
        expect.arrayContaining([expect.objectContaining({ caseId: created.body.id, from: 'eligible', to: 'ineligible' })]),
      )
      const nextOfficer = await next.login('officer.rk')
      const runs = await nextOfficer.json('GET', '/api/rescreen')
      expect(runs.body.runs[0].flips.every((f: { district: string }) => f.district === 'rinkeby-kista')).toBe(true)
      expect((await (await next.login('officer.nm')).json('GET', '/api/rescreen')).body.runs[0].flips).toEqual([])
      expect((await nextOfficer.json('POST', '/api/rescreen')).status).toBe(403)
      // Each district sees its own counts: the open cases it has, not the city's.
      const open = await sql<{
        district: string
        n: string
      }>`select district, count(*) as n from gs_cases where status <> 'decided' group by district`.execute(server.database.kysely)
      const openIn = (d: string) => Number(open.rows.find((r) => r.district === d)?.n ?? 0)
      expect(runs.body.runs[0]).toMatchObject({ checked: openIn('rinkeby-kista') })
      expect((await (await next.login('officer.nm')).json('GET', '/api/rescreen')).body.runs[0]).toMatchObject({
        checked: openIn('norrmalm'),
        changed: 0,
      })
      expect(run.body.run.checked).toBe(openIn('rinkeby-kista') + openIn('norrmalm'))
      // The stored screening comes back whole, sources and all, under the new ruleset…
      await nextOfficer.json('POST', `/api/cases/${created.body.id}/conflict`, { conflict: false })
      const now = await nextOfficer.json('GET', `/api/cases/${created.body.id}`)
      const maxAmount = now.body.screening.findings.find((f: { ruleId: string }) => f.ruleId === 'max-amount')
      expect(maxAmount).toMatchObject({ status: 'not_met', kind: 'formal' })
      expect(maxAmount.reason.en).toContain('40,000')
      expect(maxAmount.sources.length).toBeGreaterThan(0)
      expect(now.body.screening.ruleset.version).not.toBe(created.body.screening.ruleset.version)
      // …and a server still on the old rules restores it from the recorded catalogue of the new ruleset.
      const oldView = await officer.json('GET', `/api/cases/${created.body.id}`)
      expect(oldView.body.screening).toEqual(now.body.screening)
    } finally {
      await next.stop()
    }
  })

  it('verifies the audit chain and detects tampering', async () => {
    const ok = await auditor.json('GET', '/api/audit/verify')
    expect(ok.body).toMatchObject({ ok: true, problems: [] })
    expect(ok.body.checked).toBeGreaterThan(10)
    const original = await sql<{ actor: string }>`select actor from vbe_audit_events where seq = 5`.execute(server.database.kysely)
    await sql`update vbe_audit_events set actor = 'mallory' where seq = 5`.execute(server.database.kysely)
    const bad = await auditor.json('GET', '/api/audit/verify')
    expect(bad.body.ok).toBe(false)
    expect(bad.body.problems).toEqual([
      { seq: 5, code: 'event_altered', problem: 'händelsen har ändrats (hashen stämmer inte med innehållet)' },
    ])
    const inEnglish = await auditor.json('GET', '/api/audit/verify', undefined, { 'accept-language': 'en' })
    expect(inEnglish.headers.get('content-language')).toBe('en')
    expect(inEnglish.body.problems).toEqual([
      { seq: 5, code: 'event_altered', problem: 'the event was altered (its hash does not match its content)' },
    ])
    await sql`update vbe_audit_events set actor = ${original.rows[0]!.actor} where seq = 5`.execute(server.database.kysely)
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true)
    expect((await officer.json('GET', '/api/audit')).status).toBe(403)
  })

  it('exports and erases a person, and the chain still verifies', async () => {
    const karin = { role: 'contact', name: 'Karin Testperson', email: 'karin@example.org' }
    await openCase(officer, demoApplication('t-person'), { persons: [karin] })
    const found = await admin.json('GET', '/api/persons?q=Karin')
    expect(found.body.persons).toHaveLength(1)
    const pid = found.body.persons[0].id
    const exported = await admin.json('GET', `/api/persons/${pid}/export`)
    expect(exported.body.person).toMatchObject({ name: 'Karin Testperson', email: 'karin@example.org' })
    expect(exported.body.auditEvents.map((e: { action: string }) => e.action)).toContain('person.create')
    expect((await officer.json('GET', `/api/persons/${pid}/export`)).status).toBe(403)

    const erased = await admin.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request' })
    // The person's creation and the export event about them.
    expect(erased.body).toEqual({ erased: true, tombstones: 2 })
    const after = await admin.json('GET', `/api/persons/${pid}/export`)
    expect(JSON.stringify(after.body)).not.toContain('Karin')
    const dump = await sql<{ t: string }>`select string_agg(before::text || after::text, '') as t from vbe_audit_events`.execute(
      server.database.kysely,
    )
    expect(dump.rows[0]!.t).not.toContain('karin@example.org')
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true)
  })

  it('names the installed districts for any signed-in user, and for no one else', async () => {
    expect((await checkedFetch(`${server.url}/api/districts`)).status).toBe(401)
    const r = await otherOfficer.json('GET', '/api/districts')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      districts: [
        { id: 'norrmalm', name: { sv: 'Norrmalm', en: 'Norrmalm' } },
        { id: 'rinkeby-kista', name: { sv: 'Rinkeby-Kista', en: 'Rinkeby-Kista' } },
      ],
    })
  })

  it('serves the OpenAPI document and docs', async () => {
    const doc = (await (await checkedFetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}/decision', '/api/audit/verify', '/api/persons/{id}']),
    )
    const docs = await checkedFetch(`${server.url}/api/docs`)
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await checkedFetch(`${server.url}/api/docs/swagger-ui-bundle.js`)).status).toBe(200)
  })
})
