import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { kitMigrations, openDatabase } from './index.js'
import { EnvError, parseServerEnv } from './main.js'

const FIXTURE = resolve(import.meta.dirname, '../test/fixtures/tiny-app.ts')

describe('parseServerEnv', () => {
  it('gives the defaults the apps document', () => {
    const env = parseServerEnv({ INIT_CWD: '/repo' }, 'grant-screening', 4320)
    expect(env).toEqual({
      port: 4320,
      host: '127.0.0.1',
      production: false,
      demo: true,
      kit: {
        secureCookies: true,
        trustedProxies: [],
        authPolicy: expect.objectContaining({ sessionMs: 8 * 3600_000, idleMs: 30 * 60_000 }),
        signIn: { passwordLogin: true, oidc: null },
        securityLogStderr: true,
      },
      database: { kind: 'pglite', dataDir: '/repo/data/grant-screening' },
    })
  })

  it('reads PORT, HOST, VBE_DEMO, VBE_DATA_DIR and DATABASE_URL', () => {
    expect(parseServerEnv({ PORT: '0', HOST: '0.0.0.0', VBE_DEMO: '0', VBE_DATA_DIR: '/tmp/x' }, 'plan-editor', 4330)).toEqual({
      port: 0,
      host: '0.0.0.0',
      production: false,
      demo: false,
      kit: expect.objectContaining({ secureCookies: true }),
      database: { kind: 'pglite', dataDir: '/tmp/x' },
    })
    expect(parseServerEnv({ DATABASE_URL: 'postgres://u:p@db:5432/vbe', VBE_DEMO: 'yes' }, 'plan-editor', 4330)).toMatchObject({
      demo: true,
      database: { kind: 'postgres', url: 'postgres://u:p@db:5432/vbe' },
    })
    expect(parseServerEnv({ VBE_DEMO: 'off', PORT: ' 8080 ' }, 'x', 1)).toMatchObject({ demo: false, port: 8080 })
  })

  it('turns demo mode off in production and refuses to turn it (or insecure cookies) on there', () => {
    expect(parseServerEnv({ NODE_ENV: 'production' }, 'x', 1)).toMatchObject({
      production: true,
      demo: false,
      kit: { secureCookies: true },
    })
    expect(() => parseServerEnv({ NODE_ENV: 'production', VBE_DEMO: '1', VBE_INSECURE_COOKIES: 'yes' }, 'x', 1)).toThrow(
      /^VBE_DEMO cannot be on when NODE_ENV=production.*\nVBE_INSECURE_COOKIES cannot be on when NODE_ENV=production/,
    )
    expect(parseServerEnv({ NODE_ENV: 'production', VBE_DEMO: '0' }, 'x', 1)).toMatchObject({ demo: false })
  })

  it('reads the session timeouts, the insecure-cookie opt-out and the trusted proxies', () => {
    const env = parseServerEnv(
      { VBE_SESSION_IDLE_MINUTES: '15', VBE_SESSION_MAX_HOURS: '10', VBE_INSECURE_COOKIES: '1', VBE_TRUSTED_PROXIES: '10.0.0.5, ::1' },
      'x',
      1,
    )
    expect(env.kit).toMatchObject({
      secureCookies: false,
      trustedProxies: ['10.0.0.5', '::1'],
      authPolicy: { idleMs: 15 * 60_000, sessionMs: 10 * 3600_000 },
    })
    const message = (() => {
      try {
        parseServerEnv({ VBE_SESSION_IDLE_MINUTES: '0', VBE_SESSION_MAX_HOURS: 'x', VBE_TRUSTED_PROXIES: 'proxy.local' }, 'x', 1)
      } catch (e) {
        return (e as EnvError).message
      }
      return ''
    })()
    expect(message).toMatch(/^VBE_SESSION_IDLE_MINUTES must be a whole number of minutes from 1 to 1440 \(got "0"\)$/m)
    expect(message).toMatch(/^VBE_SESSION_MAX_HOURS must be a whole number of hours from 1 to 168 \(got "x"\)$/m)
    expect(message).toMatch(/^VBE_TRUSTED_PROXIES has "proxy\.local", which is not an IP address or CIDR range/m)
  })

  it('reads the sign-in settings once, with the district mappings checked against the installed districts', () => {
    const oidc = {
      VBE_OIDC_ISSUER: 'https://login.example.org',
      VBE_OIDC_CLIENT_ID: 'vbe',
      VBE_OIDC_CLIENT_SECRET: 's3cret',
      VBE_OIDC_REDIRECT_BASE_URL: 'https://vbe.example.org',
      VBE_OIDC_ROLE_MAP: '{"vbe-handlaggare":"officer"}',
      VBE_OIDC_DISTRICT_MAP: '{"sdf-norrmalm":"norrmalm"}',
    }
    const env = parseServerEnv({ ...oidc, VBE_SECURITY_LOG_STDERR: '0' }, 'x', 1, ['norrmalm', 'rinkeby-kista'])
    expect(env.kit.signIn.oidc).toMatchObject({ districtMap: { 'sdf-norrmalm': 'norrmalm' }, districts: ['norrmalm', 'rinkeby-kista'] })
    expect(env.kit.securityLogStderr).toBe(false)
    // Every wrong variable in one message: the server's and the sign-in's.
    let message = ''
    try {
      parseServerEnv({ ...oidc, PORT: 'x', VBE_SECURITY_LOG_STDERR: 'quiet' }, 'x', 1, ['rinkeby-kista'])
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      message = (error as EnvError).message
    }
    expect(message).toMatch(/^PORT must be a port number/m)
    expect(message).toMatch(/^VBE_SECURITY_LOG_STDERR must be 1 or 0/m)
    expect(message).toMatch(
      /^VBE_OIDC_DISTRICT_MAP maps "sdf-norrmalm" to the district "norrmalm", which no installed plugin serves \(installed: rinkeby-kista\)$/m,
    )
  })

  it('names every wrong variable and never echoes a database password', () => {
    let error: unknown
    try {
      parseServerEnv({ PORT: '70000', VBE_DEMO: 'maybe', DATABASE_URL: 'mysql://u:secret@db/x' }, 'x', 1)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as EnvError).message
    expect(message).toMatch(/^PORT must be a port number from 0 to 65535.*"70000"/m)
    expect(message).toMatch(/^VBE_DEMO must be 1 or 0.*"maybe"/m)
    expect(message).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/m)
    expect(message).not.toContain('secret')
    expect(() => parseServerEnv({ PORT: 'abc' }, 'x', 1)).toThrow(/PORT must be a port number/)
  })
})

/** The fixture app as a real process (tsx as a loader, so signals reach it directly). */
function start(env: Record<string, string>): {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
  url: Promise<string>
} {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', FIXTURE], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = new Promise<string>((resolvePromise, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Tiny app: (http:\/\/\S+?)\/ /.exec(out)
      if (m) resolvePromise(m[1]!)
    })
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    void exited.then((code) => reject(new Error(`exited with ${code} before listening: ${out}`)))
  })
  return { child, output: () => out, exited, url }
}

describe('main() as a process', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
  // A data directory inside a temporary folder, so that its development audit key beside it (`data-audit`) is removed with it.
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-main-'))
    dirs.push(dir)
    return join(dir, 'data')
  }

  it('serves on a free port, finishes an open request on SIGTERM, closes the database and exits 0', async () => {
    const dir = dataDir()
    const app = start({ VBE_DATA_DIR: dir })
    const url = await app.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetch(`${url}/`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    expect(app.output()).toContain(`Database: PGlite in ${dir} — seeded nothing`)
    expect(app.output()).toMatch(/tiny\.user +officer +city-wide/)

    const slow = fetch(`${url}/slow`)
    await new Promise((r) => setTimeout(r, 100))
    app.child.kill('SIGTERM')
    const answer = await slow
    expect(answer.status).toBe(200)
    expect(await answer.text()).toBe('finished')
    expect(await app.exited).toBe(0)
    expect(app.output()).toContain('Tiny app stopped.')
    await expect(fetch(`${url}/`)).rejects.toThrow()

    // The data directory was closed cleanly: it opens again.
    const again = await openDatabase({ kind: 'pglite', dataDir: dir }, [kitMigrations])
    await again.close()
  }, 60_000)

  it('exits 1 naming the variable when the environment is wrong, and leaves the demo off with VBE_DEMO=0', async () => {
    const bad = start({ PORT: 'eighty', VBE_DATA_DIR: dataDir() })
    await expect(bad.url).rejects.toThrow()
    expect(await bad.exited).toBe(1)
    expect(bad.output()).toContain('Tiny app cannot start:\nPORT must be a port number from 0 to 65535 (0 picks a free one) (got "eighty")')

    const quiet = start({ VBE_DEMO: '0', VBE_DATA_DIR: dataDir() })
    await quiet.url
    expect(quiet.output()).not.toContain('Demo logins')
    expect(quiet.output()).not.toContain('seeded nothing')
    quiet.child.kill('SIGINT')
    expect(await quiet.exited).toBe(0)
  }, 60_000)
})
