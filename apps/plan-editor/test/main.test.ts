import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const APP = resolve(import.meta.dirname, '..')
// The data directory inside a temporary folder, so that its development audit key beside it (`data-audit`) is removed with it.
const tmp = mkdtempSync(join(tmpdir(), 'pe-main-'))
const dir = join(tmp, 'data')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

it('runs as a process on the shared main(): demo data seeded, a 200, and a clean exit on SIGTERM', async () => {
  // One process (tsx as a loader, not a wrapper), so the signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', 'src/main.ts'], {
    cwd: APP,
    env: { ...process.env, PORT: '0', VBE_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Plan editor: (http:\/\/\S+?)\/ /.exec(out)
      if (m) resolveUrl(m[1]!)
    })
    void exited.then((code) => reject(new Error(`exited with ${code}: ${out}`)))
  })
  const health = await fetch(`${url}/api/health`)
  expect(health.status).toBe(200)
  expect(out).toContain(`Database: PGlite in ${dir} — seeded`)
  expect(out).toMatch(/officer\.rk +officer +rinkeby-kista/)
  const login = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer.rk', password: 'demo-password-2026' }),
  })
  expect(login.status).toBe(200)
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(out).toContain('Plan editor stopped.')
}, 120_000)
