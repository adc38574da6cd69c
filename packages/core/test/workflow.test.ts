import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'
import {
  allowedActions,
  defineWorkflow,
  mayAct,
  REFUSAL_REASONS,
  STAFF_ROLES,
  ValidationError,
  type MayActInput,
  type WorkflowTable,
} from '@vbe/core'
import { CASE_ACTIONS, CASE_LIFECYCLE, CASE_STATUSES, OPEN_CASE_STATUSES } from '@vbe/core/grants'
import { PLAN_ACTIONS, PLAN_STATUSES, PLAN_TRANSITIONS, PLAN_WORKFLOW, planAuthors } from '@vbe/core/plans'

/**
 * The workflow tables, case by case from test/workflow/*.yaml (action, status, actor,
 * authors → the status it leads to or the refusal), and the engine's own guarantees.
 */

const dir = join(dirname(fileURLToPath(import.meta.url)), 'workflow')
const caseSchema = z
  .object({
    name: z.string().min(1),
    action: z.string(),
    status: z.string(),
    actor: z.object({ roles: z.array(z.enum(STAFF_ROLES)), district: z.string().nullable() }).strict(),
    subject: z.object({ district: z.string() }).strict().default({ district: 'rinkeby-kista' }),
    authors: z.record(z.string(), z.array(z.string())).default({}),
    expect: z.union([z.string(), z.object({ refused: z.enum(REFUSAL_REASONS) }).strict()]),
  })
  .strict()
type Case = z.infer<typeof caseSchema>
const casesOf = (file: string): Case[] => z.array(caseSchema).parse(parse(readFileSync(join(dir, file), 'utf8')))

// The tables are generic over their own statuses and actions; the cases name them as text.
type AnyTable = WorkflowTable<string, string, string>
const TABLES: ReadonlyArray<readonly [string, AnyTable, string]> = [
  ['plan workflow', PLAN_WORKFLOW, 'plans.yaml'],
  ['grant case lifecycle', CASE_LIFECYCLE, 'grants.yaml'],
]

const inputOf = (c: Case) => ({
  action: c.action,
  status: c.status,
  actor: { id: 'me', ...c.actor },
  subject: { district: c.subject.district, authors: c.authors },
})

describe.each(TABLES)('the %s', (_name, table, file) => {
  const cases = casesOf(file)

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const answer = mayAct(table, inputOf(c))
    if (typeof c.expect === 'string') expect(answer).toEqual({ ok: true, to: c.expect })
    else expect(answer).toMatchObject({ ok: false, reason: c.expect.refused })
  })

  it('covers every action and every refusal reason the table can give', () => {
    expect(new Set(cases.map((c) => c.action))).toEqual(new Set(Object.keys(table.actions)))
    const reasons = new Set(cases.flatMap((c) => (typeof c.expect === 'string' ? [] : [c.expect.refused])))
    const forbidsSelf = Object.values(table.actions).some((a) => (a.forbidSelf ?? []).length > 0)
    expect(reasons).toEqual(new Set(REFUSAL_REASONS.filter((r) => r !== 'own-work' || forbidsSelf)))
  })

  it('words every refusal in Swedish and English, naming no district, person or code', () => {
    const codes = [...Object.keys(table.statuses), ...Object.keys(table.actions)].filter((k) => k.includes('_'))
    for (const c of cases) {
      const answer = mayAct(table, {
        ...inputOf(c),
        actor: { id: 'user-4711', ...c.actor },
        subject: { district: 'distrikt-x', authors: { ...c.authors } },
      })
      if (answer.ok) continue
      for (const text of [answer.text.sv, answer.text.en]) {
        expect(text, c.name).toMatch(/^[A-ZÅÄÖ].*\.$/)
        for (const banned of ['user-4711', 'distrikt-x', 'rinkeby-kista', 'norrmalm', 'undefined', 'null', ...codes])
          expect(text, `${c.name}: ${text}`).not.toContain(banned)
      }
      expect(answer.text.sv).not.toBe(answer.text.en)
    }
  })

  it('refuses an actor with no roles at all, whatever the action and status', () => {
    for (const action of Object.keys(table.actions)) {
      for (const status of Object.keys(table.statuses)) {
        expect(
          mayAct(table, {
            action,
            status,
            actor: { id: 'me', roles: [], district: 'rinkeby-kista' },
            subject: { district: 'rinkeby-kista', authors: {} },
          }),
        ).toMatchObject({ reason: 'role' })
      }
    }
  })

  it('lets nobody act on their own work where the table forbids it, whatever else they hold', () => {
    for (const [action, row] of Object.entries(table.actions)) {
      for (const kind of row.forbidSelf ?? []) {
        for (const status of Object.keys(row.moves)) {
          const actor = { id: 'me', roles: [...STAFF_ROLES], district: 'rinkeby-kista' }
          const subject = { district: 'rinkeby-kista', authors: { [kind]: ['someone', 'me'] } }
          expect(mayAct(table, { action, status, actor, subject }), `${action} ${status} ${kind}`).toMatchObject({
            ok: false,
            reason: 'own-work',
          })
          expect(mayAct(table, { action, status, actor, subject: { ...subject, authors: { [kind]: ['someone'] } } }).ok).toBe(true)
        }
      }
    }
  })
})

describe('the tables against the domain', () => {
  it('have exactly the statuses and actions the domain names', () => {
    expect(Object.keys(PLAN_WORKFLOW.statuses)).toEqual([...PLAN_STATUSES])
    expect(Object.keys(PLAN_WORKFLOW.actions)).toEqual([...PLAN_ACTIONS])
    expect(
      PLAN_TRANSITIONS.every((t) =>
        Object.values(PLAN_WORKFLOW.actions[t].moves).some((to, i) => to !== Object.keys(PLAN_WORKFLOW.actions[t].moves)[i]),
      ),
    ).toBe(true)
    expect(Object.keys(CASE_LIFECYCLE.statuses)).toEqual([...CASE_STATUSES])
    expect(Object.keys(CASE_LIFECYCLE.actions)).toEqual([...CASE_ACTIONS])
    expect(OPEN_CASE_STATUSES).toEqual(CASE_STATUSES.filter((s) => s !== 'decided'))
  })

  it('word the messages the plan editor has always given', () => {
    const officer = { id: 'me', roles: ['officer'] as const, district: 'norrmalm' }
    const subject = { district: 'norrmalm', authors: {} }
    expect(mayAct(PLAN_WORKFLOW, { action: 'adopt', status: 'submitted', actor: { ...officer, roles: ['officer'] }, subject })).toEqual({
      ok: false,
      reason: 'role',
      text: {
        sv: 'Att anta en plan kräver rollen attestant eller administratör.',
        en: 'You need the role approver or administrator to adopt a plan.',
      },
    })
    expect(
      mayAct(PLAN_WORKFLOW, { action: 'edit', status: 'submitted', actor: { ...officer, roles: ['officer'] }, subject }),
    ).toMatchObject({
      text: {
        sv: 'Planen är inlämnad. Den kan bara ändras när den är ett utkast eller under revidering.',
        en: 'The plan is submitted: it can be edited only while it is a draft or under revision.',
      },
    })
  })

  it('say which part of the work bars the actor', () => {
    const answer = mayAct(CASE_LIFECYCLE, {
      action: 'approve',
      status: 'awaiting_approval',
      actor: { id: 'me', roles: ['officer', 'approver'], district: 'rinkeby-kista' },
      subject: { district: 'rinkeby-kista', authors: { decidedBy: ['me'] } },
    })
    expect(answer).toEqual({
      ok: false,
      reason: 'own-work',
      text: {
        sv: 'Fyra ögon: du får inte ge den andra underskriften eftersom du fattade beslutet. Någon annan måste göra det.',
        en: 'Four eyes: you may not give the second signature because you made the decision; someone else must do it.',
      },
    })
  })

  it('list the actions a user may take now', () => {
    const subject = { district: 'rinkeby-kista', authors: { wroteBy: ['amina'], submittedBy: ['amina'] } }
    const twoRoles = { id: 'me', roles: ['officer', 'approver'] as ('officer' | 'approver')[], district: 'rinkeby-kista' }
    expect(allowedActions(PLAN_WORKFLOW, { status: 'draft', actor: twoRoles, subject })).toEqual(['submit', 'edit', 'follow-up'])
    expect(allowedActions(PLAN_WORKFLOW, { status: 'submitted', actor: twoRoles, subject })).toEqual(['adopt', 'return'])
    expect(
      allowedActions(PLAN_WORKFLOW, { status: 'submitted', actor: twoRoles, subject: { ...subject, authors: { wroteBy: ['me'] } } }),
    ).toEqual([])
    expect(allowedActions(PLAN_WORKFLOW, { status: 'submitted', actor: { id: 'a', roles: ['auditor'], district: null }, subject })).toEqual(
      [],
    )
    expect(
      allowedActions(CASE_LIFECYCLE, {
        status: 'decided',
        actor: { id: 'o', roles: ['officer'], district: 'rinkeby-kista' },
        subject: { district: 'rinkeby-kista', authors: {} },
      }),
    ).toEqual(['declare', 'note', 'communicate', 'record-reply', 'correct', 'reconsider', 'propose-revision', 'follow-up', 'reclaim'])
  })
})

describe('planAuthors', () => {
  it('counts everyone who saved a version as a writer, except by adopting or returning it', () => {
    const history = [
      { action: 'create', by: 'amina' },
      { action: 'save', by: 'jonas' },
      { action: 'follow-up', by: 'karin' },
      { action: 'submit', by: 'amina' },
      { action: 'return', by: 'leila' },
      { action: 'revise', by: 'jonas' },
      { action: 'submit', by: 'jonas' },
      { action: 'adopt', by: 'erik' },
    ]
    expect(planAuthors(history)).toEqual({ wroteBy: ['amina', 'jonas', 'karin'], submittedBy: ['amina', 'jonas'] })
  })
})

describe('mayAct given input of the wrong shape', () => {
  const good = {
    action: 'submit',
    status: 'draft',
    actor: { id: 'me', roles: ['officer'], district: 'norrmalm' },
    subject: { district: 'norrmalm', authors: {} },
  }
  it.each([
    ['an unknown action', { ...good, action: 'fly' }, 'action'],
    ['an unknown status', { ...good, status: 'finished' }, 'status'],
    ['roles that are not a list', { ...good, actor: { ...good.actor, roles: 'officer' } }, 'actor.roles'],
    ['an unknown role', { ...good, actor: { ...good.actor, roles: ['king'] } }, 'actor.roles[0]'],
    ['no actor', { ...good, actor: undefined }, 'actor'],
    ['a missing district', { ...good, actor: { id: 'me', roles: ['officer'] } }, 'actor.district'],
    ['authors that are not lists', { ...good, subject: { district: 'norrmalm', authors: { wroteBy: 'me' } } }, 'subject.authors.wroteBy'],
  ])('throws a ValidationError naming the field for %s', (_n, input, path) => {
    let thrown: unknown
    try {
      mayAct(PLAN_WORKFLOW as AnyTable, input as unknown as MayActInput<string, string, string>)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ValidationError)
    expect((thrown as ValidationError).problems.map((p) => p.path)).toContain(path)
  })
})

describe('defineWorkflow', () => {
  const base = {
    name: 'test workflow',
    subject: { the: { sv: 'Saken', en: 'The thing' }, it: { sv: 'den', en: 'it' } },
    statuses: { open: { sv: 'öppen', en: 'open' }, shut: { sv: 'stängd', en: 'shut' } },
    authorship: { madeBy: { sv: 'du gjorde den', en: 'you made it' } },
  }
  const action = {
    doing: { sv: 'stänga', en: 'shut it' },
    done: { sv: 'stängas', en: 'shut' },
    moves: { open: 'shut' },
    roles: ['officer'],
  }
  it('accepts a consistent table', () => {
    expect(defineWorkflow({ ...base, actions: { shut: action } } as AnyTable).name).toBe('test workflow')
  })
  it.each([
    ['a move to an unknown status', { ...action, moves: { open: 'gone' } }, 'moves to unknown status "gone"'],
    ['a move from an unknown status', { ...action, moves: { ajar: 'shut' } }, 'moves from unknown status "ajar"'],
    ['no moves', { ...action, moves: {} }, 'has no moves'],
    ['no roles', { ...action, roles: [] }, 'no role may take it'],
    ['an unknown role', { ...action, roles: ['king'] }, 'unknown role "king"'],
    ['a city-wide role it does not hold', { ...action, cityWide: ['admin'] }, 'cityWide role "admin" is not one of its roles'],
    ['forbidSelf naming unknown authorship', { ...action, forbidSelf: ['ownedBy'] }, 'forbidSelf names unknown authorship "ownedBy"'],
  ])('rejects %s, naming the action', (_n, bad, fault) => {
    expect(() => defineWorkflow({ ...base, actions: { shut: bad } } as AnyTable)).toThrow(`shut: ${fault}`)
  })
})
