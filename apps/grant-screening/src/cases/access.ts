// Who may see which cases: the scope rule of grant screening.
import { type SessionUser } from '@vbe/server-kit'

export const has = (user: SessionUser, role: SessionUser['roles'][number]) => user.roles.includes(role)
const cityWide = (user: SessionUser) => user.district === null && (has(user, 'admin') || has(user, 'auditor'))
/** The districts whose cases a user may see: all (null) or their own. */
export const scopeOf = (user: SessionUser): string | null => (cityWide(user) ? null : (user.district ?? '\u0000none'))
