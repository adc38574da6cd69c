import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDatabase } from '@vbe/test-postgres'
import { demoApplication } from '../src/index.js'
import { killed, startServerProcess, type ServerProcess } from './support/process.js'
import { login } from './support/server.js'
import { checkedFetch } from '@vbe/test-openapi'

/**
 * Two server processes over one PostgreSQL database, started at the same moment (so their
 * migrations race): sessions, rate limits, cases and the audit chain live in the
 * database, so either process serves any request, and their writes to one case or to the
 * audit log never interleave into a broken state.
 */
describe('two server processes over one PostgreSQL', () => {
  let a: ServerProcess
  let b: ServerProcess
  // Both processes sign one audit chain: one development key, in a temporary folder (not the app's data/).
  const auditDir = mkdtempSync(join(tmpdir(), 'gs-two-servers-audit-'))

  beforeAll(async () => {
    const env = { DATABASE_URL: await createDatabase(inject('postgresUrl')), VBE_AUDIT_DIR: auditDir }
    ;[a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)])
  }, 180_000)

  afterAll(async () => {
    for (const s of [a, b]) {
      if (!s) continue
      s.child.kill('SIGTERM')
      await killed(s.child)
    }
    rmSync(auditDir, { recursive: true, force: true })
  })

  it('a session made on one process works on the other, and logging out on one ends it on both', async () => {
    const onA = await login(a.url, 'officer.rk')
    const onB = onA.at(b.url) // the same cookie and CSRF token, sent to the other process
    const session = await onB.json('GET', '/api/session')
    expect(session.status).toBe(200)
    expect(session.body.user.username).toBe('officer.rk')
    expect((await onB.request('DELETE', '/api/session')).status).toBe(204)
    expect((await onA.request('GET', '/api/cases')).status).toBe(401)
  })

  it('counts failed logins across both processes', async () => {
    const attempt = (url: string, password: string) =>
      checkedFetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer.nm', password }),
      }).then((r) => r.status)
    for (const url of [a.url, b.url, a.url, b.url, a.url]) expect(await attempt(url, 'wrong-password')).toBe(401)
    // The sixth attempt is refused on either process, even with the right password.
    expect(await attempt(b.url, 'demo-password-2026')).toBe(429)
    expect(await attempt(a.url, 'demo-password-2026')).toBe(429)
  })

  it('a case made on one process is decided once when both decide it at the same moment, and the audit chain holds', async () => {
    const onA = await login(a.url, 'officer.rk')
    const onB = await login(b.url, 'officer2.rk')
    const created = await onA.json('POST', '/api/cases', { application: demoApplication('two-servers-1') })
    expect(created.status).toBe(201)
    const id: string = created.body.id
    // Visible on the other process's queue at once.
    const queue = await onB.json('GET', '/api/cases?limit=1000')
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id)

    for (const c of [onA, onB]) expect((await c.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(200)
    // Both approve (a denial would first wait for kommunicering); the reasons tell the two decisions apart.
    const decide = (c: typeof onA, kind: 'approve') =>
      c.json('POST', `/api/cases/${id}/decision`, { kind, reasons: `Beslut av ${c.username}.`, letterLocale: 'sv' })
    const answers = await Promise.all([decide(onA, 'approve'), decide(onB, 'approve')])
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409])
    const winner = answers.find((r) => r.status === 200)!.body
    const detail = await onA.json('GET', `/api/cases/${id}`)
    expect(detail.body.status).toBe('decided')
    expect(detail.body.decision).toMatchObject({ kind: winner.decision.kind, reasons: winner.decision.reasons })

    // Notes written through both processes at once: every one kept, the chain unbroken.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? onA : onB).json('POST', `/api/cases/${id}/notes`, { text: `Anteckning ${i}` }).then((r) => expect(r.status).toBe(200)),
      ),
    )
    const after = await onB.json('GET', `/api/cases/${id}`)
    expect(after.body.notes).toHaveLength(20)
    const auditor = await login(b.url, 'auditor')
    const verify = await auditor.json('GET', '/api/audit/verify')
    expect(verify.body).toMatchObject({ ok: true, problems: [] })
  })
})
