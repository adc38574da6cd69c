import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { lettersByDecisionMigration } from '../src/db/migrations/005-letters-by-decision.js'
import { decidedCase } from './support/cases.js'
import { startTestServer, type Client, type DatabaseKind, type TestServer } from './support/server.js'

/*
 * Each decision has its own frozen letter, named by the decision's id: a correction made at
 * the same instant as the decision it corrects is not served the older letter, and the letter
 * of a replaced decision opens with `?decision=`. Migration 005 names letters frozen before it.
 */

// A fixed clock: every decision of a case is made at the same instant.
const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
const CORRECTION = '<strong>Rättelse av beslut.</strong>'
let tag = 0

/** A decided case and a correction of it, both at the clock's one instant: the case id and both decision ids. */
async function correctedCase(officer: Client): Promise<{ id: string; original: string; correction: string }> {
  const { id, detail } = await decidedCase(officer, demoApplication(`t-letter-decision-${tag++}`), {
    reasons: 'Villkoren är uppfyllda för bidragsåret 2025.',
  })
  const original = detail.decision.id as string
  const revised = await officer.json('POST', `/api/cases/${id}/revision`, {
    basis: 'correction',
    kind: 'approve',
    reasons: 'Villkoren är uppfyllda för bidragsåret 2026.',
    letterLocale: 'sv',
  })
  expect(revised.body).toMatchObject({ status: 'decided', decision: { basis: 'correction' } })
  expect(revised.body.decisionHistory.map((d: { id: string }) => d.id)).toEqual([original])
  expect(revised.body.decision.decidedAt).toBe(detail.decision.decidedAt)
  return { id, original, correction: revised.body.decision.id as string }
}

async function letterOf(officer: Client, path: string): Promise<string> {
  const res = await officer.request('GET', path)
  expect(res.status, path).toBe(200)
  return res.text()
}

describe('decision letters by decision', () => {
  let server: TestServer
  let officer: Client

  const letter = (path: string) => letterOf(officer, path)

  beforeAll(async () => {
    server = await startTestServer({ database: 'pglite', clock })
    officer = await server.login('officer.rk')
  })
  afterAll(() => server?.stop())

  it('serves a correction made at the same instant as the decision it corrects its own letter, and the replaced one its own', async () => {
    const { id, original, correction } = await correctedCase(officer)
    const current = await letter(`/api/cases/${id}/letter`)
    expect(current).toContain(CORRECTION)
    expect(current).toContain('bidragsåret 2026')
    expect(await letter(`/api/cases/${id}/letter?decision=${correction}`)).toBe(current)
    const replaced = await letter(`/api/cases/${id}/letter?decision=${original}`)
    expect(replaced).not.toContain(CORRECTION)
    expect(replaced).toContain('bidragsåret 2025')
    const pdf = await officer.request('GET', `/api/cases/${id}/letter?decision=${original}&format=pdf&lang=en`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const frozen = await server.database.kysely.selectFrom('gs_letters').select('decision_id').where('case_id', '=', id).execute()
    expect(frozen.map((f) => f.decision_id).sort()).toEqual([original, correction].sort())
  })

  it('answers 404 naming a decision that is not the case’s, 400 naming a malformed one, and keeps the district scope', async () => {
    const { id, original } = await correctedCase(officer)
    const other = await correctedCase(officer)
    const notHers = await officer.json('GET', `/api/cases/${id}/letter?decision=${other.original}`, undefined, { 'accept-language': 'en' })
    expect(notHers.status).toBe(404)
    expect(notHers.headers.get('content-type')).toBe('application/problem+json')
    expect(notHers.body.detail).toMatch(/decision/i)
    const bad = await officer.json('GET', `/api/cases/${id}/letter?decision=not-an-id`, undefined, { 'accept-language': 'en' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.decision'])
    const elsewhere = await server.login('officer.nm')
    const scoped = await elsewhere.json('GET', `/api/cases/${id}/letter?decision=${original}`)
    expect(scoped.status).toBe(404)
  })
})

describe.each<DatabaseKind>(['pglite', 'postgres'])('migration 005 on %s', (kind) => {
  it('names each letter frozen at the previous schema by its decision, and every one stays readable', async () => {
    const server = await startTestServer({ database: kind, clock })
    try {
      const officer = await server.login('officer.rk')
      const letter = (path: string) => letterOf(officer, path)
      // Two cases whose correction came at the same instant as the decision it corrects.
      await correctedCase(officer)
      const { id, original, correction } = await correctedCase(officer)
      const k = server.database.kysely
      // Back to the schema of migration 004: letters keyed by (case_id, decided_at), no decision id.
      // At that schema the same-instant correction's letter was never frozen (the key was taken): drop it too.
      await sql`delete from gs_letters l where l.decision_id in (select id from gs_decisions)
      and exists (select 1 from gs_decision_history h where h.case_id = l.case_id and h.decided_at = l.decided_at)`.execute(k)
      expect(await k.selectFrom('gs_letters').where('decision_id', '=', correction).select('case_id').execute()).toEqual([])
      const before = await k.selectFrom('gs_letters').select(['case_id', 'decided_at', 'sha256']).execute()
      await sql`drop index gs_letters_decision`.execute(k)
      await sql`drop index gs_letters_case`.execute(k)
      await sql`alter table gs_letters drop column decision_id`.execute(k)
      await sql`alter table gs_letters add constraint gs_letters_pk primary key (case_id, decided_at)`.execute(k)
      // A letter whose decision is gone (no decision of its case was made at its moment).
      await sql`insert into gs_letters (case_id, decided_at, case_number, model, sha256, frozen_at)
      select case_id, decided_at - interval '1 day', case_number, model, sha256, frozen_at from gs_letters where case_id = ${id}`.execute(k)

      await lettersByDecisionMigration.up(k)

      const after = await k.selectFrom('gs_letters').select(['case_id', 'decided_at', 'sha256', 'decision_id']).execute()
      expect(after).toHaveLength(before.length + 1)
      expect(after.find((l) => l.case_id === id && l.decision_id === original)).toBeDefined()
      expect(after.filter((l) => l.case_id === id && l.decision_id === null)).toHaveLength(1)
      // Every other letter got its own decision's id.
      expect(after.filter((l) => l.case_id !== id && l.decision_id === null)).toEqual([])
      expect(new Set(after.map((l) => l.decision_id).filter((d) => d !== null)).size).toBe(before.length)

      // The replaced decision's letter reads as before; the correction's is frozen on first read, as a correction.
      const replaced = await letter(`/api/cases/${id}/letter?decision=${original}`)
      expect(replaced).toContain('bidragsåret 2025')
      expect(replaced).not.toContain(CORRECTION)
      const current = await letter(`/api/cases/${id}/letter`)
      expect(current).toContain(CORRECTION)
      expect(current).toContain('bidragsåret 2026')
    } finally {
      await server.stop()
    }
  })
})
