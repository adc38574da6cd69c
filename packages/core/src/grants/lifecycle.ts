import { defineWorkflow, type MayActInput } from '../shared/workflow.js'

/**
 * The statuses of a grant case: taken in (`new`), worked on (`in_review`), waiting for
 * the applicant's reply to a communication before an adverse decision (`awaiting_reply`,
 * kommunicering), a proposed decision waiting for a second signature
 * (`awaiting_approval`), a correction or reconsideration of a decided case waiting for
 * one (`awaiting_revision_approval`), and `decided`.
 */
export const CASE_STATUSES = ['new', 'in_review', 'awaiting_reply', 'awaiting_approval', 'awaiting_revision_approval', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
/** The statuses a re-screen with changed rules looks at: every case not yet decided. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'new',
  'in_review',
  'awaiting_reply',
  'awaiting_approval',
  'awaiting_revision_approval',
]

/** What staff do to a case, in the order a case meets them. */
export const CASE_ACTIONS = [
  'declare',
  'note',
  'evidence',
  'assess',
  'communicate',
  'record-reply',
  'decide',
  'propose',
  'approve',
  'send-back',
  'correct',
  'reconsider',
  'propose-revision',
  'follow-up',
  'reclaim',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

/**
 * Who did which part of a case's work, as the lifecycle's `forbidSelf` names it:
 * `decidedBy` made the decision, `assessedBy` assessed the case's evidence (a dismissed
 * tip is what lets a grant stand, so its assessor is no second pair of eyes).
 */
export const CASE_AUTHORSHIPS = ['decidedBy', 'assessedBy'] as const
export type CaseAuthorship = (typeof CASE_AUTHORSHIPS)[number]

const ALL: Readonly<Record<CaseStatus, CaseStatus>> = {
  new: 'new',
  in_review: 'in_review',
  awaiting_reply: 'awaiting_reply',
  awaiting_approval: 'awaiting_approval',
  awaiting_revision_approval: 'awaiting_revision_approval',
  decided: 'decided',
}

/**
 * The grant case lifecycle. An officer decides (`decide`), or, when a democracy finding
 * needs a person's assessment or a grant overrides a rule, proposes a decision
 * (`propose`) that an approver other than the decider signs (`approve`) or sends back
 * (`send-back`): four eyes. Before an adverse decision the officer communicates the
 * material (`communicate`) and the case waits for the applicant's reply
 * (`record-reply`) or the deadline. A decided case can be corrected (`correct`) or
 * reconsidered (`reconsider`), or, where four eyes apply, have a revision proposed
 * (`propose-revision`). Declaring a conflict of interest and writing notes leave the
 * status as it is, except that a new case is then in review.
 */
export const CASE_LIFECYCLE = defineWorkflow<CaseStatus, CaseAction, CaseAuthorship>({
  name: 'grant case lifecycle',
  subject: { the: { sv: 'Ärendet', en: 'The case' }, it: { sv: 'det', en: 'it' } },
  statuses: {
    new: { sv: 'nytt', en: 'new' },
    in_review: { sv: 'under handläggning', en: 'in review' },
    awaiting_reply: { sv: 'i väntan på svar från sökanden', en: 'awaiting the applicant’s reply' },
    awaiting_approval: { sv: 'i väntan på en andra underskrift', en: 'awaiting a second signature' },
    awaiting_revision_approval: {
      sv: 'beslutat, med en rättelse eller omprövning i väntan på en andra underskrift',
      en: 'decided, with a correction or reconsideration awaiting a second signature',
    },
    decided: { sv: 'beslutat', en: 'decided' },
  },
  authorship: {
    decidedBy: { sv: 'du fattade beslutet', en: 'you made the decision' },
    assessedBy: { sv: 'du bedömde underlaget som beslutet vilar på', en: 'you assessed the evidence the decision rests on' },
  },
  actions: {
    declare: {
      doing: { sv: 'lämna en jävsförklaring', en: 'declare a conflict of interest' },
      done: { sv: 'jävsförklaras', en: 'declared on' },
      moves: ALL,
      roles: ['officer', 'approver'],
    },
    note: {
      doing: { sv: 'skriva en anteckning', en: 'add a note' },
      done: { sv: 'få anteckningar', en: 'given notes' },
      moves: { ...ALL, new: 'in_review' },
      roles: ['officer', 'approver'],
    },
    evidence: {
      doing: { sv: 'lägga till underlag', en: 'add evidence' },
      done: { sv: 'få nytt underlag', en: 'given new evidence' },
      moves: { new: 'in_review', in_review: 'in_review', awaiting_reply: 'awaiting_reply' },
      roles: ['officer'],
    },
    assess: {
      doing: { sv: 'bedöma underlag', en: 'assess evidence' },
      done: { sv: 'få underlag bedömt', en: 'given evidence assessments' },
      moves: { new: 'in_review', in_review: 'in_review', awaiting_reply: 'awaiting_reply' },
      roles: ['officer'],
    },
    communicate: {
      doing: { sv: 'kommunicera underlaget med sökanden', en: 'communicate the material to the applicant' },
      done: { sv: 'kommuniceras', en: 'communicated' },
      moves: { new: 'awaiting_reply', in_review: 'awaiting_reply', decided: 'decided' },
      roles: ['officer'],
    },
    'record-reply': {
      doing: { sv: 'registrera sökandens svar', en: 'record the applicant’s reply' },
      done: { sv: 'få ett svar registrerat', en: 'given a reply' },
      moves: { awaiting_reply: 'in_review', decided: 'decided' },
      roles: ['officer'],
    },
    decide: {
      doing: { sv: 'besluta i ett ärende', en: 'decide a case' },
      done: { sv: 'beslutas', en: 'decided' },
      moves: { new: 'decided', in_review: 'decided', awaiting_reply: 'decided' },
      roles: ['officer'],
    },
    propose: {
      doing: { sv: 'föreslå ett beslut', en: 'propose a decision' },
      done: { sv: 'beslutas', en: 'decided' },
      moves: { new: 'awaiting_approval', in_review: 'awaiting_approval', awaiting_reply: 'awaiting_approval' },
      roles: ['officer'],
    },
    approve: {
      doing: { sv: 'ge den andra underskriften', en: 'give the second signature' },
      done: { sv: 'få en andra underskrift', en: 'given a second signature' },
      moves: { awaiting_approval: 'decided', awaiting_revision_approval: 'decided' },
      roles: ['approver'],
      forbidSelf: ['decidedBy', 'assessedBy'],
    },
    'send-back': {
      doing: { sv: 'skicka tillbaka ett beslutsförslag', en: 'send a proposed decision back' },
      done: { sv: 'skickas tillbaka', en: 'sent back' },
      // A proposed revision sent back leaves the decision it would have replaced in force.
      moves: { awaiting_approval: 'in_review', awaiting_revision_approval: 'decided' },
      roles: ['approver'],
      forbidSelf: ['decidedBy'],
    },
    correct: {
      doing: { sv: 'rätta ett beslut', en: 'correct a decision' },
      done: { sv: 'rättas', en: 'corrected' },
      moves: { decided: 'decided' },
      roles: ['officer'],
    },
    reconsider: {
      doing: { sv: 'ompröva ett beslut', en: 'reconsider a decision' },
      done: { sv: 'omprövas', en: 'reconsidered' },
      moves: { decided: 'decided' },
      roles: ['officer'],
    },
    'propose-revision': {
      doing: { sv: 'föreslå en rättelse eller omprövning', en: 'propose a correction or reconsideration' },
      done: { sv: 'rättas eller omprövas', en: 'corrected or reconsidered' },
      moves: { decided: 'awaiting_revision_approval' },
      roles: ['officer'],
    },
    'follow-up': {
      doing: { sv: 'följa upp ett bidrag', en: 'follow up a grant' },
      done: { sv: 'följas upp', en: 'followed up' },
      moves: { decided: 'decided' },
      roles: ['officer'],
    },
    reclaim: {
      doing: { sv: 'besluta om återkrav', en: 'decide a reclaim' },
      done: { sv: 'få ett återkrav', en: 'given a reclaim' },
      moves: { decided: 'decided' },
      roles: ['officer'],
    },
  },
})

export type CaseMayActInput = MayActInput<CaseStatus, CaseAction, CaseAuthorship>
