import { defineWorkflow, type MayActInput } from '../shared/workflow.js'

/**
 * The statuses of a grant case: taken in (`new`), worked on (`in_review`), a proposed
 * decision waiting for a second signature (`awaiting_approval`), and `decided`.
 */
export const CASE_STATUSES = ['new', 'in_review', 'awaiting_approval', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
/** The statuses a re-screen with changed rules looks at: every case not yet decided. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['new', 'in_review', 'awaiting_approval']

/** What staff do to a case, in the order a case meets them. */
export const CASE_ACTIONS = ['declare', 'note', 'evidence', 'decide', 'propose', 'approve', 'send-back', 'follow-up', 'reclaim'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

/** Who did which part of a case's work, as the lifecycle's `forbidSelf` names it. */
export type CaseAuthorship = 'decidedBy'

const ALL: Readonly<Record<CaseStatus, CaseStatus>> = {
  new: 'new',
  in_review: 'in_review',
  awaiting_approval: 'awaiting_approval',
  decided: 'decided',
}

/**
 * The grant case lifecycle. An officer decides (`decide`), or, when a democracy finding
 * needs a person's assessment, proposes a decision (`propose`) that an approver other
 * than the decider signs (`approve`) or sends back (`send-back`): four eyes. Declaring a
 * conflict of interest and writing notes leave the status as it is, except that a new
 * case is then in review.
 */
export const CASE_LIFECYCLE = defineWorkflow<CaseStatus, CaseAction, CaseAuthorship>({
  name: 'grant case lifecycle',
  subject: { the: { sv: 'Ärendet', en: 'The case' }, it: { sv: 'det', en: 'it' } },
  statuses: {
    new: { sv: 'nytt', en: 'new' },
    in_review: { sv: 'under handläggning', en: 'in review' },
    awaiting_approval: { sv: 'i väntan på en andra underskrift', en: 'awaiting a second signature' },
    decided: { sv: 'beslutat', en: 'decided' },
  },
  authorship: { decidedBy: { sv: 'du fattade beslutet', en: 'you made the decision' } },
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
      moves: { new: 'in_review', in_review: 'in_review' },
      roles: ['officer'],
    },
    decide: {
      doing: { sv: 'besluta i ett ärende', en: 'decide a case' },
      done: { sv: 'beslutas', en: 'decided' },
      moves: { new: 'decided', in_review: 'decided' },
      roles: ['officer'],
    },
    propose: {
      doing: { sv: 'föreslå ett beslut', en: 'propose a decision' },
      done: { sv: 'beslutas', en: 'decided' },
      moves: { new: 'awaiting_approval', in_review: 'awaiting_approval' },
      roles: ['officer'],
    },
    approve: {
      doing: { sv: 'ge den andra underskriften', en: 'give the second signature' },
      done: { sv: 'få en andra underskrift', en: 'given a second signature' },
      moves: { awaiting_approval: 'decided' },
      roles: ['approver'],
      forbidSelf: ['decidedBy'],
    },
    'send-back': {
      doing: { sv: 'skicka tillbaka ett beslutsförslag', en: 'send a proposed decision back' },
      done: { sv: 'skickas tillbaka', en: 'sent back' },
      moves: { awaiting_approval: 'in_review' },
      roles: ['approver'],
      forbidSelf: ['decidedBy'],
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
