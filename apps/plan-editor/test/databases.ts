import { inject } from 'vitest'
import { createDatabase } from '@vbe/test-postgres'
import type { DatabaseConfig } from '@vbe/server-kit'

/** Both real databases: PGlite in memory, and a fresh database on the PostgreSQL server the global setup started. */
export const DATABASES: ReadonlyArray<readonly [string, () => Promise<DatabaseConfig>]> = [
  ['PGlite', async () => ({ kind: 'pglite', dataDir: null })],
  ['PostgreSQL', async () => ({ kind: 'postgres', url: await createDatabase(inject('postgresUrl')) })],
]
