import { Context, Effect, Exit } from 'effect'
import { sql } from 'kysely'
import { STAFF_ROLE_NAMES, STAFF_ROLES, type LocalizedText, type StaffRole } from '@vbe/core'
import { insertFromJson, type AnyKysely, type BulkColumn, type BulkInsert } from './db-values.js'
import { DatabaseError } from './errors.js'
import type { AuditSeal } from './audit/seal.js'

/**
 * The database a request works in: the pool, or the transaction it runs inside, and
 * the driver's fastest way to insert many rows (COPY on PGlite).
 */
export class Db extends Context.Tag('vbe/Db')<
  Db,
  {
    readonly kysely: AnyKysely
    readonly bulkInsert?: BulkInsert
    /** The audit key and checkpoint store (the Database's `audit`); appending or verifying without it is a wiring mistake. */
    readonly audit?: AuditSeal
  }
>() {}

/** The clock, so tests can fix the time. */
export class Clock extends Context.Tag('vbe/Clock')<Clock, { readonly now: () => Date }>() {}

export const systemClock = { now: () => new Date() }

/** The logged-in user of the request. */
export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  /** The district the user works in; `null` for city-wide users (admin, auditor). */
  readonly district: string | null
}
/** The staff roles, as core names them. */
export const ROLES = STAFF_ROLES
export type Role = StaffRole

export class CurrentUser extends Context.Tag('vbe/CurrentUser')<CurrentUser, SessionUser>() {}

/** Runs a database call as an Effect; a driver failure becomes a DatabaseError. */
export function query<A>(operation: string, f: (db: AnyKysely) => Promise<A>): Effect.Effect<A, DatabaseError, Db> {
  return Effect.flatMap(Db, ({ kysely }) =>
    Effect.tryPromise({ try: () => f(kysely), catch: (cause) => new DatabaseError({ cause, operation }) }),
  )
}

/** Inserts many rows into `table` in one go, in the current transaction (see `BulkInsert`). */
export function insertRows(
  operation: string,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Effect.Effect<void, DatabaseError, Db> {
  return Effect.flatMap(Db, ({ kysely, bulkInsert }) =>
    Effect.tryPromise({
      try: () => (bulkInsert ?? insertFromJson)(kysely, table, columns, rows),
      catch: (cause) => new DatabaseError({ cause, operation }),
    }),
  )
}

/**
 * Runs `effect` inside one database transaction: committed when it succeeds, rolled
 * back when it fails or is interrupted. Nested calls join the outer transaction.
 */
export function transaction<A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | DatabaseError, R | Db> {
  return Effect.flatMap(Db, (service) => {
    const { kysely } = service
    if (kysely.isTransaction) return effect
    return Effect.acquireUseRelease(
      Effect.tryPromise({
        try: () => kysely.startTransaction().execute(),
        catch: (cause) => new DatabaseError({ cause, operation: 'begin' }),
      }),
      (trx) =>
        Effect.provideService(effect, Db, { ...service, kysely: trx }).pipe(
          Effect.tap(() =>
            Effect.tryPromise({ try: () => trx.commit().execute(), catch: (cause) => new DatabaseError({ cause, operation: 'commit' }) }),
          ),
        ),
      (trx, exit) =>
        Exit.isSuccess(exit)
          ? Effect.void
          : Effect.promise(() =>
              trx
                .rollback()
                .execute()
                .catch(() => undefined),
            ),
    )
  })
}

/**
 * Runs `effect` in a transaction that holds a database-wide lock named `name` (a
 * transaction-scoped advisory lock), so server processes sharing one database do it one
 * at a time: seeding demo data on a first start, for example, when two start at once.
 */
export function exclusively<A, E, R>(name: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | DatabaseError, R | Db> {
  return transaction(
    Effect.flatMap(
      query(`lock ${name}`, (db) => sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db)),
      () => effect,
    ),
  )
}

/** The roles' names, as the UIs show them (core's). */
export const ROLE_NAMES: Readonly<Record<Role, LocalizedText>> = STAFF_ROLE_NAMES
