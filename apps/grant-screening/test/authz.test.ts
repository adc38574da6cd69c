import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'
import { checkedFetch } from '@vbe/test-openapi'

/**
 * The authorisation matrix: every endpoint × every role × a case in the user's own
 * district or another one. Nothing may succeed that the role does not allow, and no
 * response to a user of another district may carry the case's data.
 */

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
type Who = 'anonymous' | 'officer.rk' | 'approver.rk' | 'officer.nm' | 'approver.nm' | 'admin' | 'auditor'
const WHO: Who[] = ['anonymous', 'officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor']

interface Endpoint {
  name: string
  method: string
  path: (id: string) => string
  body?: (id: string) => unknown
  /** Who may succeed (2xx) on a Rinkeby-Kista case. */
  allowed: Who[]
  /** Sets the case up so that the call can succeed for an allowed user. */
  state?: 'new' | 'awaiting' | 'decided'
}

const ENDPOINTS: Endpoint[] = [
  { name: 'queue', method: 'GET', path: () => '/api/cases', allowed: ['officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'] },
  { name: 'districts', method: 'GET', path: () => '/api/districts', allowed: ['officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'] },
  { name: 'programmes', method: 'GET', path: () => '/api/programmes', allowed: ['officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'] },
  { name: 'screen', method: 'POST', path: () => '/api/screen', body: () => ({ application: demoApplication('authz-screen') }), allowed: ['officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin'] },
  { name: 'intake', method: 'POST', path: () => '/api/cases', body: () => ({ application: demoApplication(`authz-intake-${Math.random()}`) }), allowed: ['officer.rk', 'admin'] },
  { name: 'import', method: 'POST', path: () => '/api/cases/import', body: () => [{ application: demoApplication(`authz-import-${Math.random()}`) }], allowed: ['officer.rk', 'admin'] },
  { name: 'case', method: 'GET', path: (id) => `/api/cases/${id}`, allowed: ['officer.rk', 'approver.rk', 'admin', 'auditor'] },
  { name: 'conflict', method: 'POST', path: (id) => `/api/cases/${id}/conflict`, body: () => ({ conflict: false }), allowed: ['officer.rk', 'approver.rk'] },
  { name: 'evidence', method: 'POST', path: (id) => `/api/cases/${id}/evidence`, body: () => ({ id: `e${Math.random()}`, conduct: 'threat', actor: 'organisation', withinActivities: true, verified: false, date: '2026-05-01', source: { kind: 'media' } }), allowed: ['officer.rk'] },
  { name: 'note', method: 'POST', path: (id) => `/api/cases/${id}/notes`, body: () => ({ text: 'note' }), allowed: ['officer.rk', 'approver.rk'] },
  { name: 'decision', method: 'POST', path: (id) => `/api/cases/${id}/decision`, body: () => ({ kind: 'deny', reasons: 'r', letterLocale: 'sv' }), allowed: ['officer.rk'] },
  { name: 'approval', method: 'POST', path: (id) => `/api/cases/${id}/approval`, body: () => ({ approve: true }), allowed: ['approver.rk'], state: 'awaiting' },
  { name: 'letter', method: 'GET', path: (id) => `/api/cases/${id}/letter`, allowed: ['officer.rk', 'approver.rk', 'admin', 'auditor'], state: 'decided' },
  { name: 'follow-up', method: 'PUT', path: (id) => `/api/cases/${id}/follow-up`, body: () => ({ reportDue: '2027-01-31' }), allowed: ['officer.rk'], state: 'decided' },
  { name: 'reclaim', method: 'POST', path: (id) => `/api/cases/${id}/reclaim`, body: () => ({ amount: 1, reasons: 'r' }), allowed: ['officer.rk'], state: 'decided' },
  { name: 'rescreen', method: 'POST', path: () => '/api/rescreen', allowed: ['admin'] },
  { name: 'rescreen runs', method: 'GET', path: () => '/api/rescreen', allowed: ['officer.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'] },
  { name: 'audit', method: 'GET', path: () => '/api/audit', allowed: ['admin', 'auditor'] },
  { name: 'audit verify', method: 'GET', path: () => '/api/audit/verify', allowed: ['admin', 'auditor'] },
  { name: 'persons', method: 'GET', path: () => '/api/persons?q=Authz', allowed: ['admin'] },
  { name: 'person export', method: 'GET', path: () => '/api/persons/PID/export', allowed: ['admin'] },
  { name: 'person erase', method: 'DELETE', path: () => '/api/persons/PID', body: () => ({ reason: 'test' }), allowed: ['admin'] },
]

describe('authorisation matrix (PGlite)', () => {
  let server: TestServer
  const clients = new Map<Who, Client>()
  let officer: Client, approver: Client, admin: Client

  beforeAll(async () => {
    server = await startTestServer({ clock })
    for (const w of WHO) if (w !== 'anonymous') clients.set(w, await server.login(w))
    officer = clients.get('officer.rk')!
    approver = clients.get('approver.rk')!
    admin = clients.get('admin')!
  })
  afterAll(() => server?.stop())

  /** A fresh Rinkeby-Kista case in the state the endpoint needs. */
  async function freshCase(state: Endpoint['state'], n: string): Promise<{ id: string; name: string; personId: string }> {
    const name = `Authz Förening ${n}`
    const app = demoApplication(`authz-${n}`, {
      association: { name, organisationNumber: '802400-1235', activitySince: '2019-03-01', bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true } },
      ...(state === 'awaiting' ? { evidence: [{ id: 't1', conduct: 'coercion', actor: 'organisation', withinActivities: true, verified: false, date: '2026-06-01', source: { kind: 'tip' } }] } : {}),
    })
    const c = await officer.json('POST', '/api/cases', { application: app, persons: [{ role: 'contact', name: `Authz Person ${n}` }] })
    if (c.status !== 201) throw new Error(JSON.stringify(c.body))
    const id = c.body.id as string
    const personId = c.body.persons[0].id as string
    if (state === 'awaiting' || state === 'decided') {
      await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
      const d = await officer.json('POST', `/api/cases/${id}/decision`, { kind: 'approve', reasons: 'ok', letterLocale: 'sv' })
      expect(d.body.status).toBe(state === 'awaiting' ? 'awaiting_approval' : 'decided')
    }
    return { id, name, personId }
  }

  let counter = 0
  for (const ep of ENDPOINTS) {
    it(`${ep.method} ${ep.name}: only ${ep.allowed.join(', ')} succeed, and other districts see nothing`, async () => {
      for (const who of WHO) {
        const { id, name, personId } = await freshCase(ep.state ?? 'new', `${ep.name}-${who}-${counter++}`)
        const client = clients.get(who)
        // Allowed officers and approvers declare first, as the UI makes them.
        if (client && ep.allowed.includes(who) && ep.name !== 'conflict' && (who.startsWith('officer') || who.startsWith('approver'))) await client.request('POST', `/api/cases/${id}/conflict`, { conflict: false })
        const path = ep.path(id).replace('PID', personId)
        const body = ep.body?.(id)
        const res = client
          ? await client.request(ep.method, path, body)
          : await checkedFetch(`${server.url}${path}`, { method: ep.method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) })
        const text = await res.text()
        const label = `${ep.method} ${path} as ${who} → ${res.status} ${text.slice(0, 200)}`
        const imported = ep.name === 'import' && res.status === 200 ? (JSON.parse(text) as { imported: unknown[] }).imported.length : undefined
        if (ep.allowed.includes(who)) {
          expect(res.status, label).toBeLessThan(300)
          if (imported !== undefined) expect(imported, label).toBe(1)
        } else if (imported !== undefined) {
          // An import answers 200 with each refused row: nothing may have been imported.
          expect(imported, label).toBe(0)
        } else {
          // Out-of-district intake is refused as bad input naming the programme field.
          const expected = ep.name === 'intake' && who !== 'anonymous' && who.startsWith('officer') ? [400] : [401, 403, 404]
          expect(expected, label).toContain(res.status)
          expect(res.headers.get('content-type'), label).toBe('application/problem+json')
        }
        if (who.endsWith('.nm')) {
          expect(text, label).not.toContain(id)
          expect(text, label).not.toContain(name)
        }
      }
    })
  }

  it('approvers cannot decide, and officers cannot give the second signature', async () => {
    expect((await admin.json('GET', '/api/session')).status).toBe(200)
    const { id } = await freshCase('awaiting', 'self-approve')
    // approver.rk cannot decide (not an officer); officer.rk cannot approve (not an approver).
    expect((await approver.json('POST', `/api/cases/${id}/decision`, { kind: 'deny', reasons: 'r', letterLocale: 'sv' })).status).toBe(403)
    expect((await officer.json('POST', `/api/cases/${id}/approval`, { approve: true })).status).toBe(403)
  })
})
