import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import type { DatabaseError } from '../errors.js'
import { verifyPassword } from '../password.js'
import type { KitTables } from '../schema.js'
import { query, type Db } from '../services.js'

/** A demo user still in the database. */
export interface DemoUserFound {
  readonly username: string
  /** Still holds the public demo password. */
  readonly publicPassword: boolean
}

/**
 * The demo users in the database: enabled users a demo seed made, and enabled users with
 * one of `usernames` that still hold the public demo `password` (made before users had a
 * demo flag). A production start refuses to run while there is one.
 */
export function findDemoUsers(usernames: readonly string[], password: string): Effect.Effect<DemoUserFound[], DatabaseError, Db> {
  return Effect.gen(function* () {
    const rows = yield* query('demo.users', (db: Kysely<KitTables>) => {
      let q = db.selectFrom('vbe_users').select(['username', 'password_hash', 'demo']).where('disabled', '=', false)
      q =
        usernames.length > 0 ? q.where((eb) => eb.or([eb('demo', '=', true), eb('username', 'in', usernames)])) : q.where('demo', '=', true)
      return q.orderBy('username').execute()
    })
    const found: DemoUserFound[] = []
    for (const r of rows) {
      const publicPassword = yield* Effect.promise(() => verifyPassword(password, r.password_hash))
      if (r.demo || publicPassword) found.push({ username: r.username, publicPassword })
    }
    return found
  })
}
