import { Effect, Either } from 'effect'
import { describe, expect, it } from 'vitest'
import { CASE_LIFECYCLE } from '@vbe/core/grants'
import { PLAN_WORKFLOW } from '@vbe/core/plans'
import type { Role, SessionUser } from '../services.js'
import { authorise, hasRole, inScope, isCityWide, requireRole, scopeDistricts, scopeOf, NO_DISTRICT } from './policy.js'

const user = (roles: Role[], district: string | null, username = 'someone'): SessionUser => ({
  id: `id-${username}`,
  username,
  displayName: username,
  roles,
  district,
})

describe('scopeOf: which districts a user sees', () => {
  it.each([
    ['a city-wide admin', user(['admin'], null), null],
    ['a city-wide auditor', user(['auditor'], null), null],
    ['an admin of one district (held to it)', user(['admin'], 'rinkeby-kista'), ['rinkeby-kista']],
    ['an auditor of one district', user(['auditor'], 'norrmalm'), ['norrmalm']],
    ['an officer', user(['officer'], 'norrmalm'), ['norrmalm']],
    ['an approver', user(['approver'], 'rinkeby-kista'), ['rinkeby-kista']],
    ['an officer and approver', user(['officer', 'approver'], 'rinkeby-kista'), ['rinkeby-kista']],
    ['an admin and officer of one district', user(['officer', 'admin'], 'rinkeby-kista'), ['rinkeby-kista']],
    ['an officer with no district', user(['officer'], null), []],
    ['an approver with no district', user(['approver'], null), []],
    ['a user with no roles and no district', user([], null), []],
  ])('%s', (_n, u, scope) => {
    expect(scopeOf(u)).toEqual(scope)
    expect(isCityWide(u)).toBe(scope === null)
    expect(inScope(u, 'rinkeby-kista')).toBe(scope === null || scope.includes('rinkeby-kista'))
    expect(inScope(u, 'norrmalm')).toBe(scope === null || scope.includes('norrmalm'))
  })

  it('gives SQL a value no district has for an empty scope', () => {
    expect(scopeDistricts([])).toEqual([NO_DISTRICT])
    expect(scopeDistricts(['norrmalm'])).toEqual(['norrmalm'])
    expect(NO_DISTRICT).not.toMatch(/^[a-z][a-z0-9-]*$/)
  })
})

describe('the role check', () => {
  it('passes a user holding any of the roles, and refuses others with a 403 naming the roles in both languages', () => {
    expect(hasRole(user(['officer', 'approver'], 'x'), ['approver'])).toBe(true)
    expect(Either.isRight(Effect.runSync(Effect.either(requireRole(user(['auditor'], null), ['admin', 'auditor']))))).toBe(true)
    const refused = Effect.runSync(Effect.flip(requireRole(user(['officer'], 'x'), ['admin'])))
    expect(refused).toMatchObject({
      _tag: 'Forbidden',
      code: 'role',
      detail: {
        sv: 'Det här kräver någon av rollerna administratör. Du har rollen handläggare.',
        en: 'This needs one of the roles admin; you have officer.',
      },
    })
    expect(Effect.runSync(Effect.flip(requireRole(user([], null), ['admin'])))).toMatchObject({
      detail: { sv: 'Det här kräver någon av rollerna administratör. Du har ingen roll.' },
    })
  })
})

describe('authorise: core workflow tables as HTTP problems', () => {
  const run = <A, E>(e: Effect.Effect<A, E>) => Effect.runSync(Effect.either(e))
  it('answers the status an action leads to', () => {
    const r = run(
      authorise(PLAN_WORKFLOW, user(['officer'], 'norrmalm'), {
        action: 'submit',
        status: 'draft',
        subject: { district: 'norrmalm', authors: {} },
      }),
    )
    expect(r).toEqual(Either.right('submitted'))
  })
  it('refuses a wrong status with 409 and the other reasons with 403 and their code', () => {
    const subject = { district: 'norrmalm', authors: { wroteBy: ['karin'] } }
    const status = run(authorise(PLAN_WORKFLOW, user(['approver'], 'norrmalm'), { action: 'adopt', status: 'draft', subject }))
    expect(Either.isLeft(status) && status.left._tag).toBe('Conflict')
    const cases: [SessionUser, string][] = [
      [user(['officer'], 'norrmalm'), 'role'],
      [user(['admin'], 'rinkeby-kista'), 'district'],
      [user(['officer', 'approver'], 'norrmalm', 'karin'), 'own-work'],
    ]
    for (const [u, code] of cases) {
      const r = run(authorise(PLAN_WORKFLOW, u, { action: 'adopt', status: 'submitted', subject }))
      expect(Either.isLeft(r) ? r.left : null, code).toMatchObject({ _tag: 'Forbidden', code })
    }
  })
  it('compares authors by username', () => {
    const decider = user(['officer', 'approver'], 'rinkeby-kista', 'amina')
    const r = run(
      authorise(CASE_LIFECYCLE, decider, {
        action: 'approve',
        status: 'awaiting_approval',
        subject: { district: 'rinkeby-kista', authors: { decidedBy: ['amina'] } },
      }),
    )
    expect(Either.isLeft(r) ? r.left : null).toMatchObject({ _tag: 'Forbidden', code: 'own-work' })
  })
})
