// Stopping throwaway servers and removing their folders: on stop(), at exit, on a signal, and by a watchdog when this process dies.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'
import { shellQuote, type CommandRunner } from './run-as.js'

export interface LiveServer {
  dir: string
  dataDir: string
  bin: string
  cmd: CommandRunner
  watchdog: ChildProcess | undefined
  postmasterPid: number | undefined
}

export const live = new Set<LiveServer>()

export async function stopServer(server: LiveServer): Promise<void> {
  try {
    await server.cmd.run(join(server.bin, 'pg_ctl'), ['-D', server.dataDir, '-m', 'fast', '-w', '-t', '30', '-s', 'stop'], 'pg_ctl stop')
  } catch (err) {
    // Not stopped: make sure, then still report.
    stopServerSync(server)
    throw err
  }
  cleanupDir(server)
}

/** Synchronous, for the exit hook and failures: immediate shutdown, then kill if need be. */
export function stopServerSync(server: LiveServer): void {
  if (existsSync(join(server.dataDir, 'postmaster.pid'))) {
    server.cmd.runSync(join(server.bin, 'pg_ctl'), ['-D', server.dataDir, '-m', 'immediate', '-w', '-t', '10', '-s', 'stop'])
  }
  const pid = server.postmasterPid ?? readPostmasterPid(server.dataDir)
  if (pid && isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
  cleanupDir(server)
}

export function cleanupDir(server: LiveServer): void {
  live.delete(server)
  if (server.watchdog?.pid) {
    try {
      process.kill(-server.watchdog.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  rmSync(server.dir, { recursive: true, force: true })
  if (live.size === 0) removeExitHooks()
}

export function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A detached shell that waits for this process to go, then shuts the server down and
 * removes its folder: covers deaths that skip exit hooks (SIGKILL, OOM).
 */
export function startWatchdog(server: LiveServer): ChildProcess | undefined {
  const [f, a] = server.cmd.argv(join(server.bin, 'pg_ctl'), ['-D', server.dataDir, '-m', 'immediate', '-w', '-s', 'stop'])
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${[f, ...a].map(shellQuote).join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(server.dir)}`
  try {
    const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore', cwd: server.dir })
    child.on('error', () => {})
    child.unref()
    return child
  } catch {
    return undefined
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
let hooked = false

function onExit(): void {
  for (const s of [...live]) stopServerSync(s)
}

function onSignal(signal: NodeJS.Signals): void {
  onExit()
  removeExitHooks()
  // Nobody else handles it: die of it as we would have without our handler.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

export function installExitHooks(): void {
  if (hooked) return
  hooked = true
  process.on('exit', onExit)
  if (isMainThread) for (const s of SIGNALS) process.on(s, onSignal)
}

function removeExitHooks(): void {
  if (!hooked) return
  hooked = false
  process.off('exit', onExit)
  if (isMainThread) for (const s of SIGNALS) process.off(s, onSignal)
}
