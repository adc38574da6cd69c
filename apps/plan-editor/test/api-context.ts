// What the plan-editor API tests share: a server on one of the databases, the demo users signed in, the two seeded plans, and checks of problem+json.
import { afterAll, beforeAll, expect } from 'vitest'
import type { DatabaseConfig } from '@vbe/server-kit'
import type { Plan } from '@vbe/core/plans'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client, type Reply } from './client.js'

export const NOW = new Date('2026-06-01T09:00:00Z')

/** A 400 problem+json whose errors name `path` (and whatever else). */
export function expectField(r: Reply, ...paths: string[]) {
  expect(r.status, JSON.stringify(r.body)).toBe(400)
  expect(r.headers.get('content-type')).toBe('application/problem+json')
  expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) })
  const named = (r.body.errors as { path: string }[]).map((e) => e.path)
  for (const p of paths) expect(named, `errors should name ${p}: ${JSON.stringify(r.body.errors)}`).toContain(p)
}
export function expectProblem(r: Reply, status: number) {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.headers.get('content-type')).toBe('application/problem+json')
  expect(r.body.status).toBe(status)
  expect(typeof r.body.detail).toBe('string')
}
export const ifMatch = (v: number | string) => ({ 'if-match': `"${v}"` })

type SeededPlan = { id: string; version: number; document: Plan }

/** The server, its URL, the demo users' sessions and the two seeded plans, filled in before the tests run. */
export interface ApiContext {
  server: RunningServer
  base: string
  officerRk: Client
  officer2Rk: Client
  approverRk: Client
  officerNm: Client
  approverNm: Client
  admin: Client
  auditor: Client
  nm: SeededPlan
  rk: SeededPlan
}

/** Starts a server on the database before the tests of the enclosing describe, and stops it after them. */
export function apiContext(config: () => Promise<DatabaseConfig>): ApiContext {
  const c = {} as ApiContext
  beforeAll(async () => {
    c.server = await startServer({ config: await config(), clock: { now: () => NOW }, uiDir: null })
    c.base = c.server.url
    ;[c.officerRk, c.officer2Rk, c.approverRk, c.officerNm, c.approverNm, c.admin, c.auditor] = (await Promise.all(
      ['officer.rk', 'officer2.rk', 'approver.rk', 'officer.nm', 'approver.nm', 'admin', 'auditor'].map((u) => login(c.base, u)),
    )) as [Client, Client, Client, Client, Client, Client, Client]
    const all = (await c.admin.get('/api/plans')).body.items as { id: string; district: string }[]
    c.nm = (await c.admin.get(`/api/plans/${all.find((p) => p.district === 'norrmalm')!.id}`)).body
    c.rk = (await c.admin.get(`/api/plans/${all.find((p) => p.district === 'rinkeby-kista')!.id}`)).body
  })
  afterAll(() => c.server?.close())
  return c
}
