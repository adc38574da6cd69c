import { createHash, randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { appendAuditAs } from '../audit/index.js'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { Clock, query, transaction, type Db, type Role, type SessionUser } from '../services.js'

/** Stored in place of a password hash: no password matches it, so such a user signs in only through the provider. */
export const NO_PASSWORD = '!oidc'

export interface ProviderIdentity {
  readonly issuer: string
  readonly subject: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly district: string | null
}

/**
 * The user linked to an identity at the provider (issuer + subject), created at its first
 * sign-in; at every sign-in the user's roles, district and name are set from the claims.
 * Null when the linked user is disabled. The username is derived from the identity, so
 * it never collides with a local user's.
 */
export function userForIdentity(identity: ProviderIdentity): Effect.Effect<SessionUser | null, DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const now = (yield* Clock).now()
      const username = `oidc:${createHash('sha256').update(`${identity.issuer}\n${identity.subject}`).digest('hex').slice(0, 24)}`
      const roles = identity.roles.join(',')
      const linked = yield* query('identity.find', (db: Kysely<KitTables>) =>
        db
          .selectFrom('vbe_identities as i')
          .innerJoin('vbe_users as u', 'u.id', 'i.user_id')
          .select(['u.id', 'u.username', 'u.display_name', 'u.roles', 'u.district', 'u.disabled'])
          .where('i.issuer', '=', identity.issuer)
          .where('i.subject', '=', identity.subject)
          .executeTakeFirst(),
      )
      if (linked?.disabled) return null
      const id = linked?.id ?? randomUUID()
      yield* query('identity.upsert', async (db: Kysely<KitTables>) => {
        if (linked) {
          await db
            .updateTable('vbe_users')
            .set({ display_name: identity.displayName, roles, district: identity.district })
            .where('id', '=', id)
            .execute()
          await db
            .updateTable('vbe_identities')
            .set({ last_login_at: now })
            .where('issuer', '=', identity.issuer)
            .where('subject', '=', identity.subject)
            .execute()
        } else {
          await db
            .insertInto('vbe_users')
            .values({ id, username, display_name: identity.displayName, password_hash: NO_PASSWORD, roles, district: identity.district })
            .execute()
          await db
            .insertInto('vbe_identities')
            .values({ issuer: identity.issuer, subject: identity.subject, user_id: id, last_login_at: now })
            .execute()
        }
      })
      const changed = !linked || linked.roles !== roles || linked.district !== identity.district
      if (changed)
        yield* appendAuditAs(linked?.username ?? username, {
          action: linked ? 'user.roles-from-provider' : 'user.created-from-provider',
          entityType: 'user',
          entityId: id,
          district: identity.district,
          before: linked ? { roles: linked.roles.split(',').filter(Boolean), district: linked.district } : null,
          after: { roles: identity.roles, district: identity.district },
        })
      return {
        id,
        username: linked?.username ?? username,
        displayName: identity.displayName,
        roles: identity.roles,
        district: identity.district,
      }
    }),
  )
}
