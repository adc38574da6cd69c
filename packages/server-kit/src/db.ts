import { mkdirSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { anchorAuditChain } from './audit/anchor.js'
import { defaultAuditSeal } from './audit/config.js'
import { followCheckpoints } from './audit/follow.js'
import type { AuditSeal } from './audit/seal.js'
import { copyIntoPglite, insertFromJson, type AnyKysely, type AnyTables, type BulkInsert } from './db-values.js'

export * from './db-values.js'

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseConfig =
  { readonly kind: 'pglite'; readonly dataDir: string | null } | { readonly kind: 'postgres'; readonly url: string }

/**
 * The database for an app: PostgreSQL when `DATABASE_URL` is set, otherwise PGlite in
 * `<base>/data/<app>` (created on first start). `base` defaults to the directory npm
 * was started in, so `npm start` at the repository root uses `./data/<app>`.
 */
export function databaseConfigFromEnv(app: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim()
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got ${JSON.stringify(url.replace(/:[^:@/]*@/, ':***@'))}`)
    return { kind: 'postgres', url }
  }
  const dir = env['VBE_DATA_DIR']?.trim()
  const base = env['INIT_CWD'] ?? process.cwd()
  return { kind: 'pglite', dataDir: dir ? (isAbsolute(dir) ? dir : resolve(base, dir)) : resolve(base, 'data', app) }
}

export interface Database<DB = AnyTables> {
  readonly kysely: Kysely<DB>
  /** Many rows into one table at once; see `BulkInsert`. */
  readonly bulkInsert: BulkInsert
  readonly kind: DatabaseConfig['kind']
  /** A short description for logs, without credentials. */
  readonly describe: string
  /** The audit key and checkpoint store, outside the database (see `auditSealFromEnv`). */
  readonly audit: AuditSeal
  close(): Promise<void>
}

export interface OpenOptions {
  /** The audit seal; default `defaultAuditSeal(config)` (a development key beside a PGlite directory, else one for this process). */
  readonly audit?: AuditSeal
}

/** One named set of migrations, run in order and recorded in its own table. */
export interface MigrationSet {
  /** Short name, for example `kit` or `grants`; the record table is `vbe_migrations_<name>`. */
  readonly name: string
  readonly migrations: Readonly<Record<string, Migration>>
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Readonly<Record<string, Migration>>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.migrations }
  }
}

/** Opens the database and runs every migration set that is not yet applied. */
export async function openDatabase<DB>(
  config: DatabaseConfig,
  sets: readonly MigrationSet[],
  options: OpenOptions = {},
): Promise<Database<DB>> {
  const audit = options.audit ?? defaultAuditSeal(config)
  let kysely: Kysely<DB>
  let describe: string
  let bulkInsert: BulkInsert = insertFromJson
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 })
    kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
    const u = new URL(config.url)
    describe = `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`
  } else {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true })
    const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite()
    await pglite.waitReady
    kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite) })
    bulkInsert = copyIntoPglite(pglite)
    describe = config.dataDir ? `PGlite in ${config.dataDir}` : 'PGlite in memory'
  }
  try {
    for (const set of sets) await migrate(kysely, set)
    // An unkeyed chain from before the audit key gets its keyed anchor (003-audit).
    await anchorAuditChain(kysely, audit)
  } catch (error) {
    await kysely.destroy()
    throw error
  }
  // The checkpoint follows each committed append; closing waits for the last one.
  const follower = followCheckpoints(kysely, audit)
  const close = async () => {
    await follower.stop()
    await kysely.destroy()
  }
  return { kysely, bulkInsert, kind: config.kind, describe, audit, close }
}

async function migrate(kysely: AnyKysely, set: MigrationSet): Promise<void> {
  const migrator = new Migrator({
    db: kysely,
    provider: new StaticProvider(set.migrations),
    migrationTableName: `vbe_migrations_${set.name}`,
    migrationLockTableName: `vbe_migrations_${set.name}_lock`,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(
      `Migration ${set.name}/${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
}
