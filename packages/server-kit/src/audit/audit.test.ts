import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from '../../test/databases.js'
import { kitMigrations, openDatabase, type Database } from '../index.js'
import { Clock, CurrentUser, Db, transaction } from '../services.js'
import { appendAuditAs } from './append.js'
import { GENESIS_HASH, legacyHasher } from './chain.js'
import { eraseFromAudit } from './erase.js'
import { auditCheckpointsSettled } from './followers.js'
import { auditSeal, memoryCheckpoints } from './seal.js'
import { verificationIn } from './problems.js'
import { verifyAudit } from './verify.js'
import { randomBytes } from 'node:crypto'

/**
 * Someone with write access to the database (and not to the audit key or the checkpoint
 * file) tampers with the log in each of the ways the security review found; each one is
 * detected.
 */
describe.each(DATABASES)('the audit chain against database tampering, on %s', (_name, config) => {
  let database: Database
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') }
  const run = <A, E>(e: Effect.Effect<A, E, Db | Clock | CurrentUser>) =>
    Effect.runPromise(
      e.pipe(
        Effect.provideService(Db, database),
        Effect.provideService(Clock, clock),
        Effect.provideService(CurrentUser, { id: 'u0', username: 'admin', displayName: 'Admin', roles: ['admin'], district: null }),
      ),
    )
  const exec = (q: { execute: (db: Database['kysely']) => Promise<unknown> }) => q.execute(database.kysely)
  const codes = async () => (await run(verifyAudit())).problems.map((p) => [p.seq, p.code])
  const note = (entityId: string, after: unknown) =>
    run(appendAuditAs('anna', { action: 'case.note', entityType: 'case', entityId, district: 'rinkeby-kista', after }))

  beforeAll(async () => {
    database = await openDatabase(await config(), [kitMigrations], { audit: auditSeal(randomBytes(32), memoryCheckpoints()) })
  })
  afterAll(() => database?.close())

  it('keys the hashes: an edited event re-hashed forward without the key is detected', async () => {
    const first = await note('c1', { text: 'first' })
    for (let i = 2; i <= 4; i++) await note(`c${i}`, { text: `note ${i}` })
    expect((await run(verifyAudit())).ok).toBe(true)
    // The attack that passed before: change a payload and recompute every hash from there on.
    await exec(sql`update vbe_audit_events set after = '{"text":"rewritten"}'::jsonb where seq = ${first.seq}`)
    const rows = await database.kysely.selectFrom('vbe_audit_events').selectAll().where('seq', '>=', first.seq).orderBy('seq').execute()
    let prev =
      (
        await database.kysely
          .selectFrom('vbe_audit_events')
          .select('hash')
          .where('seq', '=', first.seq - 1)
          .executeTakeFirst()
      )?.hash ?? GENESIS_HASH
    for (const r of rows) {
      const payloadHash = legacyHasher.payload(r.before, r.after)
      const fields = {
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        district: r.district,
        ruleset: r.ruleset,
        payloadHash,
        prevHash: prev,
      }
      prev = legacyHasher.event(fields)
      await exec(
        sql`update vbe_audit_events set payload_hash = ${payloadHash}, prev_hash = ${fields.prevHash}, hash = ${prev} where seq = ${r.seq}`,
      )
    }
    const found = await codes()
    expect(found).toContainEqual([first.seq, 'payload_altered'])
    expect(found).toContainEqual([first.seq, 'event_altered'])
    expect(found.filter(([, c]) => c === 'event_altered')).toHaveLength(rows.length)
    // Put the real rows back for the next tests.
    await exec(sql`delete from vbe_audit_events where seq >= ${first.seq}`)
    await exec(
      sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(rowsBefore(rows, first))}::jsonb)`,
    )
  })

  it('erasures list what they tombstone: a forged tombstone pointing at a real erasure is detected', async () => {
    const karin = await run(
      appendAuditAs('anna', { action: 'person.create', entityType: 'person', entityId: 'p-karin', after: { name: 'Karin Berg' } }),
    )
    const bo = await run(
      appendAuditAs('anna', { action: 'person.create', entityType: 'person', entityId: 'p-bo', after: { name: 'Bo Ek' } }),
    )
    const { event } = await run(
      eraseFromAudit({
        entities: [{ entityType: 'person', entityId: 'p-karin' }],
        reason: 'data-subject-request',
        subject: { entityType: 'person', entityId: 'p-karin' },
      }),
    )
    expect(event.after).toEqual({ reason: 'data-subject-request', tombstoned: [karin.seq] })
    expect((await run(verifyAudit())).ok).toBe(true)
    // Hide Bo's event behind Karin's erasure.
    const tomb = JSON.stringify({ erased: true, erasedBy: event.seq })
    await exec(
      sql`update vbe_audit_events set before = ${tomb}::jsonb, after = ${tomb}::jsonb, erased_by = ${event.seq} where seq = ${bo.seq}`,
    )
    const v = await run(verifyAudit())
    expect(v.problems.map((p) => [p.seq, p.code])).toEqual([[bo.seq, 'tombstone_not_listed']])
    expect(verificationIn(v, 'sv').problems[0]!.problem).toBe(
      `markerad som raderad av händelse ${event.seq}, men den raderingen räknar inte upp händelsen: innehållet har gömts i efterhand`,
    )
    await exec(
      sql`update vbe_audit_events set before = 'null'::jsonb, after = ${JSON.stringify(bo.after)}::jsonb, erased_by = null where seq = ${bo.seq}`,
    )
    expect((await run(verifyAudit())).ok).toBe(true)
    // An event the erasure lists, brought back: the erasure is reported incomplete.
    await exec(sql`update vbe_audit_events set erased_by = null where seq = ${karin.seq}`)
    expect(await codes()).toContainEqual([karin.seq, 'erasure_incomplete'])
    await exec(sql`update vbe_audit_events set erased_by = ${event.seq} where seq = ${karin.seq}`)
    expect((await run(verifyAudit())).ok).toBe(true)
  })

  it('detects deletion of the newest events against the signed checkpoint outside the database', async () => {
    await note('c10', { text: 'ten' })
    await note('c11', { text: 'eleven' })
    const head = (await run(verifyAudit())).head!.seq
    const removed = (await exec(sql`delete from vbe_audit_events where seq > ${head - 2} returning *`)) as { rows: unknown[] }
    const v = await run(verifyAudit())
    expect(v.ok).toBe(false)
    expect(v.problems).toContainEqual(expect.objectContaining({ seq: head, code: 'truncated', from: head - 1, to: head }))
    expect(verificationIn(v, 'en').problems.map((p) => p.problem)).toContain(
      `events ${head - 1}–${head} are missing after checkpoint ${head}: the signed checkpoint shows the chain reached event ${head}. ` +
        'The newest events were deleted, or the database lost its last commits (a crash, or a restore from an older backup)',
    )
    // Appending over the gap does not move the checkpoint past the evidence.
    await note('c12', { text: 'over the gap' })
    await note('c13', { text: 'and on' })
    await auditCheckpointsSettled(database.audit)
    expect(await codes()).toContainEqual([head, 'checkpoint_mismatch'])
    await exec(sql`delete from vbe_audit_events where seq >= ${head - 1}`)
    await exec(
      sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(removed.rows)}::jsonb)`,
    )
    expect((await run(verifyAudit())).ok).toBe(true)
  })

  it('moves the checkpoint after each committed append, so deleting events written since the last verification is detected', async () => {
    const before = (await run(verifyAudit())).head!.seq
    const written = []
    for (let i = 0; i < 3; i++) written.push(await note(`c2${i}`, { text: `since the verification ${i}` }))
    await auditCheckpointsSettled(database.audit)
    const head = written[2]!.seq
    expect(database.audit.checkpoints.read()).toMatchObject({ seq: head, hash: written[2]!.hash, keyId: database.audit.keyId })
    // A rolled-back append never reaches the checkpoint.
    await expect(
      run(
        transaction(
          Effect.flatMap(appendAuditAs('anna', { action: 'case.note', entityType: 'case', entityId: 'rb' }), () => Effect.fail('undo')),
        ),
      ),
    ).rejects.toBeDefined()
    await auditCheckpointsSettled(database.audit)
    expect(database.audit.checkpoints.read()?.seq).toBe(head)
    expect((await run(verifyAudit())).ok).toBe(true)
    // Nobody verified since `before`; the newest two events are deleted directly in the database.
    const removed = (await exec(sql`delete from vbe_audit_events where seq > ${head - 2} returning *`)) as { rows: unknown[] }
    expect(before).toBeLessThan(head - 2)
    const v = await run(verifyAudit())
    expect(v.problems.map((p) => [p.seq, p.code, p.from, p.to])).toEqual([[head, 'truncated', head - 1, head]])
    expect(verificationIn(v, 'sv').problems[0]!.problem).toMatch(
      new RegExp(`^händelserna ${head - 1}–${head} saknas efter kontrollpunkt ${head}: den signerade kontrollpunkten visar`),
    )
    await exec(
      sql`insert into vbe_audit_events select * from jsonb_populate_recordset(null::vbe_audit_events, ${JSON.stringify(removed.rows)}::jsonb)`,
    )
    expect((await run(verifyAudit())).ok).toBe(true)
  })

  it('detects a checkpoint that is not signed with the key', async () => {
    const stored = database.audit.checkpoints.read()!
    database.audit.checkpoints.write({ ...stored, seq: stored.seq + 5 })
    expect(await codes()).toContainEqual([null, 'checkpoint_forged'])
    database.audit.checkpoints.write(stored)
    expect((await run(verifyAudit())).ok).toBe(true)
  })

  it('cannot be verified (or forged) with another key', async () => {
    const other = { ...database, audit: auditSeal(randomBytes(32), memoryCheckpoints()) }
    const v = await Effect.runPromise(verifyAudit().pipe(Effect.provideService(Db, other)))
    expect(v.ok).toBe(false)
    // Every event names the key that signed it, which this seal does not hold: none can be checked (or re-signed).
    expect(v.problems).toContainEqual(
      expect.objectContaining({ seq: 1, code: 'key_unknown', from: 1, to: v.checked, keyId: database.audit.keyId }),
    )
    // With the key ids forged to the other key's, every event fails its hash.
    await exec(sql`update vbe_audit_events set key_id = ${other.audit.keyId}`)
    const forged = await Effect.runPromise(verifyAudit().pipe(Effect.provideService(Db, other)))
    expect(forged.problems.filter((p) => p.code === 'event_altered')).toHaveLength(forged.checked)
    await exec(sql`update vbe_audit_events set key_id = ${database.audit.keyId}`)
    expect((await run(verifyAudit())).ok).toBe(true)
  })
})

/** The rows as they were before the rewrite: payloads put back, hashes as stored. */
function rowsBefore(rows: ReadonlyArray<Record<string, unknown>>, first: { seq: number; after: unknown }) {
  return rows.map((r) => (Number(r['seq']) === first.seq ? { ...r, after: first.after } : r))
}
