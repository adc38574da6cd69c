import type { Role, User } from './types'

/** Whether the user has any of the roles. */
export const hasRole = (user: User, ...roles: Role[]): boolean => roles.some((r) => user.roles.includes(r))
