import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPdfText } from '@vbe/server-kit/documents'
import { decidedCase, eligibleApplication as eligible, openCase, threeFailedRules as issueCase, TIP } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/**
 * Issue 17 over HTTP: guarded decisions (overrides per failed rule, four eyes), denials
 * citing their rules, kommunicering with its deadline, evidence assessment, correction
 * and reconsideration, reclaim linked to its decision, and their letters.
 */

// The clock the server reads; tests move it past a deadline.
let now = new Date('2026-11-22T10:00:00Z')
const clock = { now: () => now }

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

describe.each(['pglite', 'postgres'] as const)('decisions on %s', (kind) => {
  let server: TestServer
  let officer: Client, officer2: Client, approver: Client, auditor: Client

  const signIn = async () => {
    ;[officer, officer2, approver, auditor] = (await Promise.all(
      ['officer.rk', 'officer2.rk', 'approver.rk', 'auditor'].map((u) => server.login(u)),
    )) as [Client, Client, Client, Client]
  }
  beforeAll(async () => {
    now = new Date('2026-11-22T10:00:00Z')
    server = await startTestServer({ database: kind, clock })
    await signIn()
  })
  afterAll(() => server?.stop())

  /** If a test moved the clock (and sessions expire with it): back to the start, signed in afresh. */
  async function atStart(): Promise<void> {
    if (now.getTime() === Date.parse('2026-11-22T10:00:00Z')) return
    now = new Date('2026-11-22T10:00:00Z')
    await signIn()
  }

  async function open(application: unknown, ...others: Client[]): Promise<string> {
    await atStart()
    return (await openCase(officer, application, { declare: others })).id
  }

  /** Sends the material to the applicant (kommunicering) in Swedish, for a denial unless `more` says otherwise. */
  const communicate = (id: string, material: string, deadline: string, more: Record<string, unknown> = {}) =>
    officer.json('POST', `/api/cases/${id}/communications`, { kind: 'deny', material, deadline, letterLocale: 'sv', ...more })

  it('asks for a reason about the programme maximum only when the amount granted is above it, not the amount applied for', async () => {
    const id = await open(issueCase(`max-${kind}`), approver)
    const detail = await officer.json('GET', `/api/cases/${id}`)
    expect(detail.body.decisionGuide.failedRules.map((r: { id: string; grantUpTo: number | null }) => [r.id, r.grantUpTo])).toEqual([
      ['bank-account', null],
      ['max-amount', 100_000],
      ['years-of-activity', null],
    ])
    await communicate(id, 'Ansökan överstiger programmets högsta belopp.', '2026-12-06', { kind: 'partial', amount: 100_000 })
    await officer.json('POST', `/api/cases/${id}/communications/reply`, { reply: 'Vi godtar ett lägre belopp.', receivedOn: '2026-11-22' })

    const partial = { kind: 'partial', reasons: 'Bidraget beviljas upp till programmets högsta belopp.', letterLocale: 'sv' }
    const others = {
      'bank-account': 'Föreningen har visat att kontot förs över i dess namn.',
      'years-of-activity': 'Verksamheten har bedrivits längre i en annan form.',
    }
    const paths = (r: { body: { errors: { path: string }[] } }) => r.body.errors.map((e) => e.path)
    // 120 000 kr granted is above the maximum of 100 000 kr: that deviation needs its reason, in either language.
    for (const [lang, words] of [
      ['sv', /^behöver ett skäl: villkoret ”Högsta belopp i programmet”/],
      ['en', /^needs a reason: the condition “Programme maximum amount”/],
    ] as const) {
      const over = await officer.json(
        'POST',
        `/api/cases/${id}/decision`,
        { ...partial, amount: 120_000, overrides: others },
        { 'accept-language': lang },
      )
      expect(over.status).toBe(400)
      expect(paths(over)).toEqual(['overrides.max-amount'])
      expect(over.body.errors[0].message).toMatch(words)
    }
    // 100 000 kr is within the maximum, though 150 000 kr was applied for: a reason about the maximum is refused as not needed.
    for (const [lang, words] of [
      ['sv', /^behövs inte: det beviljade beloppet ryms inom programmets högsta belopp/],
      ['en', /^is not needed: the amount granted is within the programme maximum/],
    ] as const) {
      const needless = await officer.json(
        'POST',
        `/api/cases/${id}/decision`,
        { ...partial, amount: 100_000, overrides: { ...others, 'max-amount': 'Nämnden har medgett ett undantag.' } },
        { 'accept-language': lang },
      )
      expect(needless.status).toBe(400)
      expect(paths(needless)).toEqual(['overrides.max-amount'])
      expect(needless.body.errors[0].message).toMatch(words)
    }
    // Without it the partial grant is recorded, overriding only the two other failed rules.
    const granted = await officer.json('POST', `/api/cases/${id}/decision`, { ...partial, amount: 100_000, overrides: others })
    expect(granted.status, JSON.stringify(granted.body)).toBe(200)
    expect(granted.body).toMatchObject({ status: 'awaiting_approval', decision: { kind: 'partial', amount: 100_000 } })
    expect(granted.body.decision.overrides.map((o: { rule: { id: string } }) => o.rule.id)).toEqual(['bank-account', 'years-of-activity'])
  })

  it('refuses to grant against failed rules without a reason per rule, naming each, then needs a second signature', async () => {
    const id = await open(issueCase(`ov-${kind}`), approver)
    const detail = await officer.json('GET', `/api/cases/${id}`)
    expect(detail.body.decisionGuide.failedRules.map((r: { id: string }) => r.id)).toEqual([
      'bank-account',
      'max-amount',
      'years-of-activity',
    ])

    const bare = { kind: 'approve', reasons: 'Vi vill stödja föreningen.', letterLocale: 'sv' }
    const none = await officer.json('POST', `/api/cases/${id}/decision`, bare, { 'accept-language': 'en' })
    expect(none.status).toBe(400)
    expect(none.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'overrides.bank-account',
      'overrides.max-amount',
      'overrides.years-of-activity',
    ])
    expect(none.body.errors[1].message).toContain('maximum')
    const sv = await officer.json('POST', `/api/cases/${id}/decision`, {
      ...bare,
      overrides: { 'bank-account': 'Byts.', 'max-amount': ' ' },
    })
    expect(sv.body.errors.map((e: { path: string }) => e.path)).toEqual(['overrides.max-amount', 'overrides.years-of-activity'])
    expect(sv.body.errors[0].message).toMatch(/^behöver ett skäl/)

    // Above the programme maximum: the reason for that deviation must be its own, not one pasted for every rule.
    const pasted = 'Särskilda skäl: nämnden har beslutat om undantag.'
    const copied = await officer.json('POST', `/api/cases/${id}/decision`, {
      ...bare,
      overrides: { 'bank-account': pasted, 'max-amount': pasted, 'years-of-activity': pasted },
    })
    expect(copied.status).toBe(400)
    expect(copied.body.errors.map((e: { path: string }) => e.path)).toEqual(['overrides.max-amount'])
    expect(copied.body.errors[0].message).toMatch(/^behöver ett eget skäl för att bevilja över programmets högsta belopp/)
    const overrides = {
      'bank-account': 'Föreningen har visat att kontot förs över i dess namn.',
      'max-amount': 'Nämnden har medgett ett undantag för året.',
      'years-of-activity': 'Verksamheten har bedrivits längre i en annan form.',
    }
    const proposed = await officer.json('POST', `/api/cases/${id}/decision`, { ...bare, overrides })
    expect(proposed.body).toMatchObject({
      status: 'awaiting_approval',
      decision: { kind: 'approve', amount: 150_000, requiresSecondApproval: true },
    })
    expect(proposed.body.decision.overrides.map((o: { rule: { id: string }; reason: string }) => [o.rule.id, o.reason])).toEqual(
      Object.entries(overrides),
    )
    // Four eyes: another officer has no approver role, and the decider may not sign.
    expect((await officer2.json('POST', `/api/cases/${id}/approval`, { approve: true })).status).toBe(403)
    const signed = await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })
    expect(signed.body).toMatchObject({ status: 'decided', decision: { approvedBy: 'Sara Nilsson', decidedByYou: false } })
  })

  it('sends the material before a denial, refuses the denial before the deadline naming it, and cites the failed rules', async () => {
    const id = await open(issueCase(`deny-${kind}`))
    const deny = { kind: 'deny', reasons: 'Villkoren är inte uppfyllda.', letterLocale: 'sv' }
    const first = await officer.json('POST', `/api/cases/${id}/decision`, deny)
    expect(first.status).toBe(409)
    expect(first.body.detail).toContain('kommunicering')

    const past = await communicate(id, 'x', '2026-11-22')
    expect(past.status).toBe(400)
    expect(past.body.errors[0].path).toBe('deadline')
    const sent = await communicate(id, 'Ansökan överstiger högsta beloppet och kontot står inte på föreningen.', '2026-12-06')
    expect(sent.body.status).toBe('awaiting_reply')
    expect((await officer.json('POST', `/api/cases/${id}/communications`, { ...sent.body, kind: 'deny' })).status).toBe(400)

    for (const day of ['2026-11-23T10:00:00Z', '2026-12-06T20:00:00Z']) {
      now = new Date(day)
      // Sessions expire with time; sign in again on the moved clock.
      officer = await server.login('officer.rk')
      const early = await officer.json('POST', `/api/cases/${id}/decision`, deny, { 'accept-language': 'en' })
      expect(early.status).toBe(409)
      expect(early.body.detail).toContain('2026-12-06')
    }
    // The day after the deadline, with no reply, the denial may be made; it cites the failed rules.
    now = new Date('2026-12-07T09:00:00Z')
    officer = await server.login('officer.rk')
    const denied = await officer.json('POST', `/api/cases/${id}/decision`, deny)
    expect(denied.body).toMatchObject({ status: 'decided', decision: { kind: 'deny', amount: null, requiresSecondApproval: false } })
    expect(denied.body.decision.citedRules.map((r: { id: string }) => r.id)).toEqual(['bank-account', 'max-amount', 'years-of-activity'])

    // The communication letter: HTML and PDF, in both languages, no ids or usernames.
    const cid: string = denied.body.communications[0].id
    const html = await (await officer.request('GET', `/api/cases/${id}/communications/${cid}/letter?lang=sv`)).text()
    expect(html).toContain('Kommunicering')
    // Issued by the committee as named on the day it is sent, as the decision letter is.
    expect(html).toContain('Järva stadsdelsnämnd')
    expect(html).not.toContain('>Rinkeby-Kista<')
    expect(html).toContain('6 december 2026')
    expect(html).toContain('Ansökan överstiger högsta beloppet')
    expect(html).not.toMatch(UUID)
    expect(html).not.toContain('officer.rk')
    const en = await (await officer.request('GET', `/api/cases/${id}/communications/${cid}/letter?lang=en`)).text()
    expect(en).toMatch(/<html lang="en"/)
    expect(en).toContain('6 December 2026')
    const pdf = await officer.request('GET', `/api/cases/${id}/communications/${cid}/letter?format=pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(readPdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Kommunicering')
    expect((await officer.request('GET', `/api/cases/${id}/communications/nope/letter`)).status).toBe(404)
  })

  it('refuses a denial or lower amount while evidence behind a condition is unassessed, even after the reply, naming what to assess', async () => {
    const id = await open(eligible(`unassessed-${kind}`, { evidence: [TIP] }))
    const sent = await communicate(id, 'Uppgifterna i ansökan.', '2026-12-06')
    expect(sent.body.status).toBe('awaiting_reply')
    const replied = await officer.json('POST', `/api/cases/${id}/communications/reply`, {
      reply: 'Vi bestrider tipset.',
      receivedOn: '2026-11-22',
    })
    expect(replied.body.replyDue).toBeNull()
    expect(replied.body.decisionGuide).toMatchObject({ denialCites: [], toAssess: [{ id: 'democracy-condition' }] })

    const deny = { kind: 'deny', reasons: 'Föreningen uppfyller inte demokrativillkoret.', letterLocale: 'sv' }
    const sv = await officer.json('POST', `/api/cases/${id}/decision`, deny)
    expect(sv.status).toBe(400)
    expect(sv.body.errors.map((e: { path: string }) => e.path)).toEqual(['kind'])
    expect(sv.body.errors[0].message).toContain('Demokrativillkoret')
    expect(sv.body.errors[0].message).toContain('Bedöm först')
    const en = await officer.json(
      'POST',
      `/api/cases/${id}/decision`,
      { ...deny, kind: 'partial', amount: 10_000 },
      { 'accept-language': 'en' },
    )
    expect(en.status).toBe(400)
    expect(en.body.errors[0]).toMatchObject({ path: 'kind' })
    expect(en.body.errors[0].message).toMatch(/not assessed.*assess each item under Evidence/)
    expect((await officer.json('GET', `/api/cases/${id}`)).body.decision).toBeNull()

    // Once the tip is assessed as relevant, the denial may rest on it and cites the condition.
    const evidenceId: string = replied.body.application.evidence[0].id
    const assessed = await officer.json('PUT', `/api/cases/${id}/evidence/${evidenceId}/assessment`, { status: 'relevant' })
    expect(assessed.body.decisionGuide).toMatchObject({ denialCites: [{ id: 'democracy-condition' }], toAssess: [] })
    const denied = await officer.json('POST', `/api/cases/${id}/decision`, deny)
    expect(denied.status, JSON.stringify(denied.body)).toBe(200)
    expect(denied.body.decision.citedRules.map((r: { id: string }) => r.id)).toEqual(['democracy-condition'])
  })

  it('generates evidence ids, records assessments by a named officer, and keeps dismissed items out of the communication letter', async () => {
    const id = await open(eligible(`ev-${kind}`))
    const item = {
      conduct: 'threat',
      actor: 'organisation',
      withinActivities: true,
      verified: false,
      date: '2026-05-01',
      source: { kind: 'tip' },
    }
    const typed = await officer.json('POST', `/api/cases/${id}/evidence`, { ...item, id: 'e1' })
    expect(typed.status).toBe(400)
    expect(typed.body.errors[0].path).toBe('id')
    const added = await officer.json('POST', `/api/cases/${id}/evidence`, { ...item, summary: 'Anonymt tips om hot.' })
    const evidenceId: string = added.body.application.evidence[0].id
    expect(evidenceId).toMatch(UUID)
    expect(added.body.evidenceAssessments).toEqual([{ evidenceId, status: 'unassessed', reason: null, assessedBy: null, assessedAt: null }])
    expect((await officer.json('PUT', `/api/cases/${id}/evidence/nope/assessment`, { status: 'relevant' })).status).toBe(404)

    // Unassessed, the tip does not carry the democracy finding into a denial.
    const guide = (await officer.json('GET', `/api/cases/${id}`)).body.decisionGuide
    expect(guide).toMatchObject({
      failedRules: [{ id: 'democracy-condition' }],
      denialCites: [],
      fourEyes: true,
      toAssess: [{ id: 'democracy-condition' }],
    })
    const dismissed = await officer.json('PUT', `/api/cases/${id}/evidence/${evidenceId}/assessment`, {
      status: 'dismissed',
      reason: 'Tipset saknar konkreta uppgifter.',
    })
    expect(dismissed.body.evidenceAssessments[0]).toMatchObject({ status: 'dismissed', assessedBy: 'Amina Yusuf' })
    expect(dismissed.body.decisionGuide.failedRules).toEqual([])

    const sent = await communicate(id, 'Budgeten räcker inte till hela beloppet.', '2026-12-01', { kind: 'partial', amount: 20_000 })
    const letter = await (await officer.request('GET', `/api/cases/${id}/communications/${sent.body.communications[0].id}/letter`)).text()
    expect(letter).toContain('20 000 kr')
    expect(letter).not.toContain('tips')
    expect(letter).not.toContain('Anonymt')
  })

  it('corrects and reconsiders a decided case: new decisions refer to the old, all stay in the record and the audit chain', async () => {
    const id = await open(eligible(`rev-${kind}`), approver)
    const reconsiderEarly = await officer.json('POST', `/api/cases/${id}/revision`, {
      basis: 'reconsideration',
      kind: 'approve',
      reasons: 'x',
      letterLocale: 'sv',
    })
    expect(reconsiderEarly.status).toBe(409)

    const first = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Uppfyller villkoren.',
      letterLocale: 'sv',
    })
    expect(first.body.status).toBe('decided')
    const oldId: string = first.body.decision.id

    const corrected = await officer.json('POST', `/api/cases/${id}/revision`, {
      basis: 'correction',
      kind: 'approve',
      reasons: 'Uppfyller villkoren. (Rättelse: fel bidragsår i det första beslutet.)',
      letterLocale: 'sv',
    })
    expect(corrected.body).toMatchObject({ status: 'decided', decision: { basis: 'correction', refersTo: oldId } })
    expect(corrected.body.decisionHistory.map((d: { id: string; supersededBy: string }) => [d.id, d.supersededBy])).toEqual([
      [oldId, corrected.body.decision.id],
    ])

    // A reconsideration that denies is adverse: kommunicering since the last decision first.
    const deny = { basis: 'reconsideration', kind: 'deny', reasons: 'Nya uppgifter visar att villkoren inte uppfylls.', letterLocale: 'sv' }
    expect((await officer.json('POST', `/api/cases/${id}/revision`, deny)).status).toBe(409)
    const sent = await communicate(id, 'Nya uppgifter.', '2026-12-10')
    expect(sent.body.status).toBe('decided')
    expect((await officer.json('POST', `/api/cases/${id}/revision`, deny)).body.detail).toContain('2026-12-10')
    await officer.json('POST', `/api/cases/${id}/communications/reply`, { reply: 'Vi bestrider uppgifterna.', receivedOn: '2026-11-22' })
    const reconsidered = await officer.json('POST', `/api/cases/${id}/revision`, deny)
    expect(reconsidered.body).toMatchObject({
      status: 'decided',
      decision: { basis: 'reconsideration', kind: 'deny', refersTo: corrected.body.decision.id },
    })
    expect(reconsidered.body.decisionHistory).toHaveLength(2)

    const audit = await auditor.json('GET', `/api/audit?entityId=${id}`)
    const actions: string[] = audit.body.events.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['case.decision.final', 'case.decision.correction', 'case.decision.reconsideration']))
    expect((await auditor.json('GET', '/api/audit/verify')).body).toMatchObject({ ok: true })
  })

  it('a revision needing four eyes waits for a second signature, and a send-back leaves the old decision in force', async () => {
    const id = await open(eligible(`rev4-${kind}`, { evidence: [TIP] }), approver)
    await officer.json('PUT', `/api/cases/${id}/evidence/t1/assessment`, { status: 'dismissed', reason: 'Kunde inte bekräftas.' })
    const proposed = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Uppfyller villkoren.',
      letterLocale: 'sv',
    })
    expect(proposed.body.status).toBe('awaiting_approval')
    const first = await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })
    expect(first.body.status).toBe('decided')
    const oldId: string = first.body.decision.id

    const correction = { basis: 'correction', kind: 'approve', reasons: 'Rättelse av ett skrivfel.', letterLocale: 'en' }
    const revision = await officer.json('POST', `/api/cases/${id}/revision`, correction)
    expect(revision.body).toMatchObject({ status: 'awaiting_revision_approval', decision: { basis: 'correction', refersTo: oldId } })
    // The reviser may not sign it; sent back, the old decision is the case's decision again.
    expect((await officer.json('POST', `/api/cases/${id}/approval`, { approve: true })).status).toBe(403)
    const back = await approver.json('POST', `/api/cases/${id}/approval`, { approve: false })
    expect(back.body).toMatchObject({ status: 'decided', decision: { id: oldId }, decisionHistory: [] })

    const again = await officer.json('POST', `/api/cases/${id}/revision`, correction)
    const signed = await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })
    expect(signed.body).toMatchObject({
      status: 'decided',
      decision: { id: again.body.decision.id, refersTo: oldId, approvedBy: 'Sara Nilsson' },
    })
    expect(signed.body.decisionHistory.map((d: { id: string }) => d.id)).toEqual([oldId])
  })

  it('two officers deciding at once: one wins, the other gets 409', async () => {
    const id = await open(eligible(`race-${kind}`), officer2)
    const body = (who: string) => ({ kind: 'approve', reasons: `Beslut av ${who}.`, letterLocale: 'sv' })
    const answers = await Promise.all([
      officer.json('POST', `/api/cases/${id}/decision`, body('a')),
      officer2.json('POST', `/api/cases/${id}/decision`, body('b')),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
  })

  it('a reclaim names the decision it reclaims and has its own letter', async () => {
    await atStart()
    const { id, detail: decided } = await decidedCase(officer, eligible(`rc-${kind}`), { reasons: 'Uppfyller villkoren.' })
    expect((await officer.request('GET', `/api/cases/${id}/reclaim/letter`)).status).toBe(409)
    const rc = await officer.json('POST', `/api/cases/${id}/reclaim`, {
      amount: 10_000,
      reasons: 'Redovisningen saknas.',
      letterLocale: 'en',
    })
    expect(rc.body.reclaim).toMatchObject({ amount: 10_000, decisionId: decided.decision.id })
    const html = await (await officer.request('GET', `/api/cases/${id}/reclaim/letter`)).text()
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain('SEK 10,000')
    expect(html).toContain('Järva District Committee')
    // How to appeal, as the programme says (legality review for this municipal grant), not a generic referral.
    expect(html).toContain('legality review (laglighetsprövning)')
    expect(html).toContain('SEK 50,000')
    expect(html).toContain('Redovisningen saknas.')
    expect(html).not.toMatch(UUID)
    const pdf = await officer.request('GET', `/api/cases/${id}/reclaim/letter?format=pdf&lang=sv`)
    expect(readPdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('återkrav')
  })
})
