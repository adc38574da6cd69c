import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase } from '@vbe/test-postgres'
import { inject } from 'vitest'
import { demoApplication } from '../src/index.js'
import { killed, startServerProcess as startServer } from './support/process.js'
import { login } from './support/server.js'

/**
 * kill -9 the server in the middle of a load of decisions. After a restart on the same
 * data, every decision that was answered with a 2xx must be there, and the audit chain
 * must verify. On PGlite (a data directory) and on PostgreSQL.
 */
describe.each(['pglite', 'postgres'] as const)('crash safety on %s', (kind) => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('keeps every decision that was answered 2xx after kill -9', async () => {
    // One temporary folder for the data and the development audit key (kept across the restart), removed after:
    // PGlite keeps the key beside its directory (`data-audit`), PostgreSQL in VBE_AUDIT_DIR (else in the app's data/).
    const dir = mkdtempSync(join(tmpdir(), 'gs-crash-'))
    dirs.push(dir)
    const env: Record<string, string> =
      kind === 'pglite'
        ? { VBE_DATA_DIR: join(dir, 'data') }
        : { DATABASE_URL: await createDatabase(inject('postgresUrl')), VBE_AUDIT_DIR: join(dir, 'audit') }

    let server = await startServer(env)
    const officer = await login(server.url, 'officer.rk')
    const imported = await officer.json(
      'POST',
      '/api/cases/import',
      Array.from({ length: 200 }, (_, i) => ({ application: demoApplication(`crash-${i}`) })),
    )
    expect(imported.body.errors).toEqual([])
    const ids: string[] = imported.body.imported.map((r: { id: string }) => r.id)
    expect(ids).toHaveLength(200)
    await Promise.all(ids.map((id) => officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })))

    // Decide them four at a time, and kill the server part-way through.
    const acknowledged: string[] = []
    let next = 0
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!
        try {
          const res = await officer.request('POST', `/api/cases/${id}/decision`, {
            kind: 'approve',
            reasons: 'Villkoren är uppfyllda.',
            letterLocale: 'sv',
          })
          if (res.status >= 200 && res.status < 300) acknowledged.push(id)
        } catch {
          return // the server is gone
        }
      }
    }
    const load = Promise.all([worker(), worker(), worker(), worker()])
    await new Promise<void>((r) => {
      const check = setInterval(() => {
        if (acknowledged.length >= 10) {
          clearInterval(check)
          r()
        }
      }, 2)
    })
    server.child.kill('SIGKILL')
    await killed(server.child)
    await load
    expect(acknowledged.length).toBeGreaterThanOrEqual(10)
    expect(acknowledged.length).toBeLessThan(ids.length)

    server = await startServer(env)
    try {
      const again = await login(server.url, 'officer.rk')
      const decided = await again.json('GET', '/api/cases?status=decided&limit=1000')
      const present = new Set(decided.body.items.map((c: { id: string }) => c.id))
      const lost = acknowledged.filter((id) => !present.has(id))
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged decisions were lost`).toEqual([])
      const auditor = await login(server.url, 'auditor')
      const verify = await auditor.json('GET', '/api/audit/verify')
      expect(verify.body).toMatchObject({ ok: true })
    } finally {
      server.child.kill('SIGTERM')
      await killed(server.child)
    }
  })
})
