// Running PostgreSQL's programs as the right system user: PostgreSQL refuses to run as root, so as root they run as \`postgres\`.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, resolve } from 'node:path'

export interface OsUser {
  name: string
  uid: number
  gid: number
}

export interface CommandRunner {
  /** The argv that runs `file args` as the right user. */
  argv(file: string, args: string[]): [string, string[]]
  run(file: string, args: string[], what: string, logFile?: string): Promise<void>
  runSync(file: string, args: string[]): void
}

/** null when not root: run PostgreSQL as ourselves. */
export function osUserFor(name: string): OsUser | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null
  let uid: number
  let gid: number
  try {
    uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
    gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
  } catch {
    throw new Error(
      `PostgreSQL refuses to run as root, and there is no '${name}' system user to run it as. Debian's postgresql package creates it: sudo apt-get install -y postgresql (or run the tests as a non-root user).`,
    )
  }
  return { name, uid, gid }
}

export function commandRunner(runAs: OsUser | null, cwd: string): CommandRunner {
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p))
  const argv = (file: string, args: string[]): [string, string[]] => {
    if (!runAs) return [file, args]
    if (runuser) return [runuser, ['-u', runAs.name, '--', file, ...args]]
    return ['su', [runAs.name, '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]]
  }
  // Run from the temp folder: the postgres user may not be allowed into our cwd.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' }
  return {
    argv,
    run(file, args, what, logFile) {
      const [f, a] = argv(file, args)
      return new Promise((resolvePromise, reject) => {
        execFile(f, a, { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
          if (!err) return resolvePromise()
          const out = [stderr.trim(), stdout.trim()].filter(Boolean).join('\n')
          const log = logFile ? readTail(logFile) : ''
          reject(
            new Error(
              `${what} failed (${[f, ...a].join(' ')}): ${err.message.split('\n')[0]}${out ? `\n${out}` : ''}${log ? `\n--- ${logFile} ---\n${log}` : ''}`,
            ),
          )
        })
      })
    },
    runSync(file, args) {
      const [f, a] = argv(file, args)
      spawnSync(f, a, { cwd, env, stdio: 'ignore', timeout: 30_000 })
    },
  }
}

/** When root, the postgres user must be able to reach the temp folder. */
export function defaultBaseDir(runAs: OsUser | null): string {
  const t = tmpdir()
  if (!runAs) return t
  for (let d = resolve(t); ; d = dirname(d)) {
    try {
      if ((statSync(d).mode & 0o001) === 0) return '/tmp'
    } catch {
      return '/tmp'
    }
    if (d === dirname(d)) return t
  }
}

export function readTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}
