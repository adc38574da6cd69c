import { defineWorkflow, type MayActInput } from '../shared/workflow.js'
import type { PlanStatus } from './schemas.js'

/** What staff do to a plan. The first four are its workflow's steps; `edit` and `follow-up` change its content. */
export const PLAN_ACTIONS = ['submit', 'adopt', 'return', 'revise', 'edit', 'follow-up'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]
/** The steps that move a plan from one status to another (`POST /api/plans/{id}/transitions`). */
export const PLAN_TRANSITIONS = ['submit', 'adopt', 'return', 'revise'] as const satisfies readonly PlanAction[]
export type PlanTransition = (typeof PLAN_TRANSITIONS)[number]

/**
 * Who did which part of a plan's work: `wroteBy` everyone who saved a version of it other
 * than by adopting or returning it (created, edited, entered follow-up, submitted, started
 * a revision); `submittedBy` who submitted it.
 */
export type PlanAuthorship = 'wroteBy' | 'submittedBy'

/**
 * The plan workflow. The district's officers write a plan and submit it; the committee's
 * approver (or a city-wide administrator) adopts it or returns it (återremiss), and the
 * officers revise a returned plan and submit it again. Nobody adopts or returns a plan
 * they wrote or submitted. Content is edited while the plan is a draft or under revision;
 * follow-up is entered in any status but while the committee decides.
 */
export const PLAN_WORKFLOW = defineWorkflow<PlanStatus, PlanAction, PlanAuthorship>({
  name: 'plan workflow',
  subject: { the: { sv: 'Planen', en: 'The plan' }, it: { sv: 'den', en: 'it' } },
  statuses: {
    draft: { sv: 'ett utkast', en: 'a draft' },
    submitted: { sv: 'inlämnad', en: 'submitted' },
    returned: { sv: 'återremitterad', en: 'returned' },
    revised: { sv: 'under revidering', en: 'under revision' },
    adopted: { sv: 'antagen', en: 'adopted' },
  },
  authorship: {
    wroteBy: { sv: 'du har skrivit i planen', en: 'you have written in the plan' },
    submittedBy: { sv: 'du lämnade in planen', en: 'you submitted the plan' },
  },
  actions: {
    submit: {
      doing: { sv: 'lämna in en plan', en: 'submit a plan' },
      done: { sv: 'lämnas in', en: 'submitted' },
      moves: { draft: 'submitted', revised: 'submitted' },
      roles: ['officer'],
    },
    adopt: {
      doing: { sv: 'anta en plan', en: 'adopt a plan' },
      done: { sv: 'antas', en: 'adopted' },
      moves: { submitted: 'adopted' },
      roles: ['approver', 'admin'],
      cityWide: ['admin'],
      forbidSelf: ['wroteBy', 'submittedBy'],
    },
    return: {
      doing: { sv: 'återremittera en plan', en: 'return a plan' },
      done: { sv: 'återremitteras', en: 'returned' },
      moves: { submitted: 'returned' },
      roles: ['approver', 'admin'],
      cityWide: ['admin'],
      forbidSelf: ['wroteBy', 'submittedBy'],
    },
    revise: {
      doing: { sv: 'revidera en plan', en: 'revise a plan' },
      done: { sv: 'revideras', en: 'revised' },
      moves: { returned: 'revised' },
      roles: ['officer'],
    },
    edit: {
      doing: { sv: 'ändra en plan', en: 'edit a plan' },
      done: { sv: 'ändras', en: 'edited' },
      moves: { draft: 'draft', revised: 'revised' },
      roles: ['officer'],
    },
    'follow-up': {
      doing: { sv: 'föra in uppföljning', en: 'enter follow-up' },
      done: { sv: 'följas upp', en: 'followed up' },
      moves: { draft: 'draft', revised: 'revised', returned: 'returned', adopted: 'adopted' },
      roles: ['officer'],
    },
  },
})

export type PlanMayActInput = MayActInput<PlanStatus, PlanAction, PlanAuthorship>

/** The history actions that are not authorship: deciding on the plan is not writing it. */
const DECIDING: readonly string[] = ['adopt', 'return']

/** A plan's authors from its history (each saved version's action and who saved it). */
export function planAuthors(history: ReadonlyArray<{ readonly action: string; readonly by: string }>): Record<PlanAuthorship, string[]> {
  const unique = (xs: string[]) => [...new Set(xs)]
  return {
    wroteBy: unique(history.filter((h) => !DECIDING.includes(h.action)).map((h) => h.by)),
    submittedBy: unique(history.filter((h) => h.action === 'submit').map((h) => h.by)),
  }
}
