import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApi } from '../http.js'
import { kitMigrations } from '../schema.js'
import { openDatabase, type Database } from '../db.js'
import { parseServerEnv } from '../main.js'

/*
 * VBE_SECURITY_LOG_STDERR is read once, at start, into the kit's settings: changing the
 * environment later changes nothing, and the setting reaches events recorded inside the
 * login (an effect) as well as those recorded for a request.
 */

let database: Database
beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
})
afterAll(async () => {
  await database?.close()
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

/** The security-log lines a failed login writes on stderr. */
async function stderrLinesOfFailedLogin(app: ReturnType<typeof createApi>): Promise<string[]> {
  const lines: string[] = []
  const write = process.stderr.write.bind(process.stderr)
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    if (text.startsWith('{"log":"security"')) return lines.push(text) > 0
    return write(chunk, ...(rest as []))
  })
  const answer = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nobody', password: 'wrong' }),
  })
  expect(answer.status).toBe(401)
  return lines
}

describe('the security log’s stderr line', () => {
  it('follows the setting read at start, not the environment at the time of the event', async () => {
    const on = parseServerEnv({}, 'x', 1).kit.securityLogStderr
    const off = parseServerEnv({ VBE_SECURITY_LOG_STDERR: 'off' }, 'x', 1).kit.securityLogStderr
    expect([on, off]).toEqual([true, false])

    vi.stubEnv('VBE_SECURITY_LOG_STDERR', '0')
    const loud = createApi({ database, securityLogStderr: on })
    const lines = await stderrLinesOfFailedLogin(loud)
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ log: 'security', kind: 'login.failed', actor: 'nobody' })

    vi.stubEnv('VBE_SECURITY_LOG_STDERR', '1')
    const quiet = createApi({ database, securityLogStderr: off })
    expect(await stderrLinesOfFailedLogin(quiet)).toEqual([])
  })

  it('defaults, in createApi, to the environment as it was when the app was made', async () => {
    vi.stubEnv('VBE_SECURITY_LOG_STDERR', '0')
    const app = createApi({ database })
    vi.stubEnv('VBE_SECURITY_LOG_STDERR', '1')
    expect(await stderrLinesOfFailedLogin(app)).toEqual([])
  })
})
