import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { edgeProbe, type MatrixClient } from '@vbe/server-kit/testing'
import { DEMO_PASSWORD } from '../src/index.js'
import { eligibleApplication, TIP } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

// The attacker's walk of December 2026 (docs/security.md).

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

/** A case that meets every rule, decided by `officer` (no second signature needed): it has a letter and a diarienummer. */
async function decidedCase(officer: MatrixClient, ref: string): Promise<string> {
  const application = eligibleApplication(ref)
  const created = await officer.send('POST', '/api/cases', { application, persons: [] })
  expect(created.status, created.text).toBe(201)
  const { id } = created.json<{ id: string }>()
  await officer.send('POST', `/api/cases/${id}/conflict`, { conflict: false })
  const decided = await officer.send('POST', `/api/cases/${id}/decision`, {
    kind: 'approve',
    reasons: 'Uppfyller villkoren.',
    letterLocale: 'sv',
  })
  expect(decided.status, decided.text).toBe(200)
  return id
}

edgeProbe({
  name: 'grant screening',
  start: () => startTestServer({ clock }),
  users: ['officer.rk', 'officer.nm'],
  password: DEMO_PASSWORD,
  admins: ['admin.rk', 'admin.nm'],
  reference: async (officer) => {
    const id = await decidedCase(officer, 'probe-reference')
    const { caseNumber } = (await officer.send('GET', `/api/cases/${id}`)).json<{ caseNumber: string }>()
    return { known: caseNumber, unknown: 'JÄR 2026/999' }
  },
  documents: async (_url, officer) => {
    const id = await decidedCase(officer, 'probe-letter')
    return [`/api/cases/${id}/letter`, `/api/cases/${id}/letter/preview?lang=en`]
  },
})

describe("attacker's walk: four eyes on the democracy assessment", () => {
  let server: TestServer
  let officer: Client
  let duo: Client
  let approver: Client
  beforeAll(async () => {
    server = await startTestServer({ clock })
    officer = await server.login('officer.rk')
    duo = await server.login('officer-approver.rk')
    approver = await server.login('approver.rk')
  }, 120_000)
  afterAll(() => server?.stop())

  /** A case whose tip needs a person's assessment, dismissed by `assessor`, then proposed for a grant by the officer. */
  async function proposedAfterDismissal(assessor: Client, tag: string): Promise<string> {
    const application = eligibleApplication(`probe-${tag}`, { evidence: [TIP] })
    const created = await officer.json('POST', '/api/cases', { application, persons: [] })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.id as string
    for (const c of new Set([officer, assessor, duo, approver])) await c.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const assessed = await assessor.json('PUT', `/api/cases/${id}/evidence/t1/assessment`, {
      status: 'dismissed',
      reason: 'Tipset kunde inte bekräftas.',
    })
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200)
    // The dismissed tip no longer stands against the grant, so the officer's grant needs no override reason; the finding still asks for four eyes.
    const proposed = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Uppfyller villkoren.',
      letterLocale: 'sv',
    })
    expect(proposed.body.status).toBe('awaiting_approval')
    return id
  }

  it('refuses the second signature to whoever assessed the evidence the decision rests on, and lets another approver give it', async () => {
    const id = await proposedAfterDismissal(duo, 'own-assessment')
    const own = await duo.json('POST', `/api/cases/${id}/approval`, { approve: true }, { 'accept-language': 'en' })
    expect(own.status, JSON.stringify(own.body)).toBe(403)
    expect(own.body).toMatchObject({ code: 'own-work', detail: expect.stringMatching(/^Four eyes: you may not .*assessed/) })
    // the case tells each reader what bars them, so the page offers the button to no one the server refuses
    const asDuo = await duo.json('GET', `/api/cases/${id}`)
    expect(asDuo.body).toMatchObject({ status: 'awaiting_approval', yourAuthorship: ['assessedBy'] })
    expect((await officer.json('GET', `/api/cases/${id}`)).body.yourAuthorship).toEqual(['decidedBy'])
    expect((await approver.json('GET', `/api/cases/${id}`)).body.yourAuthorship).toEqual([])
    const signed = await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })
    expect(signed.status, JSON.stringify(signed.body)).toBe(200)
    expect(signed.body.status).toBe('decided')
  })

  it('lets the officer-approver sign when someone else made the assessment', async () => {
    const id = await proposedAfterDismissal(officer, 'others-assessment')
    const signed = await duo.json('POST', `/api/cases/${id}/approval`, { approve: true })
    expect(signed.status, JSON.stringify(signed.body)).toBe(200)
  })
})
