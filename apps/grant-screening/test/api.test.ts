import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { demoApplication } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'
import { checkedFetch } from '@vbe/test-openapi'

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

const needsAssessment = (id: string) =>
  demoApplication(id, {
    association: {
      name: `Förening ${id}`,
      organisationNumber: '802400-1235',
      activitySince: '2019-03-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
    },
    evidence: [
      {
        id: 't1',
        conduct: 'coercion',
        actor: 'organisation',
        withinActivities: true,
        verified: false,
        date: '2026-06-01',
        source: { kind: 'tip' },
      },
    ],
  })

describe.each(['pglite', 'postgres'] as const)('grant-screening API on %s', (kind) => {
  let server: TestServer
  let officer: Client, officer2: Client, approver: Client, otherOfficer: Client, admin: Client, auditor: Client

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock })
    const clients = await Promise.all(
      ['officer.rk', 'officer2.rk', 'approver.rk', 'officer.nm', 'admin', 'auditor'].map((u) => server.login(u)),
    )
    ;[officer, officer2, approver, otherOfficer, admin, auditor] = clients as [Client, Client, Client, Client, Client, Client]
  })
  afterAll(() => server?.stop())

  it('screens on intake, requires a declaration, then four eyes, and issues the letter', async () => {
    const created = await officer.json('POST', '/api/cases', {
      application: needsAssessment('t-4eyes'),
      persons: [{ role: 'contact', name: 'Karin Testperson', email: 'karin@example.org' }],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      outcome: 'requires_assessment',
      humanDecisionRequired: true,
      status: 'new',
      district: 'rinkeby-kista',
    })
    const id = created.body.id as string

    const blocked = await officer.json('GET', `/api/cases/${id}`)
    expect(blocked.status).toBe(403)
    expect(blocked.headers.get('content-type')).toBe('application/problem+json')
    expect(blocked.body.code).toBe('conflict-declaration-required')

    expect((await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(200)
    const open = await officer.json('GET', `/api/cases/${id}`)
    expect(open.status).toBe(200)
    expect(open.body.screening.findings.find((f: { ruleId: string }) => f.ruleId === 'democracy-condition')).toMatchObject({
      status: 'needs_assessment',
      evidenceIds: ['t1'],
    })
    expect(open.body.persons[0]).toMatchObject({ name: 'Karin Testperson' })

    const note = await officer.json('POST', `/api/cases/${id}/notes`, { text: 'Ringt föreningen om tipset.' })
    expect(note.body.notes).toHaveLength(1)

    // The officer assesses the tip (issue 17): dismissing it needs a reason, and the assessment names the officer.
    const noReason = await officer.json('PUT', `/api/cases/${id}/evidence/t1/assessment`, { status: 'dismissed' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason'])
    const assessed = await officer.json('PUT', `/api/cases/${id}/evidence/t1/assessment`, {
      status: 'dismissed',
      reason: 'Tipset är anonymt och kunde inte bekräftas.',
    })
    expect(assessed.body.evidenceAssessments).toEqual([
      expect.objectContaining({ evidenceId: 't1', status: 'dismissed', assessedBy: expect.any(String) }),
    ])
    expect(assessed.body.decisionGuide).toMatchObject({ failedRules: [], fourEyes: true })

    const bad = await officer.json(
      'POST',
      `/api/cases/${id}/decision`,
      { kind: 'partial', reasons: 'Delvis', letterLocale: 'sv' },
      { 'accept-language': 'en' },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual([{ path: 'amount', message: 'is required for a partial grant' }])

    const decided = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'approve',
      reasons: 'Tipset är inte styrkt; villkoren är uppfyllda.',
      letterLocale: 'sv',
    })
    expect(decided.body).toMatchObject({
      status: 'awaiting_approval',
      decision: { kind: 'approve', amount: 50_000, requiresSecondApproval: true, approvedBy: null },
    })

    // An officer cannot give the second signature; the approver must declare first.
    expect((await officer2.json('POST', `/api/cases/${id}/approval`, { approve: true })).status).toBe(403)
    expect((await approver.json('POST', `/api/cases/${id}/approval`, { approve: true })).body.code).toBe('conflict-declaration-required')
    await approver.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const approved = await approver.json('POST', `/api/cases/${id}/approval`, { approve: true, comment: 'Instämmer.' })
    // People are named by display name (vbe_users.display_name); decidedByYou is the viewer's own.
    expect(approved.body).toMatchObject({
      status: 'decided',
      decision: { decidedBy: 'Amina Yusuf', approvedBy: 'Sara Nilsson', decidedByYou: false },
    })
    const asDecider = await officer.json('GET', `/api/cases/${id}`)
    expect(asDecider.body.decision).toMatchObject({ decidedBy: 'Amina Yusuf', approvedBy: 'Sara Nilsson', decidedByYou: true })
    expect(asDecider.body.notes[0].author).toBe('Amina Yusuf')

    const html = await officer.request('GET', `/api/cases/${id}/letter?lang=sv&format=html`)
    expect(html.status).toBe(200)
    const letter = await html.text()
    expect(letter).toContain('Förening t-4eyes')
    // The letter names the approver by name and title, never by username.
    expect(letter).toContain('Sara Nilsson, granskande handläggare')
    expect(letter).not.toContain('approver.rk')
    const en = await (await officer.request('GET', `/api/cases/${id}/letter?lang=en`)).text()
    expect(en).toMatch(/lang="en"/)
    const pdf = await officer.request('GET', `/api/cases/${id}/letter?format=pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')

    // Follow-up and reclaim.
    const fu = await officer.json('PUT', `/api/cases/${id}/follow-up`, { reportDue: '2027-03-31' })
    expect(fu.body.reportDue).toBe('2027-03-31')
    expect((await officer.json('POST', `/api/cases/${id}/reclaim`, { amount: 60_000, reasons: 'x' })).body.errors[0].path).toBe('amount')
    const rc = await officer.json('POST', `/api/cases/${id}/reclaim`, {
      amount: 20_000,
      reasons: 'Redovisningen visar att villkoren bröts.',
    })
    expect(rc.body.reclaim).toMatchObject({ amount: 20_000, decidedBy: 'Amina Yusuf' })
    // No username reaches a user: not in the decided, approved case detail as either signer sees it, nor after the reclaim.
    for (const body of [approved.body, asDecider.body, rc.body]) {
      const text = JSON.stringify(body)
      for (const username of ['officer.rk', 'approver.rk', 'officer-approver.rk']) expect(text).not.toContain(username)
    }
    // A username no user has (a removed account) is shown as no one, not as the username (rows changed behind the API's back).
    const k = server.database.kysely
    await k.updateTable('gs_decisions').set({ approved_by: 'retired.rk' }).where('case_id', '=', id).execute()
    await k.updateTable('gs_reclaims').set({ decided_by: 'retired.rk' }).where('case_id', '=', id).execute()
    const gone = await officer.json('GET', `/api/cases/${id}`)
    expect(gone.body.decision).toMatchObject({ decidedBy: 'Amina Yusuf', approvedBy: null, decidedByYou: true })
    expect(gone.body.reclaim.decidedBy).toBeNull()
    expect(JSON.stringify(gone.body)).not.toContain('retired.rk')
    // Put the rows back, so the audit chain's reconciliation in the later tests still matches them.
    await k.updateTable('gs_decisions').set({ approved_by: 'approver.rk' }).where('case_id', '=', id).execute()
    await k.updateTable('gs_reclaims').set({ decided_by: 'officer.rk' }).where('case_id', '=', id).execute()

    const due = await officer.json('GET', '/api/cases?dueBefore=2027-04-01')
    expect(due.body.items.map((c: { id: string }) => c.id)).toContain(id)
  })

  it('decides without four eyes when no democracy finding needs a person, after kommunicering for a partial grant', async () => {
    const created = await officer.json('POST', '/api/cases', { application: demoApplication('t-plain') })
    expect(created.body).toMatchObject({ outcome: 'eligible', humanDecisionRequired: false })
    await officer.json('POST', `/api/cases/${created.body.id}/conflict`, { conflict: false })
    const d = await officer.json('POST', `/api/cases/${created.body.id}/decision`, {
      kind: 'partial',
      amount: 30_000,
      reasons: 'Budgeten räcker till en del.',
      letterLocale: 'en',
    })
    // A partial grant is adverse: the applicant is sent the material first (kommunicering), and the case waits.
    expect(d.status).toBe(409)
    const sent = await officer.json('POST', `/api/cases/${created.body.id}/communications`, {
      kind: 'partial',
      amount: 30_000,
      material: 'Budgeten för året räcker till 30 000 kr.',
      deadline: '2026-12-06',
      letterLocale: 'sv',
    })
    expect(sent.body).toMatchObject({ status: 'awaiting_reply', communications: [{ deadline: '2026-12-06', reply: null }] })
    const waiting = await officer.json(
      'POST',
      `/api/cases/${created.body.id}/decision`,
      { kind: 'partial', amount: 30_000, reasons: 'Budgeten räcker till en del.', letterLocale: 'en' },
      { 'accept-language': 'en' },
    )
    expect(waiting.status).toBe(409)
    expect(waiting.body.detail).toContain('2026-12-06')
    const replied = await officer.json('POST', `/api/cases/${created.body.id}/communications/reply`, {
      reply: 'Vi förstår och tar emot det lägre beloppet.',
      receivedOn: '2026-11-22',
    })
    expect(replied.body).toMatchObject({ status: 'in_review', communications: [{ repliedOn: '2026-11-22' }] })
    const partial = await officer.json('POST', `/api/cases/${created.body.id}/decision`, {
      kind: 'partial',
      amount: 30_000,
      reasons: 'Budgeten räcker till en del.',
      letterLocale: 'en',
    })
    expect(partial.body).toMatchObject({ status: 'decided', decision: { kind: 'partial', amount: 30_000, requiresSecondApproval: false } })
    expect((await officer.json('POST', '/api/cases', { application: demoApplication('t-plain') })).status).toBe(409)
  })

  it('excludes an officer who declares a conflict, and logs it', async () => {
    const created = await officer.json('POST', '/api/cases', { application: demoApplication('t-conflict') })
    const id = created.body.id
    expect(
      (await officer2.json('POST', `/api/cases/${id}/conflict`, { conflict: true, comment: 'Jag sitter i föreningens styrelse.' })).status,
    ).toBe(200)
    expect((await officer2.json('GET', `/api/cases/${id}`)).body.code).toBe('conflict-declared')
    expect((await officer2.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(409)
    const audit = await auditor.json('GET', `/api/audit?entityId=${id}`)
    expect(audit.body.events.map((e: { action: string; actor: string }) => `${e.actor}:${e.action}`)).toContain(
      'officer2.rk:case.conflict.excluded',
    )
  })

  it('imports CSV: good rows become cases, a bad row is reported with row and field', async () => {
    const header =
      'id,programme,amountRequested,association.name,association.organisationNumber,association.activitySince,association.bankAccount.kind,association.bankAccount.number,association.bankAccount.holderIsAssociation,board.electedOn,board.electedAtAnnualMeeting,board.auditorElected,contact.name,contact.email'
    const row = (id: string, org: string, amount: string) =>
      `${id},rinkeby-kista/foreningsbidrag,${amount},Förening ${id},${org},2019-01-01,bankgiro,5050-1055,true,2026-03-01,true,true,Kontakt ${id},${id}@example.org`
    const csv = [
      header,
      row('csv-1', '802400-1235', '10000'),
      row('csv-2', '802400-1236', '10000'),
      row('csv-3', '802400-1235', 'many'),
    ].join('\n')
    const post = async (body: string) => {
      const r = await officer.request('POST', '/api/cases/import', body, { 'content-type': 'text/csv' })
      return { status: r.status, body: (await r.json()) as any }
    }
    const res = await post(csv)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.imported.map((r: { row: number }) => r.row)).toEqual([2])
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, path: 'association.organisationNumber' }),
        expect.objectContaining({ row: 4, path: 'amountRequested' }),
      ]),
    )
    const badHeader = await post('id,religion\nx,y')
    expect(badHeader.status).toBe(400)
    expect(badHeader.body.errors[0].path).toBe('header: religion')
  })

  it('keeps districts apart', async () => {
    const queue = await otherOfficer.json('GET', '/api/cases')
    expect(queue.status).toBe(200)
    expect(queue.body.items).toEqual([])
    const mine = await officer.json('GET', '/api/cases')
    const id = mine.body.items[0].id
    expect((await otherOfficer.json('GET', `/api/cases/${id}`)).status).toBe(404)
    expect((await otherOfficer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(404)
    const wrongDistrict = await otherOfficer.json('POST', '/api/cases', { application: demoApplication('t-nm') })
    expect(wrongDistrict.status).toBe(400)
    expect(wrongDistrict.body.errors[0].path).toBe('application.programme')
    // The refusal names the districts as people know them, never by their ids.
    const message: string = wrongDistrict.body.errors[0].message
    expect(message).toContain('Rinkeby-Kista')
    expect(message).toContain('Norrmalm')
    expect(message).not.toMatch(/rinkeby-kista|norrmalm/)
  })

  it('re-screens open cases when the rules change, and shows the flips', async () => {
    const created = await officer.json('POST', '/api/cases', { application: demoApplication('t-rescreen', { amountRequested: 45_000 }) })
    expect(created.body.outcome).toBe('eligible')
    const p = rinkebyKista.grantProgrammes[0]!
    const stricter = composePlugins([
      norrmalm,
      defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 40_000 } }] }),
    ])
    const next = await server.restart({ plugins: stricter })
    try {
      const nextAdmin = await next.login('admin')
      const run = await nextAdmin.json('POST', '/api/rescreen')
      expect(run.status).toBe(200)
      expect(run.body.run.flips).toEqual(
        expect.arrayContaining([expect.objectContaining({ caseId: created.body.id, from: 'eligible', to: 'ineligible' })]),
      )
      const nextOfficer = await next.login('officer.rk')
      const runs = await nextOfficer.json('GET', '/api/rescreen')
      expect(runs.body.runs[0].flips.every((f: { district: string }) => f.district === 'rinkeby-kista')).toBe(true)
      expect((await (await next.login('officer.nm')).json('GET', '/api/rescreen')).body.runs[0].flips).toEqual([])
      expect((await nextOfficer.json('POST', '/api/rescreen')).status).toBe(403)
      // Each district sees its own counts: the open cases it has, not the city's.
      const open = await sql<{
        district: string
        n: string
      }>`select district, count(*) as n from gs_cases where status <> 'decided' group by district`.execute(server.database.kysely)
      const openIn = (d: string) => Number(open.rows.find((r) => r.district === d)?.n ?? 0)
      expect(runs.body.runs[0]).toMatchObject({ checked: openIn('rinkeby-kista') })
      expect((await (await next.login('officer.nm')).json('GET', '/api/rescreen')).body.runs[0]).toMatchObject({
        checked: openIn('norrmalm'),
        changed: 0,
      })
      expect(run.body.run.checked).toBe(openIn('rinkeby-kista') + openIn('norrmalm'))
      // The stored screening comes back whole, sources and all, under the new ruleset…
      await nextOfficer.json('POST', `/api/cases/${created.body.id}/conflict`, { conflict: false })
      const now = await nextOfficer.json('GET', `/api/cases/${created.body.id}`)
      const maxAmount = now.body.screening.findings.find((f: { ruleId: string }) => f.ruleId === 'max-amount')
      expect(maxAmount).toMatchObject({ status: 'not_met', kind: 'formal' })
      expect(maxAmount.reason.en).toContain('40,000')
      expect(maxAmount.sources.length).toBeGreaterThan(0)
      expect(now.body.screening.ruleset.version).not.toBe(created.body.screening.ruleset.version)
      // …and a server still on the old rules restores it from the recorded catalogue of the new ruleset.
      const oldView = await officer.json('GET', `/api/cases/${created.body.id}`)
      expect(oldView.body.screening).toEqual(now.body.screening)
    } finally {
      await next.stop()
    }
  })

  it('verifies the audit chain and detects tampering', async () => {
    const ok = await auditor.json('GET', '/api/audit/verify')
    expect(ok.body).toMatchObject({ ok: true, problems: [] })
    expect(ok.body.checked).toBeGreaterThan(10)
    const original = await sql<{ actor: string }>`select actor from vbe_audit_events where seq = 5`.execute(server.database.kysely)
    await sql`update vbe_audit_events set actor = 'mallory' where seq = 5`.execute(server.database.kysely)
    const bad = await auditor.json('GET', '/api/audit/verify')
    expect(bad.body.ok).toBe(false)
    expect(bad.body.problems).toEqual([
      { seq: 5, code: 'event_altered', problem: 'händelsen har ändrats (hashen stämmer inte med innehållet)' },
    ])
    const inEnglish = await auditor.json('GET', '/api/audit/verify', undefined, { 'accept-language': 'en' })
    expect(inEnglish.headers.get('content-language')).toBe('en')
    expect(inEnglish.body.problems).toEqual([
      { seq: 5, code: 'event_altered', problem: 'the event was altered (its hash does not match its content)' },
    ])
    await sql`update vbe_audit_events set actor = ${original.rows[0]!.actor} where seq = 5`.execute(server.database.kysely)
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true)
    expect((await officer.json('GET', '/api/audit')).status).toBe(403)
  })

  it('exports and erases a person, and the chain still verifies', async () => {
    const found = await admin.json('GET', '/api/persons?q=Karin')
    expect(found.body.persons).toHaveLength(1)
    const pid = found.body.persons[0].id
    const exported = await admin.json('GET', `/api/persons/${pid}/export`)
    expect(exported.body.person).toMatchObject({ name: 'Karin Testperson', email: 'karin@example.org' })
    expect(exported.body.auditEvents.map((e: { action: string }) => e.action)).toContain('person.create')
    expect((await officer.json('GET', `/api/persons/${pid}/export`)).status).toBe(403)

    const erased = await admin.json('DELETE', `/api/persons/${pid}`, { reason: 'data-subject-request' })
    // The person's creation and the export event about them.
    expect(erased.body).toEqual({ erased: true, tombstones: 2 })
    const after = await admin.json('GET', `/api/persons/${pid}/export`)
    expect(JSON.stringify(after.body)).not.toContain('Karin')
    const dump = await sql<{ t: string }>`select string_agg(before::text || after::text, '') as t from vbe_audit_events`.execute(
      server.database.kysely,
    )
    expect(dump.rows[0]!.t).not.toContain('karin@example.org')
    expect((await auditor.json('GET', '/api/audit/verify')).body.ok).toBe(true)
  })

  it('rejects bad input with problem+json naming the field', async () => {
    const res = await officer.json('POST', '/api/cases', {
      application: { ...demoApplication('t-bad'), religion: 'x', amountRequested: -5 },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['application.religion', 'application.amountRequested']),
    )
    const q = await officer.json('GET', '/api/cases?status=bogus&dueBefore=2026-02-30')
    expect(q.status).toBe(400)
    expect(q.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.dueBefore', 'query.status'])
    const nul = await officer.json('POST', '/api/cases/x/notes', { text: 'a\u0000b' })
    expect(nul.status).toBe(400)
    expect(nul.body.errors[0].path).toBe('text')
  })

  it('names the installed districts for any signed-in user, and for no one else', async () => {
    expect((await checkedFetch(`${server.url}/api/districts`)).status).toBe(401)
    const r = await otherOfficer.json('GET', '/api/districts')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      districts: [
        { id: 'norrmalm', name: { sv: 'Norrmalm', en: 'Norrmalm' } },
        { id: 'rinkeby-kista', name: { sv: 'Rinkeby-Kista', en: 'Rinkeby-Kista' } },
      ],
    })
  })

  it('serves the OpenAPI document and docs', async () => {
    const doc = (await (await checkedFetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}/decision', '/api/audit/verify', '/api/persons/{id}']),
    )
    const docs = await checkedFetch(`${server.url}/api/docs`)
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await checkedFetch(`${server.url}/api/docs/swagger-ui-bundle.js`)).status).toBe(200)
  })
})
