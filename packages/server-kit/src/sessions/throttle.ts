import { sql } from 'kysely'
import { Effect } from 'effect'
import type { DatabaseError } from '../errors.js'
import { query } from '../services.js'
import type { Db } from '../services.js'

/** How one kind of login-throttle counter slows attempts down. */
export interface ThrottleRule {
  /** Attempts checked without delay (in a row, without a quiet `resetAfterMs`). */
  readonly free: number
  /** The wait after the last free attempt; it doubles with each further one. */
  readonly firstDelayMs: number
  /** The longest wait. */
  readonly maxDelayMs: number
  /** A counter quiet this long starts again from zero. */
  readonly resetAfterMs: number
}

/** The wait after the n-th attempt, in milliseconds (SQL): none up to free - 1, then firstDelay · 2^(n - free), capped. */
const delayAfter = (rule: ThrottleRule, n: ReturnType<typeof sql>) =>
  sql`(case when ${n} < ${rule.free} then 0 else least(${rule.maxDelayMs}::float8, ${rule.firstDelayMs}::float8 * power(2, least(${n} - ${rule.free}, 40))) end)`

/**
 * Claims one login attempt for `key`, atomically: one statement that counts the attempt
 * and sets when the next may come, but only if this one is allowed now. Parallel
 * requests queue on the counter's row, so no more than `free` attempts pass before the
 * first delay, however many arrive at once. A counter whose last attempt imposed no wait
 * never holds the next one up, even when the clock has stepped back. Returns null when the
 * attempt may go ahead, else how long the key must still wait (`waitMs`).
 */
export function claimAttempt(key: string, rule: ThrottleRule, now: Date): Effect.Effect<{ waitMs: number } | null, DatabaseError, Db> {
  const resetBefore = new Date(now.getTime() - rule.resetAfterMs)
  const first = sql`1`
  const next = sql`(case when t.last_at < ${resetBefore} then 1 else t.failures + 1 end)`
  return Effect.flatMap(
    query('login.claim', (db) =>
      sql<{ failures: number }>`
        insert into vbe_login_throttle as t (key, failures, last_at, next_at)
        values (${key}, 1, ${now}, ${now}::timestamptz + make_interval(secs => ${delayAfter(rule, first)} / 1000.0))
        on conflict (key) do update set
          failures = ${next},
          last_at = ${now},
          next_at = ${now}::timestamptz + make_interval(secs => ${delayAfter(rule, next)} / 1000.0)
        where t.next_at <= ${now} or t.next_at <= t.last_at
        returning failures`.execute(db),
    ),
    (claimed) =>
      claimed.rows.length > 0
        ? Effect.succeed(null)
        : Effect.map(
            query('login.wait', (db) =>
              sql<{ next_at: Date | string }>`select next_at from vbe_login_throttle where key = ${key}`.execute(db),
            ),
            (r) => ({ waitMs: Math.max(0, new Date(r.rows[0]?.next_at ?? now).getTime() - now.getTime()) }),
          ),
  )
}

/**
 * Gives back an attempt that turned out to be a successful login (the address counter):
 * the count goes down by one, and so does the wait that attempt started, as if it had
 * never been counted. Without the second part, the attempt that reached the free limit
 * and succeeded would still hold up the next person at the same address (an office
 * behind one NAT). A refund never lengthens a wait.
 */
export function refundAttempt(key: string, rule: ThrottleRule): Effect.Effect<void, DatabaseError, Db> {
  const left = sql`greatest(t.failures - 1, 0)`
  return Effect.asVoid(
    query('login.refund', (db) =>
      sql`update vbe_login_throttle as t
          set failures = ${left},
              next_at = least(t.next_at, t.last_at + make_interval(secs => ${delayAfter(rule, left)} / 1000.0))
          where key = ${key}`.execute(db),
    ),
  )
}

/** Forgets a counter: a successful login clears its (username, address) pair. */
export function clearAttempts(key: string): Effect.Effect<void, DatabaseError, Db> {
  return Effect.asVoid(query('login.clear', (db) => sql`delete from vbe_login_throttle where key = ${key}`.execute(db)))
}
