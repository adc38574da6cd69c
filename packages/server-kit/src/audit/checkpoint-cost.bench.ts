/**
 * What the checkpoint follower costs an append: appends N events one by one (each in its
 * own transaction, as a request does) with the follower refreshing the checkpoint file
 * after each commit, and again with a copy of the seal the follower does not watch (no
 * refresh), in three alternating rounds. Run from packages/server-kit:
 * `node --import tsx --conditions=@vbe/source src/audit/checkpoint-cost.bench.ts [N] [pglite|postgres]`
 * (`postgres` starts a throwaway server with @vbe/test-postgres).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Effect } from 'effect'
import { startPostgres } from '@vbe/test-postgres'
import { kitMigrations, openDatabase, type DatabaseConfig } from '../index.js'
import { Clock, Db } from '../services.js'
import { appendAuditAs } from './append.js'
import { auditCheckpointsSettled } from './followers.js'
import { auditSeal, fileCheckpoints, type AuditSeal } from './seal.js'

const n = Number(process.argv[2] ?? 500)
const server = process.argv[3] === 'postgres' ? await startPostgres() : null
const config: DatabaseConfig = server ? { kind: 'postgres', url: server.url } : { kind: 'pglite', dataDir: null }
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'))
const seal = auditSeal(randomBytes(32), fileCheckpoints(join(dir, 'checkpoint.json')))
const database = await openDatabase(config, [kitMigrations], { audit: seal })

async function run(audit: AuditSeal, label: string): Promise<number> {
  const db = { ...database, audit }
  const start = performance.now()
  for (let i = 0; i < n; i++)
    await Effect.runPromise(
      appendAuditAs('bench', { action: 'case.note', entityType: 'case', entityId: `c${i}`, after: { i } }).pipe(
        Effect.provideService(Db, db),
        Effect.provideService(Clock, { now: () => new Date() }),
      ),
    )
  await auditCheckpointsSettled(seal)
  const ms = (performance.now() - start) / n
  console.log(`${label}: ${ms.toFixed(3)} ms per append (${n} appends, ${config.kind})`)
  return ms
}

await run({ ...seal }, 'warm-up, no follower')
let without = 0
let withFollower = 0
for (let round = 0; round < 3; round++) {
  without += (await run({ ...seal }, 'without the follower')) / 3
  withFollower += (await run(seal, 'with the follower')) / 3
}
console.log(
  `checkpoint after each commit: +${(withFollower - without).toFixed(3)} ms per append; checkpoint at seq ${seal.checkpoints.read()?.seq}`,
)
await database.close()
await server?.stop()
rmSync(dir, { recursive: true, force: true })
