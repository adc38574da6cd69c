import pg from 'pg'
import { expect, inject, it } from 'vitest'
import { createDatabase } from '../src/index.js'

// The server comes from @vbe/test-postgres/global-setup (see vitest.config.ts).
it('gets the globalSetup server through inject() and makes its own database on it', async () => {
  const shared = inject('postgresUrl')
  expect(shared).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/test$/)
  const url = await createDatabase(shared)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ db: string; sum: number }>('SELECT current_database() AS db, 1 + 1 AS sum')
    expect(rows[0]?.sum).toBe(2)
    expect(url.endsWith(`/${rows[0]?.db}`)).toBe(true)
  } finally {
    await client.end()
  }
})
