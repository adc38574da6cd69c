import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { kitMigrations, openDatabase, type Database, type KitTables } from '../index.js'
import { Clock, Db } from '../services.js'
import { appendAuditAs } from './append.js'
import { GENESIS_HASH, keyedHasher } from './chain.js'
import { auditSealFromEnv } from './config.js'
import { verificationIn } from './problems.js'
import { auditSeal, keyIdOf, memoryCheckpoints, type AuditSeal } from './seal.js'
import { verifyAudit } from './verify.js'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kit-audit-rotation-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const clock = { now: () => new Date('2026-04-01T08:00:00Z') }
const withSeal = (database: Database<KitTables>, audit: AuditSeal) => ({ ...database, audit })
const append = (database: Database<KitTables>, audit: AuditSeal, entityId: string) =>
  Effect.runPromise(
    appendAuditAs('anna', { action: 'case.note', entityType: 'case', entityId, after: { entityId } }).pipe(
      Effect.provideService(Db, withSeal(database, audit)),
      Effect.provideService(Clock, clock),
    ),
  )
const verify = (database: Database<KitTables>, audit: AuditSeal) =>
  Effect.runPromise(verifyAudit().pipe(Effect.provideService(Db, withSeal(database, audit))))
const pairs = (v: { problems: ReadonlyArray<{ seq: number | null; code: string }> }) => v.problems.map((p) => [p.seq, p.code])

describe('rotating the audit key', () => {
  it('verifies a chain across a rotation, names an unknown key, and reports the events a removed retired key leaves unchecked', async () => {
    const keyA = randomBytes(32)
    const keyB = randomBytes(32)
    const checkpoints = memoryCheckpoints()
    const a = auditSeal(keyA, checkpoints)
    const database = await openDatabase<KitTables>({ kind: 'pglite', dataDir: null }, [kitMigrations], { audit: a })
    for (const id of ['c1', 'c2', 'c3']) await append(database, a, id)
    expect((await verify(database, a)).ok).toBe(true)

    // The rotation: B is the current key, A is retired. The checkpoint A signed still verifies.
    const b = auditSeal(keyB, checkpoints, 'given', [keyA])
    expect(b.retired.has(a.keyId)).toBe(true)
    expect(await verify(database, b)).toMatchObject({ ok: true, checked: 3 })
    for (const id of ['c4', 'c5']) await append(database, b, id)
    const rows = await database.kysely.selectFrom('vbe_audit_events').select(['seq', 'key_id']).orderBy('seq').execute()
    expect(rows.map((r) => r.key_id)).toEqual([a.keyId, a.keyId, a.keyId, b.keyId, b.keyId])
    expect(await verify(database, b)).toMatchObject({ ok: true, checked: 5, problems: [] })
    expect(checkpoints.read()).toMatchObject({ seq: 5, keyId: b.keyId })

    // An event re-signed by someone without the key but with a made-up key id: named, not checked, not passed.
    const made = 'f'.repeat(16)
    await sql`update vbe_audit_events set key_id = ${made} where seq = 4`.execute(database.kysely)
    const forged = await verify(database, b)
    expect(forged.problems).toEqual([expect.objectContaining({ seq: 4, code: 'key_unknown', from: 4, to: 4, keyId: made })])
    expect(verificationIn(forged, 'en').problems[0]!.problem).toBe(
      `Event 4 is signed with key ${made}, which this server does not hold, and cannot be checked: a retired key is missing from VBE_AUDIT_RETIRED_KEYS_FILE, or the key id was forged`,
    )
    await sql`update vbe_audit_events set key_id = ${b.keyId} where seq = 4`.execute(database.kysely)

    // A retired key removed from the list: the events it signed cannot be checked, and verify says which.
    const withoutA = auditSeal(keyB, checkpoints)
    const unchecked = await verify(database, withoutA)
    expect(unchecked.ok).toBe(false)
    expect(unchecked.problems).toEqual([expect.objectContaining({ seq: 1, code: 'key_unknown', from: 1, to: 3, keyId: a.keyId })])
    expect(verificationIn(unchecked, 'sv').problems[0]!.problem).toMatch(
      /^Händelserna 1–3 är signerade med nyckeln [0-9a-f]{16}, som servern inte har/,
    )

    // The old key made current again (a rotation undone without B): B's checkpoint and events are named as unknown.
    const onlyA = auditSeal(keyA, memoryCheckpoints())
    onlyA.checkpoints.write(checkpoints.read()!)
    expect(pairs(await verify(database, onlyA))).toEqual([
      [4, 'key_unknown'],
      [null, 'checkpoint_key_unknown'],
    ])
    await database.close()
  }, 180_000)

  it('reads retired keys from VBE_AUDIT_RETIRED_KEYS_FILE: one a line, with an optional key id that must match', () => {
    const dir = tempDir()
    const current = randomBytes(32).toString('hex')
    const old1 = randomBytes(32)
    const old2 = randomBytes(32)
    const file = join(dir, 'retired')
    writeFileSync(file, `# rotated 2026-03\n${keyIdOf(old1)}:${old1.toString('hex')}\n\n${old2.toString('base64')}\n`, { mode: 0o600 })
    const database = { kind: 'pglite' as const, dataDir: join(dir, 'db') }
    const env = { VBE_AUDIT_KEY: current, VBE_AUDIT_RETIRED_KEYS_FILE: file }
    const seal = auditSealFromEnv(env, { app: 'x', database, production: true })
    expect([...seal.retired.keys()].sort()).toEqual([keyIdOf(old1), keyIdOf(old2)].sort())
    expect(seal.describe).toContain('2 retired keys')
    expect(seal.describe).not.toContain(old1.toString('hex'))
    writeFileSync(file, `${'0'.repeat(16)}:${old1.toString('hex')}\n`, { mode: 0o600 })
    expect(() => auditSealFromEnv(env, { app: 'x', database, production: true })).toThrow(
      /VBE_AUDIT_RETIRED_KEYS_FILE, line 1: the key id 0000000000000000 does not match its key/,
    )
    writeFileSync(file, 'abcd\n', { mode: 0o600 })
    expect(() => auditSealFromEnv(env, { app: 'x', database, production: true })).toThrow(/line 1 must hold a key of at least 32 bytes/)
    chmodSync(file, 0o644)
    expect(() => auditSealFromEnv(env, { app: 'x', database, production: true })).toThrow(/chmod 600/)
  })

  it('upgrades a database of the previous schema (004): its keyed events verify, get their key id, and survive a rotation', async () => {
    const dataDir = join(tempDir(), 'db')
    const keyA = randomBytes(32)
    const a = auditSeal(keyA, memoryCheckpoints())
    expect(kitMigrations.migrations['005-audit-keys']).toBeDefined()
    // The schema as it was at 004: the migrations after it (005 and any later one) come at the reopening.
    const previous = Object.fromEntries(Object.entries(kitMigrations.migrations).filter(([name]) => name < '005'))
    const old = await openDatabase<KitTables>({ kind: 'pglite', dataDir }, [{ name: 'kit', migrations: previous }], { audit: a })
    // Keyed events as the previous code wrote them: no key id column.
    const hasher = keyedHasher(keyA)
    let prevHash = GENESIS_HASH
    for (const seq of [1, 2, 3]) {
      const fields = {
        seq,
        at: '2026-01-01T00:00:00.000Z',
        actor: 'anna',
        action: 'case.note',
        entityType: 'case',
        entityId: `c${seq}`,
        district: null,
        ruleset: null,
        payloadHash: hasher.payload(null, { n: seq }),
        prevHash,
      }
      const hash = hasher.event(fields)
      await sql`insert into vbe_audit_events (seq, at, actor, action, entity_type, entity_id, before, after, payload_hash, prev_hash, hash)
                values (${seq}, ${fields.at}, 'anna', 'case.note', 'case', ${fields.entityId}, 'null'::jsonb, ${JSON.stringify({ n: seq })}::jsonb,
                        ${fields.payloadHash}, ${prevHash}, ${hash})`.execute(old.kysely)
      prevHash = hash
    }
    const columns = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns where table_name = 'vbe_audit_events' and column_name = 'key_id'`.execute(
      old.kysely,
    )
    expect(columns.rows[0]!.n).toBe(0)
    await old.close()

    const upgraded = await openDatabase<KitTables>({ kind: 'pglite', dataDir }, [kitMigrations], { audit: a })
    const rows = await upgraded.kysely.selectFrom('vbe_audit_events').select(['seq', 'key_id']).orderBy('seq').execute()
    expect(rows.map((r) => r.key_id)).toEqual([a.keyId, a.keyId, a.keyId])
    expect(await verify(upgraded, a)).toMatchObject({ ok: true, checked: 3 })
    const b = auditSeal(randomBytes(32), a.checkpoints, 'given', [keyA])
    await append(upgraded, b, 'c4')
    expect(await verify(upgraded, b)).toMatchObject({ ok: true, checked: 4 })
    // An old event (no key id yet) is checked with every key the seal holds; an edited one still fails.
    await sql`update vbe_audit_events set key_id = null, after = '{"n":99}'::jsonb where seq = 2`.execute(upgraded.kysely)
    expect(pairs(await verify(upgraded, b))).toEqual([[2, 'payload_altered']])
    await sql`update vbe_audit_events set after = '{"n":2}'::jsonb, actor = 'bo' where seq = 2`.execute(upgraded.kysely)
    expect(pairs(await verify(upgraded, b))).toEqual([[2, 'event_altered']])
    await upgraded.close()
  }, 120_000)
})
