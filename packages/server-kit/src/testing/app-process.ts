import { randomBytes } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { changePassword } from '../auth.js'
import type { Database, DatabaseConfig } from '../db.js'
import { Clock, Db, systemClock } from '../services.js'

/** A server app's `main()` run as a real process (tsx as a loader, so signals reach it). */
export interface AppProcess {
  readonly child: ChildProcess
  readonly output: () => string
  readonly exited: Promise<number | null>
  /** The URL from the banner; rejects if the process exits first. */
  readonly url: Promise<string>
  /** Waits (up to 10 s) until the output matches: stdout and stderr arrive in no fixed order. */
  waitFor(pattern: RegExp): Promise<string>
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>
}

export function startAppProcess(entry: string, title: string, env: Record<string, string>): AppProcess {
  const base: NodeJS.ProcessEnv = { ...process.env }
  delete base.NODE_ENV
  delete base.VBE_DEMO
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', entry], {
    env: { ...base, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const banner = new RegExp(`${title}: (http://\\S+?)/ `)
  const url = new Promise<string>((resolve, reject) => {
    const look = () => {
      const m = banner.exec(out)
      if (m) resolve(m[1]!)
    }
    child.stdout!.on('data', (d: Buffer) => ((out += d.toString()), look()))
    child.stderr!.on('data', (d: Buffer) => ((out += d.toString()), look()))
    void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${out}`)))
  })
  url.catch(() => undefined)
  return {
    child,
    output: () => out,
    exited,
    url,
    waitFor: async (pattern) => {
      for (let waited = 0; !pattern.test(out) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
      return out
    },
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

export interface DemoModeOptions<DB> {
  /** The app's `src/main.ts`. */
  readonly entry: string
  /** The banner's title, e.g. `Grant screening`. */
  readonly title: string
  readonly openDatabase: (config: DatabaseConfig) => Promise<Database<DB>>
  readonly demoPassword: string
  /** A demo user to log in as (the city-wide admin). */
  readonly username: string
}

const loginStatus = (url: string, username: string, password: string) =>
  fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  }).then((r) => r.status)

/**
 * Issue 16, finding 1, for one app as real processes: `npm start` (no NODE_ENV) seeds the
 * demo and warns about its users; a changed demo password survives a restart; a
 * production start refuses a database with demo users (exit 1, saying why), and on an
 * empty database runs without any demo user.
 */
export function demoModeSuite<DB>(options: DemoModeOptions<DB>): void {
  it('creates the demo users once, warns while they exist, and a production start refuses them', async () => {
    // Data directories inside one temporary folder, so that their audit folders beside them (`<dir>-audit`) are removed with it.
    const tmp = mkdtempSync(join(tmpdir(), 'vbe-demo-mode-'))
    const dir = join(tmp, 'data')
    const empty = join(tmp, 'empty')
    try {
      const dev = { VBE_DATA_DIR: dir, VBE_INSECURE_COOKIES: '1' }
      const first = startAppProcess(options.entry, options.title, dev)
      const url = await first.url
      expect(await first.waitFor(/Demo logins/)).toContain('Demo logins')
      expect(await first.waitFor(/WARNING.*\n/)).toMatch(
        /WARNING: \d+ demo user\(s\) exist in this database, \d+ still with the public demo password/,
      )
      expect(await loginStatus(url, options.username, options.demoPassword)).toBe(200)
      expect(await first.stop()).toBe(0)

      const database = await options.openDatabase({ kind: 'pglite', dataDir: dir })
      const found = await sql<{ id: string }>`select id from vbe_users where username = ${options.username}`.execute(database.kysely)
      await Effect.runPromise(
        changePassword(found.rows[0]!.id, 'a-changed-password-1').pipe(
          Effect.provideService(Db, { kysely: database.kysely, audit: database.audit }),
          Effect.provideService(Clock, systemClock),
        ),
      )
      await database.close()

      const second = startAppProcess(options.entry, options.title, dev)
      const url2 = await second.url
      expect(await loginStatus(url2, options.username, options.demoPassword)).toBe(401)
      expect(await loginStatus(url2, options.username, 'a-changed-password-1')).toBe(200)
      expect(await second.stop()).toBe(0)

      // A production start needs the audit key outside the database (docs/security.md, "Audit and keys").
      const key = randomBytes(32).toString('hex')
      const refused = startAppProcess(options.entry, options.title, { VBE_DATA_DIR: dir, NODE_ENV: 'production', VBE_AUDIT_KEY: key })
      expect(await refused.exited).toBe(1)
      expect(refused.output()).toContain(`${options.title} refuses to start with NODE_ENV=production while demo data is in the database`)
      expect(refused.output()).toContain(`demo user ${options.username}`)

      const production = startAppProcess(options.entry, options.title, { VBE_DATA_DIR: empty, NODE_ENV: 'production', VBE_AUDIT_KEY: key })
      const url3 = await production.url
      await production.waitFor(/Database: /)
      expect(production.output()).not.toContain('Demo logins')
      expect(production.output()).not.toContain('WARNING')
      expect(await loginStatus(url3, options.username, options.demoPassword)).toBe(401)
      expect(await production.stop()).toBe(0)
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }, 600_000)
}
