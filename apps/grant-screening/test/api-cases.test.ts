import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApplication } from '../src/index.js'
import { eligibleApplication, openCase, TIP } from './support/cases.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/**
 * The grant-screening API writing cases: intake and screening, the conflict-of-interest
 * declaration, four eyes, the letter, follow-up and reclaim; a partial grant after
 * kommunicering; an officer excluded by a declared conflict; the CSV import; and bad input
 * answered as problem+json naming the field. Reading, districts, audit and GDPR are in
 * api-oversight.test.ts.
 */
const clock = { now: () => new Date('2026-11-22T10:00:00Z') }

/** An eligible association with an unverified tip: the democracy condition needs a person's assessment. */
const needsAssessment = (id: string) => eligibleApplication(id, { evidence: [TIP] })

describe.each(['pglite', 'postgres'] as const)('grant-screening API writing cases on %s', (kind) => {
  let server: TestServer
  let officer: Client, officer2: Client, approver: Client, auditor: Client

  beforeAll(async () => {
    server = await startTestServer({ database: kind, clock })
    const clients = await Promise.all(['officer.rk', 'officer2.rk', 'approver.rk', 'auditor'].map((u) => server.login(u)))
    ;[officer, officer2, approver, auditor] = clients as [Client, Client, Client, Client]
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
    const { id, created } = await openCase(officer, demoApplication('t-plain'))
    expect(created).toMatchObject({ outcome: 'eligible', humanDecisionRequired: false })
    const d = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'partial',
      amount: 30_000,
      reasons: 'Budgeten räcker till en del.',
      letterLocale: 'en',
    })
    // A partial grant is adverse: the applicant is sent the material first (kommunicering), and the case waits.
    expect(d.status).toBe(409)
    const sent = await officer.json('POST', `/api/cases/${id}/communications`, {
      kind: 'partial',
      amount: 30_000,
      material: 'Budgeten för året räcker till 30 000 kr.',
      deadline: '2026-12-06',
      letterLocale: 'sv',
    })
    expect(sent.body).toMatchObject({ status: 'awaiting_reply', communications: [{ deadline: '2026-12-06', reply: null }] })
    const waiting = await officer.json(
      'POST',
      `/api/cases/${id}/decision`,
      { kind: 'partial', amount: 30_000, reasons: 'Budgeten räcker till en del.', letterLocale: 'en' },
      { 'accept-language': 'en' },
    )
    expect(waiting.status).toBe(409)
    expect(waiting.body.detail).toContain('2026-12-06')
    const replied = await officer.json('POST', `/api/cases/${id}/communications/reply`, {
      reply: 'Vi förstår och tar emot det lägre beloppet.',
      receivedOn: '2026-11-22',
    })
    expect(replied.body).toMatchObject({ status: 'in_review', communications: [{ repliedOn: '2026-11-22' }] })
    const partial = await officer.json('POST', `/api/cases/${id}/decision`, {
      kind: 'partial',
      amount: 30_000,
      reasons: 'Budgeten räcker till en del.',
      letterLocale: 'en',
    })
    expect(partial.body).toMatchObject({ status: 'decided', decision: { kind: 'partial', amount: 30_000, requiresSecondApproval: false } })
    // Decided, the case has its diarienummer: the duplicate names it and the programme's name, never the ids.
    expect(partial.body.caseNumber).toMatch(/\d/)
    const duplicate = await officer.json('POST', '/api/cases', { application: demoApplication('t-plain') })
    expect(duplicate.status).toBe(409)
    expect(duplicate.body.detail).toBe(
      `Ansökan t-plain till Föreningsbidrag i Rinkeby-Kista finns redan som ärende ${partial.body.caseNumber}.`,
    )
    expect(duplicate.body.detail).not.toContain(id)
    expect(duplicate.body.detail).not.toContain('rinkeby-kista/')
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
    // The same row again: the duplicate-row error names the programme and the case in words, not their ids.
    const again = await post([header, row('csv-1', '802400-1235', '10000')].join('\n'))
    expect(again.body.imported).toEqual([])
    expect(again.body.errors).toEqual([
      {
        row: 2,
        path: 'id',
        message: expect.stringMatching(
          /^Ansökan csv-1 till Föreningsbidrag i Rinkeby-Kista finns redan som ärende, registrerat \d{4}-\d{2}-\d{2} \(ännu utan diarienummer\)\.$/,
        ),
      },
    ])
    expect(again.body.errors[0].message).not.toContain(res.body.imported[0].id)
    const badHeader = await post('id,religion\nx,y')
    expect(badHeader.status).toBe(400)
    expect(badHeader.body.errors[0].path).toBe('header: religion')
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
})
