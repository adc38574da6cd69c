import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from '../src/index.js'

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql, values)).rows
  } finally {
    await client.end()
  }
}

describe('startPostgres', () => {
  let server: PostgresServer | undefined
  afterAll(async () => {
    await server?.stop()
  })

  it('starts a real server, makes databases on it, and stops it', async () => {
    server = await startPostgres()
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/test`)
    expect(await portOpen(server.port)).toBe(true)

    const [row] = await query<{ db: string; version: string; encoding: string; addr: string }>(
      server.url,
      "SELECT current_database() AS db, current_setting('server_version') AS version, pg_encoding_to_char(encoding) AS encoding, inet_server_addr()::text AS addr FROM pg_database WHERE datname = current_database()",
    )
    expect(row).toMatchObject({ db: 'test', encoding: 'UTF8', addr: '127.0.0.1/32' })
    expect(row?.version).toMatch(/^\d+/)

    await query(server.url, 'CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)')
    await query(server.url, 'INSERT INTO t VALUES ($1, $2), ($3, $4)', [1, 'Rinkeby', 2, 'Norrmalm'])
    expect(await query(server.url, 'SELECT name FROM t ORDER BY id')).toEqual([{ name: 'Rinkeby' }, { name: 'Norrmalm' }])

    const second = await createDatabase(server.url, 'second')
    expect(second).toBe(`postgres://postgres@127.0.0.1:${server.port}/second`)
    const [s] = await query<{ db: string; tables: number }>(
      second,
      "SELECT current_database() AS db, count(*)::int AS tables FROM pg_tables WHERE tablename = 't'",
    )
    expect(s).toEqual({ db: 'second', tables: 0 }) // a fresh database, not a copy of `test`

    const made = await createDatabase(server.url)
    expect(made).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:${server.port}/test_[a-z0-9_]+$`))

    const port = server.port
    await server.stop()
    await server.stop() // a second stop is harmless
    expect(await portOpen(port)).toBe(false)
    await expect(query(second, 'SELECT 1')).rejects.toThrow()
  })

  it('says what to install when the binaries are missing', async () => {
    expect(() => findPostgresBin('/nonexistent/pg/bin')).toThrow(/sudo apt-get install -y postgresql/)
    await expect(startPostgres({ pgBin: '/nonexistent/pg/bin' })).rejects.toThrow(
      /initdb, pg_ctl, postgres not found.*apt-get install -y postgresql/,
    )
  })

  it('finds the highest installed version by default', () => {
    expect(findPostgresBin(undefined)).toMatch(/^\/usr\/lib\/postgresql\/[\d.]+\/bin$/)
  })

  it('cleans up its temporary folder when the server fails to start', async () => {
    const base = mkdtempSync(join(tmpdir(), 'vbe-pg-base-'))
    chmodSync(base, 0o755) // the postgres user must get in when we run as root
    try {
      await expect(startPostgres({ baseDir: base, settings: { shared_buffers: 'not a size' }, watchdog: false })).rejects.toThrow(
        /pg_ctl start failed[\s\S]*shared_buffers/,
      )
      expect(readdirSync(base)).toEqual([])
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})
