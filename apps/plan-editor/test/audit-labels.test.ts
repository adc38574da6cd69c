/**
 * What the plan editor's audit page gets from `GET /api/audit` (PGlite, real HTTP): a plan's
 * events labelled by its district's name and year ("Norrmalm 2026"), never an id or a
 * district code, in the request's language; `?reference=` by district and year (400 naming
 * the field when no plan has it, a district admin held to its district); and a label in
 * both languages for every action code the app and the kit write, found in the source and
 * in the log after every kind of step.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ANCHOR_ACTION, ERASE_ACTION } from '@vbe/server-kit'
import { PLAN_TRANSITIONS } from '@vbe/core/plans'
import { AUDIT_ACTION_LABELS, planAuditLabels } from '../ui/src/audit-labels.js'
import { apiContext, expectField, ifMatch } from './api-context.js'
import { login } from './client.js'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const DISTRICT_CODES = /\b(rinkeby-kista|norrmalm)\b/ // the ids; the names are capitalised
const root = resolve(import.meta.dirname, '../../..')

interface Event {
  seq: number
  actor: string
  actorName: string | null
  action: string
  entityType: string
  entityId: string
  entityLabel: string | null
  after: unknown
}

const sources = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(d.name))
    .map((d) => join(d.parentPath, d.name))

/**
 * The action codes written into the plan editor's log: `plan.<what made the version>` (the
 * workflow's transitions, and each literal after `action:` or `action ===` in src/plans) and
 * the kit's literal `action:` codes in the files of server-kit that append to the log.
 */
function actionCodesInSource(): Set<string> {
  const codes = new Set<string>([ERASE_ACTION, ANCHOR_ACTION, ...PLAN_TRANSITIONS.map((a) => `plan.${a}`)])
  for (const file of sources(join(root, 'apps/plan-editor/src/plans'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction(?::| ===) ([^\n]*)/g))
      for (const lit of m[1]!.matchAll(/'([a-z][a-z-]*)'/g)) codes.add(`plan.${lit[1]!}`)
  }
  for (const file of sources(join(root, 'packages/server-kit/src'))) {
    const text = readFileSync(file, 'utf8')
    if (!/appendAudit(As|BatchAs)?\(|events\.push\(/.test(text)) continue
    for (const m of text.matchAll(/\baction: ([^\n]*)/g))
      for (const lit of m[1]!.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)) codes.add(lit[1]!)
  }
  return codes
}

const labelled = (code: string) => Boolean(AUDIT_ACTION_LABELS[code]?.sv.trim() && AUDIT_ACTION_LABELS[code]?.en.trim())

describe('the plan editor’s audit labels', () => {
  it('every action code the app and the kit write has a label in Swedish and English, none repeating its code', () => {
    const codes = actionCodesInSource()
    // The finder finds them (a regression of the finder itself would pass everything).
    for (const known of ['plan.create', 'plan.revise-yearly', 'plan.save', 'plan.follow-up-removed', 'plan.adopt', 'session.login'])
      expect(codes).toContain(known)
    expect([...codes].filter((c) => !labelled(c))).toEqual([])
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) expect([label.sv, label.en]).not.toContain(code)
    // A plan is shown by its district and year, with its version and a link; never its id.
    expect(planAuditLabels.entities['plan']).toMatchObject({ versioned: true })
    expect(planAuditLabels.entities['plan']?.link?.href('abc')).toBe('#/plan/abc')
  })
})

describe('GET /api/audit in the plan editor: plans by district and year', () => {
  const c = apiContext(async () => ({ kind: 'pglite', dataDir: null }))

  it('labels every plan event by district and year, in both languages, after every kind of step; each action has a label', async () => {
    // Every kind of step on Norrmalm 2026: submit, return, revise, save, submit, adopt, a follow-up and its removal.
    const p = `/api/plans/${c.nm.id}`
    const step = async (client: typeof c.officerNm, method: string, path: string, body: unknown, version: number) => {
      const r = await client.send(method, path, body, ifMatch(version))
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      return r.body.version as number
    }
    let v = c.nm.version
    v = await step(c.officerNm, 'POST', `${p}/transitions`, { action: 'submit' }, v)
    v = await step(c.approverNm, 'POST', `${p}/transitions`, { action: 'return', decisionReference: 'SDN §7', comment: 'Effekter.' }, v)
    v = await step(c.officerNm, 'POST', `${p}/transitions`, { action: 'revise' }, v)
    const doc = (await c.officerNm.get(p)).body.document
    v = await step(c.officerNm, 'PUT', p, { document: { ...doc, situationPicture: { ...doc.situationPicture, summary: 'Ny.' } } }, v)
    v = await step(c.officerNm, 'POST', `${p}/transitions`, { action: 'submit' }, v)
    v = await step(c.approverNm, 'POST', `${p}/transitions`, { action: 'adopt', decisionReference: 'SDN §4' }, v)
    const fu = `${p}/activities/a1/indicators/i1/follow-ups/T3`
    v = await step(c.officerNm, 'PUT', fu, { value: 70, date: '2026-12-31' }, v)
    await step(c.officerNm, 'DELETE', fu, undefined, v)
    // The yearly revision: a new plan, Norrmalm 2027.
    const next = await c.officerNm.send('POST', '/api/plans', { from: 'revision', sourcePlanId: c.nm.id, year: 2027 })
    expect(next.status, JSON.stringify(next.body)).toBe(201)
    const nextId = next.body.id as string

    for (const lang of ['sv', 'en'] as const) {
      const r = await c.auditor.send<{ events: Event[] }>('GET', '/api/audit?limit=1000', undefined, { 'accept-language': lang })
      expect(r.status).toBe(200)
      expect(r.headers.get('content-language')).toBe(lang)
      expect(r.headers.get('vary')).toMatch(/accept-language/i)
      const planEvents = r.body.events.filter((e) => e.entityType === 'plan')
      const label = (id: string) => [...new Set(planEvents.filter((e) => e.entityId === id).map((e) => e.entityLabel))]
      expect(label(c.nm.id)).toEqual(['Norrmalm 2026'])
      expect(label(c.rk.id)).toEqual(['Rinkeby-Kista 2017'])
      expect(label(nextId)).toEqual(['Norrmalm 2027'])
      for (const e of r.body.events) {
        if (e.entityLabel === null) continue
        expect(e.entityLabel).not.toMatch(UUID)
        expect(e.entityLabel).not.toMatch(DISTRICT_CODES)
      }
      // Every kind of plan step is in the log, and every action in the log has a label.
      const actions = new Set(r.body.events.map((e) => e.action))
      for (const a of ['create', 'revise-yearly', 'save', 'follow-up', 'follow-up-removed', ...PLAN_TRANSITIONS])
        expect(actions).toContain(`plan.${a}`)
      expect([...actions].filter((a) => !labelled(a))).toEqual([])
      // The version each plan event made is in the event, for the page's "version N".
      const adopt = planEvents.find((e) => e.action === 'plan.adopt')
      expect(adopt?.after).toMatchObject({ version: expect.any(Number), status: 'adopted' })
    }
  })

  it('filters by district and year, as the page shows them or typed loosely; refuses a plan that does not exist, naming the field', async () => {
    for (const reference of ['Norrmalm 2026', 'norrmalm, 2026', '  NORRMALM   2026 ']) {
      const r = await c.auditor.send<{ events: Event[] }>('GET', `/api/audit?reference=${encodeURIComponent(reference)}`)
      expect(r.status, reference).toBe(200)
      expect(r.body.events.length).toBeGreaterThan(0)
      expect(r.body.events.every((e) => e.entityType === 'plan' && e.entityId === c.nm.id)).toBe(true)
    }
    for (const reference of ['Norrmalm 2099', 'Atlantis 2026', '2026', 'Norrmalm']) {
      const bad = await c.auditor.send('GET', `/api/audit?reference=${encodeURIComponent(reference)}`, undefined, {
        'accept-language': 'sv',
      })
      expectField(bad, 'reference')
      expect(bad.body.errors[0].message).toContain(`Det finns ingen plan för ${reference.trim()}.`)
    }
  })

  it('holds a district admin to its district: its own plans by name, none of another district’s events', async () => {
    const adminRk = await login(c.base, 'admin.rk')
    const own = await adminRk.send<{ events: Event[] }>('GET', `/api/audit?reference=${encodeURIComponent('Rinkeby-Kista 2017')}`)
    expect(own.status).toBe(200)
    expect(own.body.events.length).toBeGreaterThan(0)
    expect(own.body.events.every((e) => e.entityLabel === 'Rinkeby-Kista 2017')).toBe(true)
    // Another district's plan is answered as one that does not exist (the attacker's walk, December 2026).
    const other = await adminRk.send('GET', `/api/audit?reference=${encodeURIComponent('Norrmalm 2026')}`)
    expect(other.status).toBe(400)
    expect(JSON.stringify(other.body)).not.toContain('"events"')
    // Officers may not read the log at all.
    expect((await c.officerNm.get('/api/audit')).status).toBe(403)
  })
})
