import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import pg from 'pg'
// Brings the `ProvidedContext.postgresUrl` declaration for vitest's inject() along.
import type {} from './provided-context.js'
import { commandRunner, defaultBaseDir, osUserFor, readTail } from './run-as.js'
import {
  cleanupDir,
  installExitHooks,
  live,
  readPostmasterPid,
  startWatchdog,
  stopServer,
  stopServerSync,
  type LiveServer,
} from './shutdown.js'

/** What to tell people whose machine lacks PostgreSQL. */
export const INSTALL_HINT =
  "Install Debian's PostgreSQL: sudo apt-get install -y postgresql (or run tools/scripts/install-system-deps.sh, or set PG_BIN to a folder holding initdb, pg_ctl and postgres)."

export interface StartPostgresOptions {
  /** Database created for the caller, named in the returned URL. Default `test`. */
  database?: string | undefined
  /** Superuser role that initdb creates and the URL logs in as. Default `postgres`. */
  user?: string | undefined
  /** Folder holding initdb, pg_ctl and postgres. Default: PG_BIN, else the highest /usr/lib/postgresql/<version>/bin. */
  pgBin?: string | undefined
  /** Where the temporary folder goes. Default: the OS temp dir (or /tmp when running as root and the postgres user cannot reach it). */
  baseDir?: string | undefined
  /** Extra postgresql.conf settings, e.g. `{ max_connections: 20 }`. */
  settings?: Record<string, string | number | boolean> | undefined
  /** How long to wait for the server to accept connections. Default 30 s. */
  startTimeoutMs?: number | undefined
  /** System user to run PostgreSQL as when this process is root (PostgreSQL refuses to run as root). Default `postgres`. */
  osUser?: string | undefined
  /**
   * Start a small detached watchdog that shuts the server down and removes its folder
   * if this process dies without running its exit hooks (e.g. SIGKILL). Default true.
   */
  watchdog?: boolean | undefined
}

export interface PostgresServer {
  /** `postgres://user@127.0.0.1:port/database`; no password (trust auth on loopback). */
  url: string
  port: number
  /** Fast shutdown, then removal of the temporary folder. Safe to call more than once. */
  stop(): Promise<void>
}

/** Finds the folder holding initdb, pg_ctl and postgres, or throws saying what to install. */
export function findPostgresBin(pgBin: string | undefined = process.env['PG_BIN']): string {
  const need = ['initdb', 'pg_ctl', 'postgres']
  const missingIn = (dir: string) => need.filter((b) => !existsSync(join(dir, b)))
  if (pgBin) {
    const missing = missingIn(pgBin)
    if (missing.length)
      throw new Error(`PostgreSQL binaries ${missing.join(', ')} not found in ${pgBin} (from PG_BIN / pgBin). ${INSTALL_HINT}`)
    return pgBin
  }
  const root = '/usr/lib/postgresql'
  let versions: string[] = []
  try {
    versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v))
  } catch {
    // no PostgreSQL at all
  }
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
  for (const v of versions) {
    const dir = join(root, v, 'bin')
    if (missingIn(dir).length === 0) return dir
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found under ${root}/<version>/bin; the tests need a real PostgreSQL server. ${INSTALL_HINT}`,
  )
}

/**
 * Starts a throwaway PostgreSQL server on 127.0.0.1 at a free port, in a fresh temporary
 * data folder (trust auth, locale C, UTF8), creates `database` and returns its URL.
 * Throws, naming what to install, when PostgreSQL is missing; cleans up after itself
 * when anything fails, and stops the server when the process exits.
 */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBin(opts.pgBin ?? process.env['PG_BIN'])
  const user = opts.user ?? 'postgres'
  const database = opts.database ?? 'test'
  const timeoutMs = opts.startTimeoutMs ?? 30_000
  const runAs = osUserFor(opts.osUser ?? 'postgres')

  const base = opts.baseDir ?? defaultBaseDir(runAs)
  const dir = mkdtempSync(join(base, 'vbe-pg-'))
  const dataDir = join(dir, 'data')
  const sockDir = join(dir, 'sock')
  const logFile = join(dir, 'postgres.log')
  mkdirSync(sockDir, { mode: 0o700 })
  const cmd = commandRunner(runAs, dir)
  const server: LiveServer = { dir, dataDir, cmd, bin, watchdog: undefined, postmasterPid: undefined }

  let started = false
  try {
    if (runAs) {
      chownSync(dir, runAs.uid, runAs.gid)
      chownSync(sockDir, runAs.uid, runAs.gid)
    }
    live.add(server)
    installExitHooks()
    if (opts.watchdog ?? true) server.watchdog = startWatchdog(server)

    await cmd.run(join(bin, 'initdb'), ['-D', dataDir, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], 'initdb')

    const settings: Record<string, string | number | boolean> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: sockDir,
      fsync: true,
      logging_collector: false,
      ...opts.settings,
    }
    appendFileSync(
      join(dataDir, 'postgresql.conf'),
      `\n# @vbe/test-postgres\n${Object.entries(settings)
        .map(([k, v]) => `${k} = ${confValue(v)}`)
        .join('\n')}\n`,
    )

    // Another process may take the free port between our probe and the server's bind: retry.
    let port = 0
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      appendFileSync(join(dataDir, 'postgresql.conf'), `port = ${port}\n`)
      try {
        await cmd.run(
          join(bin, 'pg_ctl'),
          ['-D', dataDir, '-l', logFile, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), '-s', 'start'],
          'pg_ctl start',
          logFile,
        )
        started = true
        break
      } catch (err) {
        if (attempt < 3 && /address already in use|could not bind|could not create any TCP\/IP sockets/i.test(readTail(logFile))) continue
        started = existsSync(join(dataDir, 'postmaster.pid'))
        throw err
      }
    }
    server.postmasterPid = readPostmasterPid(dataDir)

    const adminUrl = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/postgres`
    await waitForConnection(adminUrl, timeoutMs)
    const url = database === 'postgres' ? adminUrl : await createDatabase(adminUrl, database)

    let stopping: Promise<void> | undefined
    return {
      url,
      port,
      stop: () => (stopping ??= stopServer(server)),
    }
  } catch (err) {
    if (started) stopServerSync(server)
    else cleanupDir(server)
    throw err
  }
}

/**
 * Creates a fresh database on the server behind `url` (any database on it) and returns
 * `url` pointed at the new one. Without `name`, a unique `test_…` name is made up, so
 * several test files can share one server (see `@vbe/test-postgres/global-setup`).
 */
export async function createDatabase(url: string, name: string = uniqueDatabaseName()): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
  } finally {
    await client.end()
  }
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(name)}`
  return u.toString()
}

/** A database name unlikely to clash with another test file's. */
export function uniqueDatabaseName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase()
}

// ---------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolvePromise(addr.port) : reject(new Error('no port'))))
    })
  })
}

async function waitForConnection(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      return
    } catch (err) {
      await client.end().catch(() => {})
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms: ${(err as Error).message}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

function confValue(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off'
  if (typeof v === 'number') return String(v)
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
