import { createHash } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { appendAuditAs } from '../audit/index.js'
import type { DatabaseError } from '../errors.js'
import type { KitTables } from '../schema.js'
import { Clock, query, transaction, type Db } from '../services.js'
import { LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS, LOGOUT_TOKEN_MAX_AGE_SECONDS, type LogoutClaims } from './logout-token.js'

/** A user whose sessions a logout token ended, and how many. */
export interface EndedSessions {
  readonly userId: string
  readonly username: string
  readonly district: string | null
  readonly sessions: number
}

/**
 * Ends the sessions a verified logout token names, in one transaction with remembering
 * its `jti` (`'replayed'`, ending nothing, when the provider's token was used already):
 * - with a `sid`: the sessions started through this issuer in that provider session (and,
 *   when the token has a `sub` too, only those of the user linked to that identity);
 * - with only a `sub`: every session of the user linked to that identity, as the
 *   specification asks (section 2.7), password sessions included.
 * Each user whose sessions ended gets a `session.logout` audit event with
 * `{ via: 'identity-provider', sessions }`. A token naming nobody we know ends nothing.
 */
export function endProviderSessions(claims: LogoutClaims): Effect.Effect<EndedSessions[] | 'replayed', DatabaseError, Db | Clock> {
  return transaction(
    Effect.gen(function* () {
      const now = (yield* Clock).now()
      const keepUntil = new Date((claims.iat + LOGOUT_TOKEN_MAX_AGE_SECONDS + 2 * LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS) * 1000)
      const fresh = yield* query('oidc.logout-token', async (db: Kysely<KitTables>) => {
        await db.deleteFrom('vbe_oidc_logout_tokens').where('expires_at', '<', now).execute()
        const id = createHash('sha256').update(`${claims.issuer}\n${claims.jti}`).digest('hex')
        const inserted = await db
          .insertInto('vbe_oidc_logout_tokens')
          .values({ id, expires_at: keepUntil })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute()
        return inserted.length > 0
      })
      if (!fresh) return 'replayed' as const

      const ended = yield* query('oidc.logout-sessions', async (db: Kysely<KitTables>) => {
        const linked =
          claims.sub === null
            ? undefined
            : await db
                .selectFrom('vbe_identities')
                .select('user_id')
                .where('issuer', '=', claims.issuer)
                .where('subject', '=', claims.sub)
                .executeTakeFirst()
        // A `sub` nobody here is linked to: no session of ours is that user's.
        if (claims.sub !== null && !linked) return []
        let q = db.deleteFrom('vbe_sessions')
        if (claims.sid !== null) q = q.where('oidc_issuer', '=', claims.issuer).where('oidc_sid', '=', claims.sid)
        if (linked) q = q.where('user_id', '=', linked.user_id)
        return q.returning('user_id').execute()
      })
      if (ended.length === 0) return []

      const counts = new Map<string, number>()
      for (const row of ended) counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + 1)
      const users = yield* query('oidc.logout-users', (db: Kysely<KitTables>) =>
        db
          .selectFrom('vbe_users')
          .select(['id', 'username', 'district'])
          .where('id', 'in', [...counts.keys()])
          .execute(),
      )
      const result: EndedSessions[] = []
      for (const user of users) {
        const sessions = counts.get(user.id) ?? 0
        // The user signed out at the provider: the event is theirs, as a logout here is.
        yield* appendAuditAs(user.username, {
          action: 'session.logout',
          entityType: 'user',
          entityId: user.id,
          district: user.district,
          after: { via: 'identity-provider', sessions },
        })
        result.push({ userId: user.id, username: user.username, district: user.district, sessions })
      }
      return result
    }),
  )
}
