import { z } from '@hono/zod-openapi'
// The values every app's answers share (a text in both languages, an instant, a day), as server-kit declares them.
import { daySchema as day, localizedTextSchema as bilingualText, timestampSchema as timestamp } from '@vbe/server-kit'
import {
  ACTORS,
  applicationSchema,
  CASE_AUTHORSHIPS,
  CONDUCTS,
  DECISION_BASES,
  EVIDENCE_ASSESSMENTS,
  EVIDENCE_SOURCE_KINDS,
  FINDING_STATUSES,
  RULE_KINDS,
} from '@vbe/core/grants'
import { grantSourceSchema } from '@vbe/core/plugins'
import { CASE_STATUSES, DECISION_KINDS, PERSON_ROLES } from '../db/tables.js'

/**
 * The shapes the grant-screening API answers with, for its OpenAPI document. The API
 * tests check every response against them; the handlers are typed against them.
 */

export const outcomeSchema = z.enum(['eligible', 'ineligible', 'requires_assessment']).openapi('Outcome')

export const applicationResponseSchema = applicationSchema.meta({
  id: 'Application',
  description: 'An application in the exchange format (docs/grants.md)',
})

export const ruleHeadingSchema = z
  .object({ id: z.string(), heading: bilingualText })
  .openapi('RuleHeading', { description: 'A rule the reader meets, with its heading' })

export const findingSchema = z
  .object({
    ruleId: z.string(),
    kind: z.enum(RULE_KINDS),
    status: z.enum(FINDING_STATUSES),
    reason: bilingualText,
    evidenceIds: z.array(z.string()).readonly(),
    sources: z.array(grantSourceSchema.meta({ id: 'GrantSource' })).readonly(),
  })
  .openapi('Finding', { description: 'What one rule found in the application, why, and its sources' })

export const screeningResultSchema = z
  .object({
    applicationId: z.string(),
    programme: z.string(),
    outcome: outcomeSchema,
    humanDecisionRequired: z.boolean(),
    findings: z.array(findingSchema).readonly(),
    ruleset: z.object({ version: z.string(), on: day }).openapi('Ruleset'),
  })
  .openapi('ScreeningResult', {
    description: 'The outcome, each finding with its reason and sources, and the ruleset it was reached under',
  })

export const caseSummarySchema = z
  .object({
    id: z.string(),
    applicationRef: z.string(),
    district: z.string(),
    programme: z.string(),
    associationName: z.string(),
    amountRequested: z.number().int(),
    outcome: outcomeSchema,
    humanDecisionRequired: z.boolean(),
    status: z.enum(CASE_STATUSES),
    reportDue: day.nullable(),
    reportReceivedOn: day.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('CaseSummary')

const casePersonSchema = z
  .object({
    id: z.string(),
    role: z.enum(PERSON_ROLES),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    erased: z.boolean(),
  })
  .openapi('CasePerson', { description: 'A board member or contact of the association; erased persons keep only a tombstone name' })

const ruleRefSchema = z.object({ id: z.string(), heading: bilingualText })

export const decisionSchema = z
  .object({
    id: z.string(),
    basis: z.enum(DECISION_BASES).openapi({ description: 'The first decision, a correction (FL 36 §) or a reconsideration (FL 37–39 §§)' }),
    refersTo: z.string().nullable().openapi({ description: 'The decision this one corrects or reconsiders' }),
    kind: z.enum(DECISION_KINDS),
    amount: z.number().int().nullable(),
    reasons: z.string(),
    letterLocale: z.enum(['sv', 'en']),
    decidedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The deciding officer’s display name (never a username); null when no user has the stored username' }),
    decidedByYou: z
      .boolean()
      .openapi({ description: 'The signed-in user made this decision (and so cannot give it the second signature)' }),
    decidedAt: timestamp,
    requiresSecondApproval: z.boolean(),
    approvedBy: z.string().nullable().openapi({
      description: 'The approver’s display name (never a username); null until approved, or when no user has the stored username',
    }),
    approvedAt: timestamp.nullable(),
    overrides: z
      .array(z.object({ rule: ruleRefSchema, reason: z.string() }))
      .openapi({ description: 'Each failed rule a grant overrode, with the reason' }),
    citedRules: z.array(ruleRefSchema).openapi({ description: 'The rules a denial cites' }),
    carriedEvidence: z
      .array(z.string())
      .openapi({ description: 'Evidence items, assessed relevant, that carry a democracy finding into the decision' }),
  })
  .openapi('Decision')

const replacedDecisionSchema = decisionSchema
  .extend({ supersededBy: z.string(), supersededAt: timestamp })
  .openapi('ReplacedDecision', { description: 'A decision a correction or reconsideration replaced; it stays in the record' })

const communicationSchema = z
  .object({
    id: z.string(),
    proposedKind: z.enum(DECISION_KINDS),
    proposedAmount: z.number().int().nullable(),
    material: z.string(),
    citedRules: z.array(ruleRefSchema),
    letterLocale: z.enum(['sv', 'en']),
    deadline: day,
    sentBy: z.string().nullable().openapi({ description: 'The sending officer’s display name; null when no user has the stored username' }),
    sentAt: timestamp,
    reply: z.string().nullable(),
    repliedOn: day.nullable(),
    replyRecordedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The display name of who recorded the reply; null until recorded or unknown' }),
  })
  .openapi('Communication', { description: 'Kommunicering (FL 25 §): the material sent to the applicant, the deadline and the reply' })

const assessmentSchema = z
  .object({
    evidenceId: z.string(),
    status: z.enum(EVIDENCE_ASSESSMENTS),
    reason: z.string().nullable(),
    assessedBy: z.string().nullable().openapi({ description: 'The assessing officer’s name' }),
    assessedAt: timestamp.nullable(),
  })
  .openapi('EvidenceAssessment', { description: 'An evidence item as an officer assessed it; letters show only relevant items' })

const decisionGuideSchema = z
  .object({
    failedRules: z.array(
      ruleRefSchema.extend({
        grantUpTo: z.number().int().nullable().openapi({
          description:
            'A grant of at most this amount (the programme maximum, for its rule) needs no override of the rule; null when every grant does',
        }),
      }),
    ),
    denialCites: z.array(ruleRefSchema),
    fourEyes: z.boolean(),
    toAssess: z.array(ruleRefSchema).openapi({
      description: 'Rules whose findings rest on unassessed evidence: a denial or lower amount waits until the evidence is assessed',
    }),
  })
  .openapi('DecisionGuide', {
    description:
      'What a decision must do: a grant overrides each failed rule with a reason and needs a second signature; a denial cites these rules',
  })

export const caseDetailSchema = caseSummarySchema
  .extend({
    caseNumber: z.string().nullable().openapi({
      description: 'The case number in the authority’s diarium (as its letters give it); null until the first letter assigns it',
    }),
    replyDue: z.string().nullable().openapi({
      description:
        'The last day (YYYY-MM-DD) of the applicant’s reply to the latest communication while it is awaited; null when no reply is awaited',
    }),
    application: applicationResponseSchema,
    screening: screeningResultSchema,
    rules: z.array(ruleHeadingSchema),
    persons: z.array(casePersonSchema),
    notes: z.array(
      z.object({
        id: z.string(),
        author: z.string().nullable().openapi({ description: 'The writer’s display name; null when no user has the stored username' }),
        text: z.string(),
        at: timestamp,
      }),
    ),
    decision: decisionSchema.nullable(),
    decisionHistory: z.array(replacedDecisionSchema),
    communications: z.array(communicationSchema),
    evidenceAssessments: z.array(assessmentSchema),
    decisionGuide: decisionGuideSchema,
    reclaim: z
      .object({
        amount: z.number().int(),
        reasons: z.string(),
        decidedBy: z
          .string()
          .nullable()
          .openapi({ description: 'The display name of who decided the reclaim (never a username); null when no user has it' }),
        decidedAt: timestamp,
        decisionId: z.string().nullable().openapi({ description: 'The decision the reclaim takes money back from' }),
      })
      .nullable(),
    conflict: z.object({ declared: z.boolean(), conflict: z.boolean() }),
    yourAuthorship: z.array(z.enum(CASE_AUTHORSHIPS)).openapi({
      description:
        'The parts of this case’s work the signed-in user did (made the decision, assessed its evidence); each bars them from the second signature',
    }),
    version: z.number().int(),
  })
  .openapi('CaseDetail')

export const rescreenEvidenceSchema = z
  .object({
    conduct: z.enum(CONDUCTS),
    actor: z.enum(ACTORS),
    date: day,
    source: z.enum(EVIDENCE_SOURCE_KINDS),
    verified: z.boolean(),
    newSinceLastScreening: z.boolean().openapi({ description: 'Dated after the day of the last screening, which could not count it yet' }),
    before: z.enum(FINDING_STATUSES).nullable().openapi({ description: 'How the item counted at the last screening; null: no finding' }),
    after: z.enum(FINDING_STATUSES).nullable().openapi({ description: 'How the item counts now; null: no finding' }),
  })
  .openapi('RescreenEvidence', {
    description: 'An evidence item whose finding a re-screen changed, told by what it says (no id, no free text)',
  })

export const rescreenRunSchema = z
  .object({
    id: z.string(),
    at: timestamp,
    startedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The display name of who started the run (never a username); null when no user has it' }),
    checked: z.number().int(),
    changed: z.number().int(),
    flips: z.array(
      z
        .object({
          caseId: z.string(),
          district: z.string(),
          programme: z.string(),
          associationName: z.string(),
          from: outcomeSchema,
          to: outcomeSchema,
          changedRules: z.array(z.string()),
          changedEvidence: z.array(rescreenEvidenceSchema).openapi({
            description: 'The evidence items whose findings changed since the last screening, oldest first (none for runs recorded before)',
          }),
        })
        .openapi('RescreenFlip', { description: 'A case whose outcome changed, and the rules that changed it' }),
    ),
    rules: z.array(ruleHeadingSchema),
  })
  .openapi('RescreenRun')

export const personMatchSchema = z
  .object({ id: z.string(), name: z.string(), role: z.enum(PERSON_ROLES), caseId: z.string(), district: z.string(), erased: z.boolean() })
  .openapi('PersonMatch')

export const personExportSchema = z
  .object({
    exportedAt: timestamp,
    person: casePersonSchema,
    case: caseSummarySchema.extend({ association: z.string() }),
    auditEvents: z.array(
      z.object({
        seq: z.number().int(),
        at: timestamp,
        actor: z.string(),
        action: z.string(),
        data: z.unknown().openapi({ description: 'What the event recorded about the person (a tombstone once erased)' }),
      }),
    ),
  })
  .openapi('PersonExport', { description: 'Everything stored about one person (GDPR art. 15)' })
