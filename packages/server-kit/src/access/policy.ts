import { Effect } from 'effect'
import {
  CITY_WIDE_ROLES,
  mayAct,
  STAFF_ROLE_NAMES,
  type Locale,
  type MayActInput,
  type Refusal,
  type WorkflowActor,
  type WorkflowTable,
} from '@vbe/core'
import { Conflict, Forbidden } from '../errors.js'
import type { Role, SessionUser } from '../services.js'

/**
 * The one access policy of the staff apps: which districts a user sees (`scopeOf`), the
 * role check (`requireRole`), and the bridge to core's workflow tables (`authorise`).
 * Both apps read and act through these, so that a rule changes in one place.
 */

/** The districts a user may see: `null` for every district, else a list (their own, or none). */
export type Scope = readonly string[] | null

/** A user with no district of their own who holds a city-wide role (administrator, auditor). */
export const isCityWide = (user: Pick<SessionUser, 'roles' | 'district'>): boolean =>
  user.district === null && user.roles.some((r) => CITY_WIDE_ROLES.includes(r))

/**
 * Which districts a user may see: all (`null`) for a city-wide administrator or auditor
 * with no district; otherwise only their own district, whatever their roles, so an
 * administrator of one district is held to it; none for a user with neither.
 */
export function scopeOf(user: Pick<SessionUser, 'roles' | 'district'>): Scope {
  if (isCityWide(user)) return null
  return user.district === null ? [] : [user.district]
}

/** Whether `district` is in the user's scope. */
export const inScope = (user: Pick<SessionUser, 'roles' | 'district'>, district: string): boolean => {
  const scope = scopeOf(user)
  return scope === null || scope.includes(district)
}

/**
 * A district id that no row has (ids are lower-case slugs), for a scope that is empty:
 * `where district in (…)` needs at least one value.
 */
export const NO_DISTRICT = '\u0000none'

/** The districts of a scope that is not `null`, as a list SQL's `in` can take. */
export const scopeDistricts = (scope: readonly string[]): string[] => (scope.length > 0 ? [...scope] : [NO_DISTRICT])

/** Whether the user holds any of `roles`. */
export const hasRole = (user: Pick<SessionUser, 'roles'>, roles: readonly Role[]): boolean => roles.some((r) => user.roles.includes(r))

const roleNames = (roles: readonly Role[], lang: Locale) =>
  roles.map((r) => (lang === 'sv' ? STAFF_ROLE_NAMES[r].sv.toLowerCase() : r)).join(', ')

/** The refusal for a user who holds none of `roles`, saying which roles it needs and which the user has. */
export function roleRefusal(user: Pick<SessionUser, 'roles'>, roles: readonly Role[]): Forbidden {
  const mine = user.roles
  return new Forbidden({
    detail: {
      sv: `Det här kräver någon av rollerna ${roleNames(roles, 'sv')}. Du har ${mine.length === 0 ? 'ingen roll' : `${mine.length === 1 ? 'rollen' : 'rollerna'} ${roleNames(mine, 'sv')}`}.`,
      en: `This needs one of the roles ${roleNames(roles, 'en')}; you have ${roleNames(mine, 'en') || 'none'}.`,
    },
    code: 'role',
  })
}

/** The role check: succeeds when the user holds one of `roles`, else a 403 naming them. */
export function requireRole(user: Pick<SessionUser, 'roles'>, roles: readonly Role[]): Effect.Effect<void, Forbidden> {
  return hasRole(user, roles) ? Effect.void : Effect.fail(roleRefusal(user, roles))
}

/**
 * The user as core's workflow tables see an actor. The apps record who did the work by
 * username (`decided_by`, `saved_by`), so that is the actor's id.
 */
export const actorOf = (user: SessionUser): WorkflowActor => ({ id: user.username, roles: user.roles, district: user.district })

/**
 * A refusal as an HTTP problem: a wrong status is a 409 (the state must change first);
 * a missing role, another district or one's own work is a 403 whose `code` is the reason.
 */
export function refusalError(refusal: Refusal): Forbidden | Conflict {
  return refusal.reason === 'status'
    ? new Conflict({ detail: refusal.text })
    : new Forbidden({ detail: refusal.text, code: refusal.reason })
}

/**
 * May the user take `action` on the subject? Core's `mayAct` over the app's table: the
 * status the action leads to, or the refusal as a 403 or 409.
 */
export function authorise<S extends string, A extends string, K extends string>(
  table: WorkflowTable<S, A, K>,
  user: SessionUser,
  input: Omit<MayActInput<S, A, K>, 'actor'>,
): Effect.Effect<S, Forbidden | Conflict> {
  const answer = mayAct(table, { ...input, actor: actorOf(user) })
  return answer.ok ? Effect.succeed(answer.to) : Effect.fail(refusalError(answer))
}
