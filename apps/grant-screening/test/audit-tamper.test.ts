import { randomUUID } from 'node:crypto'
import { sql, type RawBuilder } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditCheckpointsSettled, legacyHasher } from '@vbe/server-kit'
import { demoApplication } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

const application = (id: string, evidence: boolean) =>
  demoApplication(id, {
    association: {
      name: `Förening ${id}`,
      organisationNumber: '802400-1235',
      activitySince: '2019-03-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
    },
    ...(evidence
      ? {
          evidence: [
            {
              id: 't1',
              conduct: 'coercion',
              actor: 'organisation',
              withinActivities: true,
              verified: false,
              date: '2026-06-01',
              source: { kind: 'tip' },
            },
          ],
        }
      : {}),
  })

interface Problem {
  seq: number | null
  code: string
  problem: string
}

/**
 * Someone with write access to the database tampers with the audit log or the decision
 * tables in each way the security review found; `GET /api/audit/verify` reports each
 * one, in Swedish and English, without raw ids; a district admin gets its own district's
 * counts and problems only.
 */
describe.each(['pglite', 'postgres'] as const)('audit verification against tampering, on %s', (kind) => {
  let server: TestServer
  let officer: Client, approver: Client, auditor: Client, admin: Client, adminRk: Client, adminNm: Client
  const db = () => server.database.kysely
  const verify = async (who: Client, lang: 'sv' | 'en' = 'sv') => {
    const r = await who.json<{ ok: boolean; checked: number; head: unknown; problems: Problem[] }>('GET', '/api/audit/verify', undefined, {
      'accept-language': lang,
    })
    expect(r.status).toBe(200)
    // No raw ids or user names reach the reader.
    const words = r.body.problems.map((p) => p.problem).join('\n')
    expect(words).not.toMatch(UUID)
    expect(words).not.toMatch(/officer\.rk|approver\.rk|admin/)
    return r.body
  }
  const pairs = (v: { problems: Problem[] }) => v.problems.map((p) => [p.seq, p.code])

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock })
    ;[officer, approver, auditor, admin, adminRk, adminNm] = (await Promise.all(
      ['officer.rk', 'approver.rk', 'auditor', 'admin', 'admin.rk', 'admin.nm'].map((u) => server.login(u)),
    )) as [Client, Client, Client, Client, Client, Client]
  })
  afterAll(() => server?.stop())

  it('reconciles decisions: an edited decision row is reported in the district, and only there', async () => {
    const created = await officer.json('POST', '/api/cases', { application: application('t-rec', false) })
    const id = created.body.id as string
    await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    // An eligible application granted in full: no kommunicering, no second signature.
    const granted = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Villkoren är uppfyllda.',
      letterLocale: 'sv',
    })
    expect(granted.body.status).toBe('decided')
    expect((await verify(auditor)).ok).toBe(true)

    await sql`update gs_decisions set kind = 'deny' where case_id = ${id}`.execute(db())
    const sv = await verify(auditor)
    expect(sv.ok).toBe(false)
    expect(sv.problems).toEqual([
      expect.objectContaining({
        code: 'unreconciled',
        problem: 'Beslutet i ärendet för Förening t-rec (ansökan t-rec) har ingen motsvarande händelse i granskningsloggen',
      }),
    ])
    expect((await verify(auditor, 'en')).problems.map((p) => p.problem)).toEqual([
      'The decision on the case of Förening t-rec (application t-rec) has no matching event in the audit log',
    ])
    expect((await verify(adminRk)).ok).toBe(false)
    // Norrmalm's admin: its own district's count, none of Rinkeby-Kista's problems, and no city-wide head.
    const nm = await verify(adminNm)
    const { rows } = await sql<{ n: string }>`select count(*) as n from vbe_audit_events where district = 'norrmalm'`.execute(db())
    expect(nm).toEqual({ ok: true, checked: Number(rows[0]!.n), head: null, problems: [] })
    expect((await verify(auditor)).checked).toBeGreaterThan(nm.checked)
    await sql`update gs_decisions set kind = 'approve' where case_id = ${id}`.execute(db())

    // A decision row inserted without its event.
    const other = (await officer.json('POST', '/api/cases', { application: application('t-rec2', false) })).body.id as string
    await sql`insert into gs_decisions (id, case_id, kind, amount, reasons, letter_locale, decided_by, decided_at, requires_second, approved_by, approved_at)
              values (${randomUUID()}, ${other}, 'approve', null, 'x', 'sv', 'officer.rk', now(), false, null, null)`.execute(db())
    expect((await verify(auditor, 'en')).problems.map((p) => p.problem)).toEqual([
      'The decision on the case of Förening t-rec2 (application t-rec2) has no matching event in the audit log',
    ])
    await sql`delete from gs_decisions where case_id = ${other}`.execute(db())
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reconciles approvals: a second signature written into the table without its event is reported', async () => {
    const id = (await officer.json('POST', '/api/cases', { application: application('t-appr', true) })).body.id as string
    await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    // Granting against the unresolved finding needs a reason per rule the answer names, and a second signature.
    const decision = { kind: 'approve', reasons: 'Bedömt.', letterLocale: 'sv' }
    const refused = await officer.json('POST', `/api/cases/${id}/decision`, decision)
    expect(refused.status).toBe(400)
    const overrides = Object.fromEntries(
      refused.body.errors.map((e: { path: string }) => [e.path.replace(/^overrides\./, ''), 'Bedömt efter samtal med föreningen.']),
    )
    const proposed = await officer.json('POST', `/api/cases/${id}/decision`, { ...decision, overrides })
    expect(proposed.body.status).toBe('awaiting_approval')
    await sql`update gs_decisions set approved_by = 'approver.rk', approved_at = now() where case_id = ${id}`.execute(db())
    expect((await verify(auditor)).problems.map((p) => p.problem)).toEqual([
      'Det andra godkännandet i ärendet för Förening t-appr (ansökan t-appr) har ingen motsvarande händelse i granskningsloggen',
    ])
    await sql`update gs_decisions set approved_by = null, approved_at = null where case_id = ${id}`.execute(db())
    await approver.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    expect((await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })).status).toBe(200)
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reconciles the other way: decision, approval, correction and reclaim rows deleted while their events remain are each reported', async () => {
    const take = async (table: string, where: RawBuilder<unknown>) =>
      (await sql<Record<string, unknown>>`delete from ${sql.table(table)} where ${where} returning *`.execute(db())).rows
    const putBack = (table: string, rows: Record<string, unknown>[]) =>
      sql`insert into ${sql.table(table)} select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(
        db(),
      )
    const eventOf = async (caseId: string, action: string) =>
      Number(
        (
          await sql<{
            seq: number
          }>`select max(seq) as seq from vbe_audit_events where entity_id = ${caseId} and action = ${action}`.execute(db())
        ).rows[0]!.seq,
      )
    const records = async (lang: 'sv' | 'en' = 'en') => (await verify(auditor, lang)).problems.map((p) => [p.seq, p.code, p.problem])
    const gone = (what: string, ref: string) =>
      `${what} on the case of Förening ${ref} (application ${ref}): the audit log holds its event, but the record is gone from the tables or no longer matches it`

    // A decision, then its correction: the first decision moves to the history table.
    const id = (await officer.json('POST', '/api/cases', { application: application('t-gone', false) })).body.id as string
    await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const decision = { kind: 'approve', reasons: 'Villkoren är uppfyllda.', letterLocale: 'sv' }
    expect((await officer.json('POST', `/api/cases/${id}/decision`, decision)).body.status).toBe('decided')
    const final = await eventOf(id, 'case.decision.final')
    expect((await verify(auditor)).ok).toBe(true)
    const current = await take('gs_decisions', sql`case_id = ${id}`)
    expect(await records()).toEqual([[final, 'record_missing', gone('The decision', 't-gone')]])
    expect((await records('sv'))[0]![2]).toBe(
      'Beslutet i ärendet för Förening t-gone (ansökan t-gone): granskningsloggen har händelsen, men uppgiften finns inte längre i tabellerna eller stämmer inte med den',
    )
    await putBack('gs_decisions', current)
    expect((await verify(auditor)).ok).toBe(true)

    const corrected = await officer.json('POST', `/api/cases/${id}/revision`, {
      ...decision,
      basis: 'correction',
      reasons: 'Rättat skrivfel.',
    })
    expect(corrected.body.status).toBe('decided')
    const correction = await eventOf(id, 'case.decision.correction')
    expect((await verify(auditor)).ok).toBe(true)
    const replaced = await take('gs_decision_history', sql`case_id = ${id}`)
    expect(await records()).toEqual([[final, 'record_missing', gone('The decision', 't-gone')]])
    await putBack('gs_decision_history', replaced)
    const correctionRow = await take('gs_decisions', sql`case_id = ${id}`)
    expect(await records()).toEqual([[correction, 'record_missing', gone('The correction of the decision', 't-gone')]])
    await putBack('gs_decisions', correctionRow)
    expect((await verify(auditor)).ok).toBe(true)

    // A reclaim: deleted, and (the other way) its amount edited.
    const rc = await officer.json('POST', `/api/cases/${id}/reclaim`, { amount: 1000, reasons: 'Villkoren bröts.' })
    expect(rc.status).toBe(200)
    const reclaim = await eventOf(id, 'case.reclaim')
    expect((await verify(auditor)).ok).toBe(true)
    const reclaimRow = await take('gs_reclaims', sql`case_id = ${id}`)
    expect(await records()).toEqual([[reclaim, 'record_missing', gone('The reclaim', 't-gone')]])
    await putBack('gs_reclaims', reclaimRow)
    await sql`update gs_reclaims set amount = 900 where case_id = ${id}`.execute(db())
    expect(await records()).toEqual([
      [reclaim, 'record_missing', gone('The reclaim', 't-gone')],
      [null, 'unreconciled', 'The reclaim on the case of Förening t-gone (application t-gone) has no matching event in the audit log'],
    ])
    await sql`update gs_reclaims set amount = 1000 where case_id = ${id}`.execute(db())
    expect((await verify(auditor)).ok).toBe(true)

    // A second signature: struck from its row, then the approved decision deleted with it.
    const four = (await officer.json('POST', '/api/cases', { application: application('t-gone2', true) })).body.id as string
    await officer.json('POST', `/api/cases/${four}/conflict`, { conflict: false })
    const refused = await officer.json('POST', `/api/cases/${four}/decision`, decision)
    const overrides = Object.fromEntries(
      refused.body.errors.map((e: { path: string }) => [e.path.replace(/^overrides\./, ''), 'Bedömt efter samtal med föreningen.']),
    )
    expect((await officer.json('POST', `/api/cases/${four}/decision`, { ...decision, overrides })).body.status).toBe('awaiting_approval')
    await approver.json('POST', `/api/cases/${four}/conflict`, { conflict: false })
    expect((await approver.json('POST', `/api/cases/${four}/approval`, { approve: true })).status).toBe(200)
    const [propose, approval] = [await eventOf(four, 'case.decision.propose'), await eventOf(four, 'case.decision.approve')]
    expect((await verify(auditor)).ok).toBe(true)
    await sql`update gs_decisions set approved_by = null, approved_at = null where case_id = ${four}`.execute(db())
    expect(await records()).toEqual([[approval, 'record_missing', gone('The second approval', 't-gone2')]])
    const approved = await take('gs_decisions', sql`case_id = ${four}`)
    expect(await records()).toEqual([
      [propose, 'record_missing', gone('The decision', 't-gone2')],
      [approval, 'record_missing', gone('The second approval', 't-gone2')],
    ])
    // Norrmalm's admin sees none of Rinkeby-Kista's.
    expect((await verify(adminNm)).ok).toBe(true)
    await putBack('gs_decisions', approved)
    await sql`update gs_decisions set approved_by = 'approver.rk', approved_at = now() where case_id = ${four}`.execute(db())
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reports the newest events deleted although nobody verified since they were written', async () => {
    expect((await verify(auditor)).ok).toBe(true)
    for (const n of [1, 2, 3]) await officer.json('POST', '/api/cases', { application: application(`t-since${n}`, false) })
    await auditCheckpointsSettled(server.database.audit)
    const head = Number((await sql<{ seq: number }>`select max(seq) as seq from vbe_audit_events`.execute(db())).rows[0]!.seq)
    const saved = await sql<Record<string, unknown>>`delete from vbe_audit_events where seq > ${head - 2} returning *`.execute(db())
    const v = await verify(auditor, 'en')
    expect(v.problems).toEqual([
      {
        seq: head,
        code: 'truncated',
        from: head - 1,
        to: head,
        problem: `events ${head - 1}–${head} are missing after checkpoint ${head}: the signed checkpoint shows the chain reached event ${head}. The newest events were deleted, or the database lost its last commits (a crash, or a restore from an older backup)`,
      },
    ])
    await sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(saved.rows)}::jsonb)`.execute(
      db(),
    )
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reports a tombstone forged onto an event its erasure did not list', async () => {
    const created = await officer.json('POST', '/api/cases', {
      application: application('t-tomb', false),
      persons: [{ role: 'contact', name: 'Tova Tombstone' }],
    })
    const pid = created.body.persons[0].id as string
    const erased = await admin.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request' })
    expect(erased.body).toEqual({ erased: true, tombstones: 1 })
    const erasure = await sql<{ seq: number }>`select seq from vbe_audit_events where action = 'gdpr.erase' and entity_id = ${pid}`.execute(
      db(),
    )
    const by = Number(erasure.rows[0]!.seq)
    const target = await sql<{ seq: number; before: unknown; after: unknown }>`
      select seq, before, after from vbe_audit_events where action = 'case.create' and entity_id = ${created.body.id}`.execute(db())
    const seq = Number(target.rows[0]!.seq)
    const tomb = JSON.stringify({ erased: true, erasedBy: by })
    await sql`update vbe_audit_events set before = ${tomb}::jsonb, after = ${tomb}::jsonb, erased_by = ${by} where seq = ${seq}`.execute(
      db(),
    )
    const sv = await verify(auditor)
    expect(pairs(sv)).toEqual([[seq, 'tombstone_not_listed']])
    expect(sv.problems[0]!.problem).toBe(
      `markerad som raderad av händelse ${by}, men den raderingen räknar inte upp händelsen: innehållet har gömts i efterhand`,
    )
    expect((await verify(auditor, 'en')).problems[0]!.problem).toBe(
      `marked as erased by event ${by}, but that erasure does not list it: the content was hidden afterwards`,
    )
    const t = target.rows[0]!
    await sql`update vbe_audit_events set before = ${JSON.stringify(t.before)}::jsonb, after = ${JSON.stringify(t.after)}::jsonb, erased_by = null where seq = ${seq}`.execute(
      db(),
    )
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reports an edited event re-hashed forward, and the newest events deleted', async () => {
    for (const n of [1, 2, 3]) await officer.json('POST', '/api/cases', { application: application(`t-tail${n}`, false) })
    const head = ((await verify(auditor)).head as { seq: number }).seq
    const saved = await sql<Record<string, unknown>>`select * from vbe_audit_events where seq > ${head - 3} order by seq`.execute(db())

    // Re-hash forward with the plain hash (the attacker has no key).
    let prev = String(saved.rows[0]!['prev_hash'])
    for (const r of saved.rows) {
      const after = Number(r['seq']) === head - 2 ? { forged: true } : r['after']
      const payloadHash = legacyHasher.payload(r['before'], after)
      const fields = {
        seq: Number(r['seq']),
        at: String(r['at']),
        actor: String(r['actor']),
        action: String(r['action']),
        entityType: String(r['entity_type']),
        entityId: String(r['entity_id']),
        district: (r['district'] as string | null) ?? null,
        ruleset: (r['ruleset'] as string | null) ?? null,
        payloadHash,
        prevHash: prev,
      }
      prev = legacyHasher.event(fields)
      await sql`update vbe_audit_events set after = ${JSON.stringify(after)}::jsonb, payload_hash = ${payloadHash}, prev_hash = ${fields.prevHash}, hash = ${prev} where seq = ${fields.seq}`.execute(
        db(),
      )
    }
    const rehashed = await verify(auditor, 'en')
    expect(pairs(rehashed)).toEqual(
      expect.arrayContaining([
        [head - 2, 'payload_altered'],
        [head - 2, 'event_altered'],
        [head, 'event_altered'],
      ]),
    )
    expect(rehashed.problems.map((p) => p.problem)).toContain('the event was altered (its hash does not match its content)')

    // The newest two events deleted.
    await sql`delete from vbe_audit_events where seq > ${head - 3}`.execute(db())
    await sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(saved.rows.slice(0, 1))}::jsonb)`.execute(
      db(),
    )
    const truncated = await verify(auditor)
    expect(truncated.problems).toEqual([
      {
        seq: head,
        code: 'truncated',
        from: head - 1,
        to: head,
        problem: `händelserna ${head - 1}–${head} saknas efter kontrollpunkt ${head}: den signerade kontrollpunkten visar att kedjan nådde händelse ${head}. De senaste händelserna har tagits bort, eller så har databasen förlorat sina sista ändringar (en krasch, eller återläsning av en äldre säkerhetskopia)`,
      },
    ])
    expect((await verify(adminNm)).problems.map((p) => p.code)).toEqual(['truncated'])
    await sql`delete from vbe_audit_events where seq > ${head - 3}`.execute(db())
    await sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(saved.rows)}::jsonb)`.execute(
      db(),
    )
    expect((await verify(auditor)).ok).toBe(true)
  })
})
