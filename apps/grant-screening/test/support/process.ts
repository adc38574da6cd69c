import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * The grant-screening server as a real process (`src/main.ts`), for the tests that need
 * one: kill -9 in the crash test, two processes over one PostgreSQL.
 */
const APP = resolve(import.meta.dirname, '../..')

/** A running server: its process, its URL, and all it has written to stdout and stderr so far. */
export interface ServerProcess {
  readonly child: ChildProcess
  readonly url: string
  output(): string
}

/**
 * Without `VBE_DATA_DIR` the server keeps its PGlite data, and without `VBE_AUDIT_DIR` a PostgreSQL
 * server keeps its development audit key and checkpoints, under `./data/` of the app, that is in the
 * repository: a test names temporary folders for them (and removes them), so none is written there.
 */
function writesIntoRepository(env: Record<string, string>): string | null {
  if (!env['DATABASE_URL'] && !env['VBE_DATA_DIR']) return 'give the server VBE_DATA_DIR (a temporary folder) or DATABASE_URL'
  if (env['DATABASE_URL'] && !env['VBE_AUDIT_DIR']) return 'give a PostgreSQL server VBE_AUDIT_DIR (a temporary folder) for its audit key'
  return null
}

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const refused = writesIntoRepository(env)
  if (refused) return Promise.reject(new Error(`startServerProcess: ${refused}, or it writes into apps/grant-screening/data/`))
  // One process (tsx as a loader, not a wrapper), so SIGKILL hits the server itself.
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', 'src/main.ts'], {
      cwd: APP,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Grant screening: (http:\/\/[^ ]+?)\/ /.exec(out)
      if (m) {
        clearTimeout(timer)
        resolvePromise({ child, url: m[1]!, output: () => out })
      }
    })
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
}

/** Resolves when the process has exited (at once if it already has). */
export const killed = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())))
