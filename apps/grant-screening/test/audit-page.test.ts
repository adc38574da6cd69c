/**
 * What the audit page gets from `GET /api/audit` and shows of it: the actor's display name
 * (resolved at read time; null for a user that is gone), a case's diarienummer instead of its
 * id, `?reference=` by diarienummer (400 naming the field when unknown), and a label in
 * both languages for every action code the app and the kit write.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANCHOR_ACTION, ERASE_ACTION } from '@vbe/server-kit'
import { REVISION_BASES } from '@vbe/core/grants'
import { AUDIT_ACTION_LABELS } from '../ui/src/audit-labels.js'
import { decidedCase, eligibleApplication } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const root = resolve(import.meta.dirname, '../../..')

interface Event {
  seq: number
  actor: string
  actorName: string | null
  action: string
  entityType: string
  entityId: string
  entityLabel: string | null
  ruleset: string | null
}

/** Every `.ts` file under `dir` that is not a test or a benchmark. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(d.name))
    .map((d) => join(d.parentPath, d.name))
}

/**
 * The action codes written into grant screening's log: each `action:` expression in a file
 * that appends to the log, its string literals, and the one template (`case.decision.${basis}`)
 * expanded with the bases it takes. Any other template fails: it needs an expansion here.
 */
function actionCodesInSource(): Set<string> {
  const codes = new Set<string>([ERASE_ACTION, ANCHOR_ACTION])
  const files = [...sources(join(root, 'apps/grant-screening/src')), ...sources(join(root, 'packages/server-kit/src'))]
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    if (!/appendAudit(As|BatchAs)?\(|events\.push\(/.test(text)) continue
    for (const m of text.matchAll(/\baction: ([^\n]*)/g)) {
      const expr = m[1]!
      for (const lit of expr.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)) codes.add(lit[1]!)
      if (expr.startsWith('`')) {
        if (expr.startsWith('`case.decision.${input.basis}`')) for (const b of REVISION_BASES) codes.add(`case.decision.${b}`)
        else throw new Error(`an action template the test cannot expand, in ${file}: ${expr}`)
      }
    }
  }
  return codes
}

describe('the audit page’s texts', () => {
  it('every action code the app and the kit write has a label in Swedish and English', () => {
    const codes = actionCodesInSource()
    // The finder does find them (a regression of the finder itself would pass everything).
    expect(codes.size).toBeGreaterThan(30)
    for (const known of ['case.create', 'session.login', 'user.disabled', 'case.decision.reconsideration', 'gdpr.erase'])
      expect(codes).toContain(known)
    const missing = [...codes].filter((c) => !AUDIT_ACTION_LABELS[c]?.sv.trim() || !AUDIT_ACTION_LABELS[c]?.en.trim())
    expect(missing).toEqual([])
    // No label repeats its code.
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) expect([label.sv, label.en]).not.toContain(code)
  })
})

describe('GET /api/audit: display names and entity labels', () => {
  let server: TestServer
  let officer: Client, auditor: Client
  let numbered: string, unnumbered: string, caseNumber: string

  beforeAll(async () => {
    server = await startTestServer({ database: 'pglite' })
    ;[officer, auditor] = await Promise.all([server.login('officer.rk'), server.login('auditor')])
    // A decided case: signing issues the letter, which gives the case its diarienummer.
    numbered = (await decidedCase(officer, eligibleApplication('ap-1'))).id
    unnumbered = (await officer.json('POST', '/api/cases', { application: eligibleApplication('ap-2') })).body.id as string
    const { rows } = await sql<{ case_number: string }>`select case_number from gs_case_numbers where case_id = ${numbered}`.execute(
      server.database.kysely,
    )
    caseNumber = rows[0]?.case_number ?? ''
  })
  afterAll(() => server?.stop())

  it('adds the actor’s display name and the case’s diarienummer; no id in a label', async () => {
    expect(caseNumber).not.toBe('')
    const r = await auditor.json<{ events: Event[] }>('GET', '/api/audit?limit=1000')
    expect(r.status).toBe(200)
    const mine = r.body.events.filter((e) => e.actor === 'officer.rk')
    expect(mine.length).toBeGreaterThan(0)
    for (const e of mine) expect(e.actorName).toBe('Amina Yusuf')
    const ofNumbered = r.body.events.filter((e) => e.entityType === 'case' && e.entityId === numbered)
    expect(ofNumbered.length).toBeGreaterThan(0)
    for (const e of ofNumbered) expect(e.entityLabel).toBe(caseNumber)
    const ofUnnumbered = r.body.events.filter((e) => e.entityType === 'case' && e.entityId === unnumbered)
    expect(ofUnnumbered.length).toBeGreaterThan(0)
    for (const e of ofUnnumbered) expect(e.entityLabel).toBeNull()
    for (const e of r.body.events) if (e.entityLabel !== null) expect(e.entityLabel).not.toMatch(UUID)
    // The username stays in the API for machine use.
    expect(mine[0]!.actor).toBe('officer.rk')
  })

  it('resolves the name at read time, and gives null for a user that no longer exists', async () => {
    const k = server.database.kysely
    // officer.nm signs in (a session.login event), then the account is removed.
    await server.login('officer.nm')
    await sql`delete from vbe_sessions where user_id in (select id from vbe_users where username = 'officer.nm')`.execute(k)
    await sql`delete from vbe_users where username = 'officer.nm'`.execute(k)
    await sql`update vbe_users set display_name = 'Amina Yusuf-Berg' where username = 'officer.rk'`.execute(k)
    const r = await auditor.json<{ events: Event[] }>('GET', '/api/audit?limit=1000')
    expect(r.status).toBe(200)
    // The new name on the old events.
    const mine = r.body.events.filter((e) => e.actor === 'officer.rk')
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((e) => e.actorName === 'Amina Yusuf-Berg')).toBe(true)
    const gone = r.body.events.filter((e) => e.actor === 'officer.nm')
    expect(gone.length).toBeGreaterThan(0)
    expect(gone.every((e) => e.actorName === null)).toBe(true)
    await sql`update vbe_users set display_name = 'Amina Yusuf' where username = 'officer.rk'`.execute(k)
  })

  it('filters by diarienummer, and refuses an unknown one naming the field', async () => {
    const r = await auditor.json<{ events: Event[] }>('GET', `/api/audit?reference=${encodeURIComponent(caseNumber)}`)
    expect(r.status).toBe(200)
    expect(r.body.events.length).toBeGreaterThan(0)
    expect(r.body.events.every((e) => e.entityId === numbered)).toBe(true)
    const bad = await auditor.json('GET', '/api/audit?reference=KS%202099%2F999999', undefined, { 'accept-language': 'en' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'reference' })])
  })
})
