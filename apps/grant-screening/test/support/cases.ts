// The set-up the API and browser tests share: applications that pass or fail known rules,
// a case opened and declared, a decision with its override reasons and second signature.
// Every step checks its own answer, so a set-up that goes wrong fails where it went wrong.
import { expect } from 'vitest'
import type { ApplicationInput } from '@vbe/core/grants'
import { demoApplication } from '../../src/index.js'
import type { Client } from './server.js'

/** An unverified tip within the activities: the democracy finding needs a person's assessment, so four eyes apply. */
export const TIP = {
  id: 't1',
  conduct: 'coercion',
  actor: 'organisation',
  withinActivities: true,
  verified: false,
  date: '2026-06-01',
  source: { kind: 'tip' },
} as const

/** A Rinkeby-Kista application named `Förening <id>` (unless `patch` names it) that meets every formal rule. */
export function eligibleApplication(
  id: string,
  patch: Omit<Partial<ApplicationInput>, 'association'> & { association?: Partial<ApplicationInput['association']> } = {},
): ApplicationInput {
  return demoApplication(id, {
    ...patch,
    association: {
      name: `Förening ${id}`,
      organisationNumber: '802400-1235',
      activitySince: '2019-03-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
      ...patch.association,
    },
  })
}

/**
 * The application of issue 17: 150 000 kr (the maximum is 100 000), an account not in the
 * association's name, under two years of activity. Three formal rules fail.
 */
export function threeFailedRules(id: string, name = `Förening ${id}`): ApplicationInput {
  return demoApplication(id, {
    amountRequested: 150_000,
    association: {
      name,
      organisationNumber: '802400-1235',
      registeredOn: '2025-09-01',
      activitySince: '2025-09-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: false },
    },
  })
}

export interface OpenedCase {
  readonly id: string
  /** The created case as the API answered (201). */
  readonly created: any
}

/**
 * Creates a case as `officer` and declares no conflict of interest for the officer and for
 * each of `declare` (an approver who will sign, a second officer in a race).
 */
export async function openCase(
  officer: Client,
  application: unknown,
  opts: { declare?: readonly Client[]; persons?: readonly unknown[] } = {},
): Promise<OpenedCase> {
  const created = await officer.json('POST', '/api/cases', { application, ...(opts.persons ? { persons: opts.persons } : {}) })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const id: string = created.body.id
  for (const c of [officer, ...(opts.declare ?? [])])
    expect((await c.json('POST', `/api/cases/${id}/conflict`, { conflict: false })).status).toBe(200)
  return { id, created: created.body }
}

/**
 * A court judgment on threats by the association within its activities, dated 2026-12-01: the
 * re-screen tests add it to a case first screened on 2026-11-22, so it is not counted until its
 * day has come, and then the democracy condition turns from not applicable to not met.
 */
export const LATER_THREAT = {
  conduct: 'threat',
  actor: 'organisation',
  withinActivities: true,
  verified: true,
  date: '2026-12-01',
  source: { kind: 'court-judgment', reference: 'B 4711-26' },
  summary: 'Hot mot en ledare vid en träning.',
} as const

/** Adds `item` to case `caseId` as `officer` (200, or the test fails here); answers the case and the new item's generated id. */
export async function addEvidence(officer: Client, caseId: string, item: object): Promise<{ detail: any; evidenceId: string }> {
  const added = await officer.json('POST', `/api/cases/${caseId}/evidence`, item)
  expect(added.status, JSON.stringify(added.body)).toBe(200)
  const evidence: { id: string }[] = added.body.application.evidence
  return { detail: added.body, evidenceId: evidence[evidence.length - 1]!.id }
}

/**
 * The override reasons a 400 asks for: one `reason` per `overrides.<rule>` field the
 * refusal names. Fails if the refusal names anything else.
 */
export function overridesAskedFor(refusal: { status: number; body: any }, reason: string): Record<string, string> {
  expect(refusal.status).toBe(400)
  const paths: string[] = refusal.body.errors.map((e: { path: string }) => e.path)
  expect(paths.every((p) => p.startsWith('overrides.'))).toBe(true)
  return Object.fromEntries(paths.map((p) => [p.slice('overrides.'.length), reason]))
}

export interface DecisionOptions {
  readonly kind?: 'approve' | 'deny' | 'partial'
  readonly amount?: number
  readonly reasons?: string
  readonly letterLocale?: 'sv' | 'en'
  /** Given, a 400 for missing override reasons is answered with this reason for each rule it names. */
  readonly overrideReason?: string
  /** Given, gives the second signature where one is needed (declaring no conflict first). */
  readonly approver?: Client
  /** Declares no conflict for these too, when the case is opened. */
  readonly declare?: readonly Client[]
}

/**
 * A case opened by `officer` and decided: an approval by default. A grant against failed
 * rules gets `overrideReason` for each rule the 400 names; a decision that needs a second
 * signature is signed by `approver`. Answers the case as it stands after the last step.
 */
export async function decidedCase(
  officer: Client,
  application: unknown,
  opts: DecisionOptions = {},
): Promise<OpenedCase & { detail: any }> {
  const opened = await openCase(officer, application, { declare: opts.declare ?? [] })
  const path = `/api/cases/${opened.id}/decision`
  const decision = {
    kind: opts.kind ?? 'approve',
    ...(opts.amount === undefined ? {} : { amount: opts.amount }),
    reasons: opts.reasons ?? 'Villkoren är uppfyllda.',
    letterLocale: opts.letterLocale ?? 'sv',
  }
  let decided = await officer.json('POST', path, decision)
  if (decided.status === 400 && opts.overrideReason !== undefined)
    decided = await officer.json('POST', path, { ...decision, overrides: overridesAskedFor(decided, opts.overrideReason) })
  expect(decided.status, JSON.stringify(decided.body)).toBe(200)
  if (decided.body.status === 'awaiting_approval' && opts.approver) {
    if (!opts.declare?.includes(opts.approver))
      expect((await opts.approver.json('POST', `/api/cases/${opened.id}/conflict`, { conflict: false })).status).toBe(200)
    decided = await opts.approver.json('POST', `/api/cases/${opened.id}/approval`, { approve: true })
    expect(decided.body).toMatchObject({ status: 'decided' })
  }
  return { ...opened, detail: decided.body }
}
