import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { kitMigrations, openDatabase, type KitTables } from '../index.js'
import { Db } from '../services.js'
import { anchorAuditChain } from './anchor.js'
import { ANCHOR_ACTION, ERASE_ACTION, GENESIS_HASH, legacyHasher } from './chain.js'
import { auditSealFromEnv } from './config.js'
import { AuditKeyError, auditSeal, fileCheckpoints, memoryCheckpoints } from './seal.js'
import { verifyAudit } from './verify.js'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kit-audit-keys-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the audit key, outside the database', () => {
  const pglite = (dataDir: string) => ({ kind: 'pglite' as const, dataDir })

  it('refuses a production start without a key, naming what to set', () => {
    expect(() => auditSealFromEnv({}, { app: 'x', database: pglite(join(tempDir(), 'db')), production: true })).toThrow(AuditKeyError)
    expect(() => auditSealFromEnv({}, { app: 'x', database: pglite(join(tempDir(), 'db')), production: true })).toThrow(
      /VBE_AUDIT_KEY_FILE/,
    )
  })

  it('makes a development key once beside the data directory, readable by its owner only', () => {
    const dir = join(tempDir(), 'grant-screening')
    const a = auditSealFromEnv({}, { app: 'grant-screening', database: pglite(dir), production: false })
    const file = `${dir}-audit/audit.key`
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
    const b = auditSealFromEnv({}, { app: 'grant-screening', database: pglite(dir), production: false })
    expect(b.key.equals(a.key)).toBe(true)
    expect(a.checkpoints.describe).toBe(`${dir}-audit/checkpoint.json`)
  })

  it('keeps one development key and checkpoint per PostgreSQL database, under ./data', () => {
    const base = tempDir()
    const seal = auditSealFromEnv(
      { INIT_CWD: base },
      { app: 'gs', database: { kind: 'postgres', url: 'postgres://u:secret@db.local:6543/vbe' }, production: false },
    )
    expect(seal.checkpoints.describe).toBe(join(base, 'data/gs-audit/db.local-6543_vbe/checkpoint.json'))
    expect(seal.describe).not.toContain('secret')
  })

  it('reads VBE_AUDIT_KEY and VBE_AUDIT_KEY_FILE, and refuses short keys and key files others may read', () => {
    const key = randomBytes(32).toString('hex')
    const database = pglite(join(tempDir(), 'db'))
    const fromEnv = auditSealFromEnv({ VBE_AUDIT_KEY: key }, { app: 'x', database, production: true })
    expect(fromEnv.key.toString('hex')).toBe(key)
    expect(() => auditSealFromEnv({ VBE_AUDIT_KEY: 'abcd' }, { app: 'x', database, production: true })).toThrow(/at least 32 bytes/)
    const file = join(tempDir(), 'audit.key')
    writeFileSync(file, key, { mode: 0o644 })
    chmodSync(file, 0o644)
    expect(() => auditSealFromEnv({ VBE_AUDIT_KEY_FILE: file }, { app: 'x', database, production: true })).toThrow(/chmod 600/)
    chmodSync(file, 0o600)
    expect(auditSealFromEnv({ VBE_AUDIT_KEY_FILE: file }, { app: 'x', database, production: true }).key.toString('hex')).toBe(key)
    expect(() => auditSealFromEnv({ VBE_AUDIT_KEY_FILE: file, VBE_AUDIT_KEY: key }, { app: 'x', database, production: true })).toThrow(
      /not both/,
    )
  })

  it('a production start of a server without the key exits 1 and says what to set; with a key file it starts', async () => {
    const fixture = resolve(import.meta.dirname, '../../test/fixtures/tiny-app.ts')
    const startApp = (env: Record<string, string>) =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', fixture], {
          env: { ...process.env, PORT: '0', VBE_DEMO: '0', NODE_ENV: 'production', VBE_DATA_DIR: join(tempDir(), 'db'), ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let out = ''
        const take = (d: Buffer) => {
          out += d.toString()
          if (out.includes('Audit key:')) child.kill('SIGTERM')
        }
        child.stdout.on('data', take)
        child.stderr.on('data', take)
        child.once('exit', (code) => done({ code, out }))
      })
    const refused = await startApp({})
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('Tiny app cannot start:\nA production start needs the audit key outside the database')
    const file = join(tempDir(), 'audit.key')
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    const started = await startApp({ VBE_AUDIT_KEY_FILE: file, VBE_AUDIT_CHECKPOINT_FILE: join(tempDir(), 'cp.json') })
    expect(started.out).toContain(`Audit key: ${file}; checkpoints: `)
  }, 120_000)
})

describe('upgrading a chain written before the key (003-audit)', () => {
  it('anchors it with a keyed event that records the old head and tombstones, and still detects tampering before the anchor', async () => {
    const seal = auditSeal(randomBytes(32), memoryCheckpoints())
    const database = await openDatabase<KitTables>({ kind: 'pglite', dataDir: null }, [kitMigrations], { audit: seal })
    // An old chain: plain SHA-256 hashes, an erasure without its list of tombstones.
    let prevHash = GENESIS_HASH
    const old = [
      { action: 'person.create', entityId: 'p1', after: { name: 'Karin Berg' } },
      { action: 'person.create', entityId: 'p2', after: { name: 'Bo Ek' } },
      { action: 'case.note', entityId: 'c1', after: { text: 'note' } },
      { action: ERASE_ACTION, entityId: 'p1', after: { reason: 'request', entities: 1 } },
    ]
    for (const [i, e] of old.entries()) {
      const fields = {
        seq: i + 1,
        at: '2025-01-01T00:00:00.000Z',
        actor: 'anna',
        action: e.action,
        entityType: e.entityId.startsWith('p') ? 'person' : 'case',
        entityId: e.entityId,
        district: null,
        ruleset: null,
        payloadHash: legacyHasher.payload(null, e.after),
        prevHash,
      }
      const hash = legacyHasher.event(fields)
      await database.kysely
        .insertInto('vbe_audit_events')
        .values({
          seq: fields.seq,
          at: fields.at,
          actor: fields.actor,
          action: fields.action,
          entity_type: fields.entityType,
          entity_id: fields.entityId,
          district: null,
          ruleset: null,
          before: sql`'null'::jsonb`,
          after: sql`${JSON.stringify(e.after)}::jsonb`,
          payload_hash: fields.payloadHash,
          prev_hash: prevHash,
          hash,
          erased_by: null,
        })
        .execute()
      prevHash = hash
    }
    const tomb = JSON.stringify({ erased: true, erasedBy: 4 })
    await sql`update vbe_audit_events set before = ${tomb}::jsonb, after = ${tomb}::jsonb, erased_by = 4 where seq = 1`.execute(
      database.kysely,
    )

    expect(await anchorAuditChain(database.kysely, seal)).toBe('anchored')
    expect(await anchorAuditChain(database.kysely, seal)).toBe('keyed')
    const anchor = await database.kysely
      .selectFrom('vbe_audit_events')
      .selectAll()
      .where('action', '=', ANCHOR_ACTION)
      .executeTakeFirstOrThrow()
    expect(anchor.seq).toBe(5)
    expect(anchor.after).toMatchObject({ previousHead: { seq: 4, hash: prevHash }, tombstones: [[1, 4]] })
    expect(seal.checkpoints.read()).toMatchObject({ seq: 5, hash: anchor.hash })
    const verify = () => Effect.runPromise(verifyAudit().pipe(Effect.provideService(Db, database)))
    expect(await verify()).toMatchObject({ ok: true, checked: 5 })

    // Bo's old event hidden behind the old erasure: the anchor's list of tombstones gives it away.
    await sql`update vbe_audit_events set before = ${tomb}::jsonb, after = ${tomb}::jsonb, erased_by = 4 where seq = 2`.execute(
      database.kysely,
    )
    expect((await verify()).problems.map((p) => [p.seq, p.code])).toEqual([[2, 'tombstone_not_listed']])
    await sql`update vbe_audit_events set before = 'null'::jsonb, after = '{"name":"Bo Ek"}'::jsonb, erased_by = null where seq = 2`.execute(
      database.kysely,
    )

    // An old event edited and the old (unkeyed) hashes recomputed up to the anchor: the anchor's keyed hash covers the old head.
    await sql`update vbe_audit_events set after = '{"text":"rewritten"}'::jsonb where seq = 3`.execute(database.kysely)
    const rows = await database.kysely.selectFrom('vbe_audit_events').selectAll().where('seq', 'in', [3, 4]).orderBy('seq').execute()
    let prev = (await database.kysely.selectFrom('vbe_audit_events').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow()).hash
    for (const r of rows) {
      const payloadHash = legacyHasher.payload(r.before, r.after)
      prev = legacyHasher.event({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        district: r.district,
        ruleset: r.ruleset,
        payloadHash,
        prevHash: r.seq === 3 ? r.prev_hash : prev,
      })
      await sql`update vbe_audit_events set payload_hash = ${payloadHash}, hash = ${prev}, prev_hash = ${r.seq === 3 ? r.prev_hash : rows[0]!.hash} where seq = ${r.seq}`.execute(
        database.kysely,
      )
    }
    await sql`update vbe_audit_events set prev_hash = ${prev} where seq = 5`.execute(database.kysely)
    expect((await verify()).problems.map((p) => [p.seq, p.code])).toContainEqual([5, 'event_altered'])
    await database.close()
  }, 120_000)

  it('does not anchor a chain that looks unkeyed when a checkpoint exists: that chain was rewritten', async () => {
    const dir = tempDir()
    const seal = auditSeal(randomBytes(32), fileCheckpoints(join(dir, 'cp.json')))
    const database = await openDatabase<KitTables>({ kind: 'pglite', dataDir: null }, [kitMigrations], { audit: seal })
    const fields = {
      seq: 1,
      at: 'x',
      actor: 'a',
      action: 'case.note',
      entityType: 'case',
      entityId: 'c',
      district: null,
      ruleset: null,
      payloadHash: legacyHasher.payload(null, null),
      prevHash: GENESIS_HASH,
    }
    await database.kysely
      .insertInto('vbe_audit_events')
      .values({
        seq: 1,
        at: 'x',
        actor: 'a',
        action: 'case.note',
        entity_type: 'case',
        entity_id: 'c',
        district: null,
        ruleset: null,
        before: null,
        after: null,
        payload_hash: fields.payloadHash,
        prev_hash: GENESIS_HASH,
        hash: legacyHasher.event(fields),
        erased_by: null,
      })
      .execute()
    seal.checkpoints.write({ seq: 9, hash: 'h', at: 'x', mac: 'm' })
    expect(await anchorAuditChain(database.kysely, seal)).toBe('refused')
    await database.close()
  }, 120_000)
})
