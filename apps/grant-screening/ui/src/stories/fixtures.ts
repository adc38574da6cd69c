import { exampleApplication, grantWithoutOverrideUpTo, parseAndScreen, rulesInForce, type ApplicationInput } from '@vbe/core/grants'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import type { CaseDetail, Communication, Decision, RuleRef, User } from '../types'

/*
 * The cases the stories show: Rinkeby-Kista's association grant, screened by core with the
 * district's own plugin on a fixed day, so the findings and rule names are the real ones.
 * Fictional associations and people, as in core's `exampleApplication`.
 */

const ON = '2026-11-22'
const RULES = rulesInForce(ON, [rinkebyKista])

export const officer: User = {
  id: 'u1',
  username: 'officer.rk',
  displayName: 'Amina Yusuf',
  roles: ['officer'],
  district: 'rinkeby-kista',
}

export const approver: User = {
  id: 'u2',
  username: 'approver.rk',
  displayName: 'Erik Lind',
  roles: ['approver'],
  district: 'rinkeby-kista',
}

const ruleRef = (id: string): RuleRef => {
  const rule = RULES.find((r) => r.id === id)
  if (!rule) throw new Error(`No rule ${id} is in force on ${ON}`)
  return { id, heading: rule.title }
}

/** A case as the API sends it, for an application varied by `patch`, then by `detail`. */
export function caseDetail(patch: Partial<ApplicationInput>, detail: Partial<CaseDetail> = {}): CaseDetail {
  const application = exampleApplication({ id: 'KISTA-2026-17', ...patch })
  const screening = parseAndScreen(application, { on: ON, plugins: [rinkebyKista] })
  const failed = screening.findings.filter((f) => f.status === 'not_met').map((f) => ruleRef(f.ruleId))
  const open = screening.findings.filter((f) => f.status === 'needs_assessment').map((f) => ruleRef(f.ruleId))
  return {
    id: '5f0c8a2e-4b7d-4c1e-9a3f-2d6b8e1c7a90',
    applicationRef: application.id,
    district: 'rinkeby-kista',
    programme: application.programme,
    associationName: application.association.name,
    amountRequested: application.amountRequested,
    outcome: screening.outcome,
    humanDecisionRequired: screening.humanDecisionRequired,
    status: 'in_review',
    reportDue: null,
    reportReceivedOn: null,
    createdAt: '2026-11-20T09:12:00Z',
    updatedAt: '2026-11-22T14:03:00Z',
    caseNumber: 'JÄR 2026/17',
    replyDue: null,
    application,
    screening,
    rules: RULES.map((r) => ({ id: r.id, heading: r.title })),
    persons: [],
    notes: [],
    decision: null,
    decisionHistory: [],
    communications: [],
    evidenceAssessments: [],
    decisionGuide: {
      failedRules: [...failed, ...open].map((r) => ({
        ...r,
        grantUpTo: grantWithoutOverrideUpTo(r.id, rinkebyKista.grantProgrammes?.[0]?.parameters.maxAmount),
      })),
      denialCites: failed,
      fourEyes: screening.humanDecisionRequired,
      toAssess: open,
    },
    reclaim: null,
    conflict: { declared: true, conflict: false },
    yourAuthorship: [],
    version: 3,
    ...detail,
  }
}

/** An application that passes every rule. */
export const eligibleCase = (detail: Partial<CaseDetail> = {}): CaseDetail =>
  caseDetail({ association: { ...exampleApplication().association, name: 'Husby Schackklubb' }, amountRequested: 60_000 }, detail)

/** An application that fails three formal rules: above the maximum, an account in another name, under two years of activity. */
export const ineligibleCase = (detail: Partial<CaseDetail> = {}): CaseDetail =>
  caseDetail(
    {
      amountRequested: 150_000,
      association: {
        ...exampleApplication().association,
        name: 'Akalla Idrottsförening',
        activitySince: '2025-09-01',
        bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: false },
      },
    },
    detail,
  )

/** An application with two pieces of evidence on the democracy condition: an anonymous tip and a police report. */
export const evidenceCase = (detail: Partial<CaseDetail> = {}): CaseDetail =>
  caseDetail(
    {
      association: { ...exampleApplication().association, name: 'Rinkeby Kulturförening' },
      evidence: [
        {
          id: 'e1',
          conduct: 'threat',
          actor: 'organisation',
          withinActivities: true,
          verified: false,
          date: '2026-05-01',
          source: { kind: 'tip' },
          summary: 'Anonymt tips om hot vid ett möte.',
        },
        {
          id: 'e2',
          conduct: 'violence',
          actor: 'representative',
          representativeAge: 34,
          withinActivities: false,
          verified: true,
          date: '2026-02-14',
          source: { kind: 'police-report', reference: 'K-2026-0214' },
        },
      ],
    },
    detail,
  )

/** A communication sent on 2026-11-22, with a reply or still waiting for one. */
export function communication(patch: Partial<Communication> = {}): Communication {
  return {
    id: 'c1',
    proposedKind: 'partial',
    proposedAmount: 40_000,
    material: 'Budgeten för året räcker till 40 000 kr per förening.\n\nProgrammets högsta belopp är 100 000 kr.',
    citedRules: [],
    letterLocale: 'sv',
    deadline: '2026-12-06',
    sentBy: 'Amina Yusuf',
    sentAt: '2026-11-22T10:30:00Z',
    reply: null,
    repliedOn: null,
    replyRecordedBy: null,
    ...patch,
  }
}

/** A decision as the API sends it. */
export function decision(patch: Partial<Decision> = {}): Decision {
  return {
    id: 'd1',
    basis: 'original',
    refersTo: null,
    overrides: [],
    citedRules: [],
    carriedEvidence: [],
    kind: 'partial',
    amount: 40_000,
    reasons: 'Föreningen uppfyller villkoren. Årets budget räcker till 40 000 kr per förening.',
    letterLocale: 'sv',
    decidedBy: 'Amina Yusuf',
    decidedByYou: false,
    decidedAt: '2026-12-08T09:00:00Z',
    requiresSecondApproval: false,
    approvedBy: null,
    approvedAt: null,
    ...patch,
  }
}

/** Case props for a story: nothing is sent anywhere. */
export const storyProps = (detail: CaseDetail, user: User = officer) => ({
  detail,
  user,
  onChange: () => {},
  reload: async () => {},
})
