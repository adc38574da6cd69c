import { Effect } from 'effect'
import { sql, type Kysely } from 'kysely'
import { scopeDistricts, type Scope } from '../access/policy.js'
import type { DatabaseError } from '../errors.js'
import { NO_PASSWORD } from '../oidc/identities.js'
import type { KitTables } from '../schema.js'
import { Clock, query, type Db, type Role } from '../services.js'
import { toUser } from '../sessions/store.js'

/** A user as an admin sees them in the list: never the password hash (nor the username, which the UI does not show). */
export interface AccountSummary {
  readonly id: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly district: string | null
  readonly disabled: boolean
  /** How the user signs in: a local password, or only the city's account (OpenID Connect). */
  readonly signIn: 'password' | 'oidc'
  /** Sessions neither past their absolute end nor idle too long. */
  readonly liveSessions: number
  /** The last use of any of the user's live sessions; null when they have none. */
  readonly lastSeenAt: string | null
  /** The admin looking is this user. */
  readonly self: boolean
}

/** A user with the fields the account routes need. */
export interface AccountRow {
  readonly id: string
  readonly username: string
  readonly district: string | null
  readonly disabled: boolean
  /** Signs in through the provider only: no local password to check or change. */
  readonly oidcOnly: boolean
}

/**
 * The user `userId` if they are in `scope` (null: every district), else null: for a
 * district admin a user of another district, or a city-wide one, is as unknown as an
 * id nobody has.
 */
export function accountInScope(userId: string, scope: Scope): Effect.Effect<AccountRow | null, DatabaseError, Db> {
  return Effect.map(
    query('accounts.get', (db: Kysely<KitTables>) =>
      db
        .selectFrom('vbe_users as u')
        .select(['u.id', 'u.username', 'u.district', 'u.disabled', 'u.password_hash'])
        .select((eb) => eb.exists(eb.selectFrom('vbe_identities as i').select('i.user_id').whereRef('i.user_id', '=', 'u.id')).as('linked'))
        .where('u.id', '=', userId)
        .executeTakeFirst(),
    ),
    (row) => {
      if (!row) return null
      if (scope !== null && (row.district === null || !scope.includes(row.district))) return null
      return {
        id: row.id,
        username: row.username,
        district: row.district,
        disabled: row.disabled,
        oidcOnly: row.password_hash === NO_PASSWORD || Boolean(row.linked),
      }
    },
  )
}

/** The users in `scope`, by display name, with their live sessions counted; `selfId` marks the admin looking. */
export function listAccounts(scope: Scope, selfId: string, idleMs: number): Effect.Effect<AccountSummary[], DatabaseError, Db | Clock> {
  return Effect.gen(function* () {
    const now = (yield* Clock).now()
    const idleSince = new Date(now.getTime() - idleMs)
    const rows = yield* query('accounts.list', (db: Kysely<KitTables>) => {
      let q = db
        .selectFrom('vbe_users as u')
        .leftJoin('vbe_sessions as s', (j) =>
          j.onRef('s.user_id', '=', 'u.id').on('s.expires_at', '>', now).on('s.last_seen_at', '>', idleSince),
        )
        .select(['u.id', 'u.username', 'u.display_name', 'u.roles', 'u.district', 'u.disabled', 'u.password_hash'])
        .select((eb) => [
          eb.fn.count<string>('s.id').as('live'),
          eb.fn.max('s.last_seen_at').as('last_seen'),
          eb.exists(eb.selectFrom('vbe_identities as i').select('i.user_id').whereRef('i.user_id', '=', 'u.id')).as('linked'),
        ])
        .groupBy(['u.id', 'u.username', 'u.display_name', 'u.roles', 'u.district', 'u.disabled', 'u.password_hash'])
        .orderBy(sql`lower(u.display_name)`)
        .orderBy('u.id')
      if (scope !== null) q = q.where('u.district', 'in', scopeDistricts(scope))
      return q.execute()
    })
    return rows.map((r) => {
      const user = toUser(r)
      return {
        id: r.id,
        displayName: user.displayName,
        roles: user.roles,
        district: r.district,
        disabled: r.disabled,
        signIn: r.password_hash === NO_PASSWORD || Boolean(r.linked) ? ('oidc' as const) : ('password' as const),
        liveSessions: Number(r.live),
        lastSeenAt: r.last_seen === null || r.last_seen === undefined ? null : new Date(r.last_seen as Date | string).toISOString(),
        self: r.id === selfId,
      }
    })
  })
}
