import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client } from './client.js'
import { DATABASES } from './databases.js'

interface Verification {
  ok: boolean
  checked: number
  problems: { seq: number | null; code: string; problem: string }[]
}

/**
 * Plan transitions written into the tables behind the app's back (no audit event) are
 * reported by `GET /api/audit/verify`, in Swedish and English, without raw ids.
 */
describe.each(DATABASES)('the plan editor reconciles plans against the audit log, on %s', (_name, config) => {
  let server: RunningServer
  let auditor: Client, adminRk: Client
  let plan: { id: string; version: number; status: string; year: number }
  const verify = async (who: Client, lang = 'sv') =>
    (await who.send<Verification>('GET', '/api/audit/verify', undefined, { 'accept-language': lang })).body

  beforeAll(async () => {
    server = await startServer({ config: await config(), clock: { now: () => new Date('2026-06-01T09:00:00Z') }, uiDir: null })
    ;[auditor, adminRk] = await Promise.all([login(server.url, 'auditor'), login(server.url, 'admin.rk')])
    const all = (await auditor.get('/api/plans')).body.items as { id: string; district: string }[]
    const nm = (await auditor.get(`/api/plans/${all.find((p) => p.district === 'norrmalm')!.id}`)).body
    plan = { id: nm.id, version: nm.version, status: nm.document.status, year: nm.document.year }
  })
  afterAll(() => server?.close())

  it('reports a plan adopted in the table without its transition', async () => {
    expect(await verify(auditor)).toMatchObject({ ok: true, problems: [] })
    const k = server.database.kysely
    await sql`update pe_plans set status = 'adopted', version = version + 1 where id = ${plan.id}`.execute(k)
    await sql`insert into pe_plan_versions (plan_id, version, status, document, action, meta, saved_by, saved_at)
              select id, version, 'adopted', document, 'adopt', null, 'approver.nm', now() from pe_plans where id = ${plan.id}`.execute(k)
    const v = plan.version + 1
    const sv = await verify(auditor)
    expect(sv.ok).toBe(false)
    expect(sv.problems.map((p) => p.problem)).toEqual([
      `Version ${v} av handlingsplanen för Norrmalm ${plan.year} har ingen motsvarande händelse i granskningsloggen`,
    ])
    expect((await verify(auditor, 'en')).problems.map((p) => p.problem)).toEqual([
      `Version ${v} of the action plan of Norrmalm for ${plan.year} has no matching event in the audit log`,
    ])
    expect(JSON.stringify(sv)).not.toContain(plan.id)
    // Rinkeby-Kista's admin sees its own district only.
    expect(await verify(adminRk)).toMatchObject({ ok: true, problems: [] })
    await sql`delete from pe_plan_versions where plan_id = ${plan.id} and version = ${v}`.execute(k)
    await sql`update pe_plans set status = ${plan.status}, version = ${plan.version} where id = ${plan.id}`.execute(k)
    expect((await verify(auditor)).ok).toBe(true)
  })

  it('reports the other way round: plan versions deleted while their transition events remain', async () => {
    const k = server.database.kysely
    expect(await verify(auditor)).toMatchObject({ ok: true, problems: [] })
    const latest = await sql<{ seq: number }>`
      select max(seq) as seq from vbe_audit_events where entity_type = 'plan' and entity_id = ${plan.id}
        and after->>'version' = ${String(plan.version)}`.execute(k)
    const seq = Number(latest.rows[0]!.seq)
    expect(seq).toBeGreaterThan(0)
    const taken = await sql<Record<string, unknown>>`
      delete from pe_plan_versions where plan_id = ${plan.id} and version = ${plan.version} returning *`.execute(k)
    const sv = await verify(auditor)
    expect(sv.problems.map((p) => [p.seq, p.code, p.problem])).toEqual([
      [
        seq,
        'record_missing',
        `Version ${plan.version} av handlingsplanen för Norrmalm ${plan.year}: granskningsloggen har händelsen, men uppgiften finns inte längre i tabellerna eller stämmer inte med den`,
      ],
    ])
    expect((await verify(auditor, 'en')).problems.map((p) => p.problem)).toEqual([
      `Version ${plan.version} of the action plan of Norrmalm for ${plan.year}: the audit log holds its event, but the record is gone from the tables or no longer matches it`,
    ])
    expect(JSON.stringify(sv)).not.toContain(plan.id)
    expect(await verify(adminRk)).toMatchObject({ ok: true, problems: [] })
    // A saved version edited away from its event (another status) is reported both ways.
    await sql`insert into pe_plan_versions select * from jsonb_populate_recordset(null::pe_plan_versions, ${JSON.stringify(taken.rows)}::jsonb)`.execute(
      k,
    )
    expect((await verify(auditor)).ok).toBe(true)
    const other = plan.status === 'draft' ? 'adopted' : 'draft'
    await sql`update pe_plan_versions set status = ${other} where plan_id = ${plan.id} and version = ${plan.version}`.execute(k)
    expect((await verify(auditor)).problems.map((p) => [p.seq, p.code])).toEqual([
      [seq, 'record_missing'],
      [null, 'unreconciled'],
    ])
    await sql`update pe_plan_versions set status = ${plan.status} where plan_id = ${plan.id} and version = ${plan.version}`.execute(k)
    expect((await verify(auditor)).ok).toBe(true)
  })
})
