import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { EXAMPLE_PLANS, type PlanInput } from '@vbe/core/plans'
import { createUserIfMissing, exclusively, query, type Conflict, type Db, type Clock, type DatabaseError, type Role } from '@vbe/server-kit'
import type { Tables } from './db/tables.js'
import { insertPlan } from './plans/index.js'

/** The password of every demo user. Demo only: change it (or delete the users) for real use. */
export const DEMO_PASSWORD = 'demo-password-2026'

export interface DemoUser {
  readonly username: string
  readonly displayName: string
  readonly roles: readonly Role[]
  readonly district: string | null
  readonly what: string
}

/**
 * The demo users. A login has the same person's name in both staff apps (grant screening's demo users), and the name
 * is only a name: the role and district are shown by the app, from the account, not repeated in the name.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'officer.rk',
    displayName: 'Amina Yusuf',
    roles: ['officer'],
    district: 'rinkeby-kista',
    what: 'edits and submits Rinkeby-Kista’s plan',
  },
  {
    username: 'officer2.rk',
    displayName: 'Erik Lind',
    roles: ['officer'],
    district: 'rinkeby-kista',
    what: 'a second Rinkeby-Kista officer (try editing the same plan)',
  },
  {
    username: 'approver.rk',
    displayName: 'Sara Nilsson',
    roles: ['approver'],
    district: 'rinkeby-kista',
    what: 'adopts or returns (återremiss) Rinkeby-Kista’s plan',
  },
  {
    username: 'officer.nm',
    displayName: 'Lars Berg',
    roles: ['officer'],
    district: 'norrmalm',
    what: 'edits and submits Norrmalm’s plan',
  },
  {
    username: 'approver.nm',
    displayName: 'Maria Holm',
    roles: ['approver'],
    district: 'norrmalm',
    what: 'adopts or returns Norrmalm’s plan',
  },
  {
    username: 'officer-approver.rk',
    displayName: 'Nadia Karimi',
    roles: ['officer', 'approver'],
    district: 'rinkeby-kista',
    what: 'writes and adopts Rinkeby-Kista’s plans, never their own',
  },
  {
    username: 'officer-approver.nm',
    displayName: 'Olof Strand',
    roles: ['officer', 'approver'],
    district: 'norrmalm',
    what: 'writes and adopts Norrmalm’s plans, never their own',
  },
  {
    username: 'admin.rk',
    displayName: 'Hanna Sjöberg',
    roles: ['admin'],
    district: 'rinkeby-kista',
    what: 'Rinkeby-Kista only: its plans, overview row and audit log; adopt/return',
  },
  {
    username: 'admin.nm',
    displayName: 'Johan Lindqvist',
    roles: ['admin'],
    district: 'norrmalm',
    what: 'Norrmalm only: its plans, overview row and audit log; adopt/return',
  },
  {
    username: 'admin',
    displayName: 'Kim Andersson',
    roles: ['admin'],
    district: null,
    what: 'city-wide: overview, every plan, adopt/return',
  },
  {
    username: 'auditor',
    displayName: 'Robin Ek',
    roles: ['auditor'],
    district: null,
    what: 'city-wide read-only: overview, every plan, audit log',
  },
]

/**
 * The demo database's plans: core's two example plans, one per seed district. Rinkeby-Kista's is the weak
 * plan of 2017 (no effect indicators, risks not handled, a passed year): a plan with errors cannot be
 * submitted, so the demo holds it as a draft, not as a submitted plan; only a plan without errors is
 * ever submitted or adopted (demo-mode.test.ts holds the seed to that).
 */
export const DEMO_PLANS: readonly PlanInput[] = EXAMPLE_PLANS.map((p) => (p.district === 'rinkeby-kista' ? { ...p, status: 'draft' } : p))

/** The demo plans still in the database (saved first by the seed), in words: a production start refuses them. */
export function demoDataPresent(): Effect.Effect<string[], DatabaseError, Db> {
  return query('demo.present', async (db: Kysely<Tables>) => {
    const rows = await db
      .selectFrom('pe_plan_versions')
      .select('plan_id')
      .where('version', '=', 1)
      .where('saved_by', '=', 'demo-seed')
      .execute()
    return rows.map((r) => `demo plan ${r.plan_id}`)
  })
}

/**
 * Seeds the demo users once, when there are no users yet (never again afterwards: a
 * changed password stays changed), and the demo plans when there are no plans yet.
 * Returns what it did.
 */
export function seedDemo(): Effect.Effect<{ users: number; plans: number }, DatabaseError | Conflict, Db | Clock> {
  // One process at a time, so two servers starting together on one database seed it once.
  return exclusively(
    'plan-editor demo seed',
    Effect.gen(function* () {
      const counts = yield* query('demo.count', async (db: Kysely<Tables>) => {
        const users = await db
          .selectFrom('vbe_users')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
        const plans = await db
          .selectFrom('pe_plans')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
        return { users: Number(users.n), plans: Number(plans.n) }
      })
      let users = 0
      let plans = 0
      if (counts.users === 0) {
        for (const u of DEMO_USERS) {
          const created = yield* createUserIfMissing({
            username: u.username,
            displayName: u.displayName,
            password: DEMO_PASSWORD,
            roles: u.roles,
            district: u.district,
            demo: true,
          })
          if (created) users++
        }
      }
      if (counts.plans === 0) {
        for (const p of DEMO_PLANS) {
          yield* insertPlan('demo-seed', p, null, 'create')
          plans++
        }
      }
      return { users, plans }
    }),
  )
}
