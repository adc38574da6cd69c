import { z } from 'zod'
import { fieldProblem, fieldProblems, ValidationError } from './errors.js'
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from './roles.js'
import type { LocalizedText } from './text.js'

/**
 * A workflow as data: the statuses a piece of work (a grant case, a plan) can be in, the
 * actions staff take on it, which status each action moves it from and to, which roles
 * may take it, and whose work the actor must not be (separation of duties). `mayAct` is
 * the one function that reads such a table; both staff apps call it.
 */
export interface WorkflowAction<S extends string, K extends string> {
  /** Taking the action, as a phrase after "to": `{ sv: 'anta en plan', en: 'adopt a plan' }`. */
  readonly doing: LocalizedText
  /** What happens to the subject, after "can only be": `{ sv: 'antas', en: 'adopted' }`. */
  readonly done: LocalizedText
  /** From status to status: the statuses the action may be taken in, and where each leads. */
  readonly moves: Readonly<Partial<Record<S, S>>>
  /** Who may take it: an actor holding any one of these roles. */
  readonly roles: readonly StaffRole[]
  /**
   * Of `roles`, those that may take it in every district when the actor has no district
   * of their own (a city-wide administrator). Everyone else acts only in their district.
   */
  readonly cityWide?: readonly StaffRole[]
  /** Separation of duties: the actor must not be among the subject's authors of these kinds. */
  readonly forbidSelf?: readonly K[]
}

export interface WorkflowTable<S extends string, A extends string, K extends string> {
  /** What the table governs, for error messages: `grant case lifecycle`. */
  readonly name: string
  /** The subject in the definite form (`{ sv: 'Planen', en: 'The plan' }`) and its pronoun (`{ sv: 'den', en: 'it' }`). */
  readonly subject: { readonly the: LocalizedText; readonly it: LocalizedText }
  /** Every status, with what "The plan is …" says: `{ sv: 'inlämnad', en: 'submitted' }`. */
  readonly statuses: Readonly<Record<S, LocalizedText>>
  /** Every kind of authorship `forbidSelf` may name, with why it bars the actor: `{ sv: 'du fattade beslutet', en: 'you made the decision' }`. */
  readonly authorship: Readonly<Record<K, LocalizedText>>
  readonly actions: Readonly<Record<A, WorkflowAction<S, K>>>
}

/** Who wants to act. `id` is what the subject's authors are recorded as (the username in both apps). */
export interface WorkflowActor {
  readonly id: string
  readonly roles: readonly StaffRole[]
  /** `null` for a user with no district of their own (city-wide). */
  readonly district: string | null
}

/** What they want to act on: its district and who did which part of the work. */
export interface WorkflowSubject<K extends string> {
  readonly district: string
  readonly authors: Readonly<Partial<Record<K, readonly string[]>>>
}

export interface MayActInput<S extends string, A extends string, K extends string> {
  readonly action: A
  readonly status: S
  readonly actor: WorkflowActor
  readonly subject: WorkflowSubject<K>
}

/**
 * Why an action is refused: `role` (the actor holds none of the roles), `district` (the
 * subject is another district's, or the actor has none), `status` (not from this status),
 * `own-work` (separation of duties: the actor did the work this action checks).
 */
export const REFUSAL_REASONS = ['role', 'district', 'status', 'own-work'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export interface Refusal {
  readonly ok: false
  readonly reason: RefusalReason
  /** What the user reads, in both languages. It names no district, person or code. */
  readonly text: LocalizedText
}
export type MayAct<S extends string> = { readonly ok: true; readonly to: S } | Refusal

const joinOr = (items: readonly string[], or: string) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const roleList = (roles: readonly StaffRole[]): LocalizedText => ({
  sv: joinOr(
    roles.map((r) => STAFF_ROLE_NAMES[r].sv.toLowerCase()),
    'eller',
  ),
  en: joinOr(
    roles.map((r) => STAFF_ROLE_NAMES[r].en.toLowerCase()),
    'or',
  ),
})

/**
 * Checks a workflow table and returns it: every move leads from and to a status of the
 * table, every action has roles and at least one move, `cityWide` is a subset of `roles`,
 * and `forbidSelf` names only kinds of authorship the table words. Throws an Error naming
 * the table, the action and the fault.
 */
export function defineWorkflow<S extends string, A extends string, K extends string>(
  table: WorkflowTable<S, A, K>,
): WorkflowTable<S, A, K> {
  const statuses = new Set<string>(Object.keys(table.statuses))
  const kinds = new Set<string>(Object.keys(table.authorship))
  const faults: string[] = []
  for (const [name, action] of Object.entries(table.actions) as [string, WorkflowAction<S, K>][]) {
    const moves = Object.entries(action.moves) as [string, string][]
    if (moves.length === 0) faults.push(`${name}: has no moves`)
    for (const [from, to] of moves) {
      if (!statuses.has(from)) faults.push(`${name}: moves from unknown status "${from}"`)
      if (!statuses.has(to)) faults.push(`${name}: moves to unknown status "${to}"`)
    }
    if (action.roles.length === 0) faults.push(`${name}: no role may take it`)
    for (const r of action.roles) if (!(STAFF_ROLES as readonly string[]).includes(r)) faults.push(`${name}: unknown role "${r}"`)
    for (const r of action.cityWide ?? [])
      if (!action.roles.includes(r)) faults.push(`${name}: cityWide role "${r}" is not one of its roles`)
    for (const k of action.forbidSelf ?? []) if (!kinds.has(k)) faults.push(`${name}: forbidSelf names unknown authorship "${k}"`)
  }
  if (faults.length > 0) throw new Error(`The ${table.name} table is inconsistent:\n  - ${faults.join('\n  - ')}`)
  return table
}

const inputSchema = z.object({
  action: z.string({ error: 'action must be the name of an action' }),
  status: z.string({ error: 'status must be the name of a status' }),
  actor: z.object(
    {
      id: z.string({ error: 'actor.id must be a string' }).min(1, { error: 'actor.id must not be empty' }),
      roles: z.array(z.enum(STAFF_ROLES, { error: `must be one of ${STAFF_ROLES.join(', ')}` }), {
        error: 'actor.roles must be a list of roles',
      }),
      district: z.string({ error: 'actor.district must be a district id or null' }).nullable(),
    },
    { error: 'actor must be { id, roles, district }' },
  ),
  subject: z.object(
    {
      district: z.string({ error: 'subject.district must be a district id' }),
      authors: z.record(z.string(), z.array(z.string(), { error: 'must be a list of user ids' }), {
        error: 'subject.authors must be an object of lists',
      }),
    },
    { error: 'subject must be { district, authors }' },
  ),
})

/** Throws a ValidationError naming the field when the input is not of the shape `mayAct` needs. */
function checkInput<S extends string, A extends string, K extends string>(table: WorkflowTable<S, A, K>, input: unknown): void {
  const parsed = inputSchema.safeParse(input)
  if (!parsed.success) throw new ValidationError('mayAct input', fieldProblems(parsed.error))
  const { action, status } = parsed.data
  if (!Object.hasOwn(table.actions, action)) {
    throw new ValidationError('mayAct input', [
      fieldProblem('action', 'value.oneOfGot', { values: Object.keys(table.actions).join(', '), got: action }),
    ])
  }
  if (!Object.hasOwn(table.statuses, status)) {
    throw new ValidationError('mayAct input', [
      fieldProblem('status', 'value.oneOfGot', { values: Object.keys(table.statuses).join(', '), got: status }),
    ])
  }
}

/**
 * May `actor` take `action` on a subject in `status`? The checks, in order: the actor
 * holds one of the action's roles; the subject is in the actor's district (or the actor
 * has no district and one of the action's `cityWide` roles); the action may be taken in
 * this status; the actor is none of the authors `forbidSelf` names. The answer is the
 * status the action leads to, or the first refusal with its reason and text.
 *
 * Input of the wrong shape, or an action or status the table does not have, throws a
 * ValidationError naming the field.
 */
export function mayAct<S extends string, A extends string, K extends string>(
  table: WorkflowTable<S, A, K>,
  input: MayActInput<S, A, K>,
): MayAct<S> {
  checkInput(table, input)
  const { actor, subject, status } = input
  const action = table.actions[input.action]
  const held = action.roles.filter((r) => actor.roles.includes(r))
  if (held.length === 0) {
    const roles = roleList(action.roles)
    return refuse('role', {
      sv: `Att ${action.doing.sv} kräver rollen ${roles.sv}.`,
      en: `You need the role ${roles.en} to ${action.doing.en}.`,
    })
  }
  if (actor.district === null) {
    if (!held.some((r) => action.cityWide?.includes(r))) {
      return refuse('district', {
        sv: `Ditt konto hör inte till någon stadsdel, så du kan inte ${action.doing.sv}.`,
        en: `Your account belongs to no district, so you cannot ${action.doing.en}.`,
      })
    }
  } else if (actor.district !== subject.district) {
    return refuse('district', {
      sv: `Du får bara ${action.doing.sv} i din egen stadsdel.`,
      en: `You may ${action.doing.en} only in your own district.`,
    })
  }
  const to = action.moves[status]
  if (to === undefined) {
    const from = (Object.keys(action.moves) as S[]).map((s) => table.statuses[s])
    return refuse('status', {
      sv: `${table.subject.the.sv} är ${table.statuses[status].sv}. ${capital(table.subject.it.sv)} kan bara ${action.done.sv} när ${table.subject.it.sv} är ${joinOr(
        from.map((f) => f.sv),
        'eller',
      )}.`,
      en: `${table.subject.the.en} is ${table.statuses[status].en}: ${table.subject.it.en} can be ${action.done.en} only while ${table.subject.it.en} is ${joinOr(
        from.map((f) => f.en),
        'or',
      )}.`,
    })
  }
  for (const kind of action.forbidSelf ?? []) {
    if ((subject.authors[kind] ?? []).includes(actor.id)) {
      const why = table.authorship[kind]
      return refuse('own-work', {
        sv: `Fyra ögon: du får inte ${action.doing.sv} eftersom ${why.sv}. Någon annan måste göra det.`,
        en: `Four eyes: you may not ${action.doing.en} because ${why.en}; someone else must do it.`,
      })
    }
  }
  return { ok: true, to }
}

const refuse = (reason: RefusalReason, text: LocalizedText): Refusal => ({ ok: false, reason, text })

/** The actions `actor` may take now on a subject in `status`, in the table's order. */
export function allowedActions<S extends string, A extends string, K extends string>(
  table: WorkflowTable<S, A, K>,
  input: Omit<MayActInput<S, A, K>, 'action'>,
): A[] {
  return (Object.keys(table.actions) as A[]).filter((action) => mayAct(table, { ...input, action }).ok)
}
