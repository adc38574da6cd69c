import { Effect } from 'effect'
import { exampleApplication, type ApplicationInput } from '@vbe/core/grants'
import { createUserIfMissing, CurrentUser, exclusively, query, type Role } from '@vbe/server-kit'
import { createCase, type PersonInput } from './cases/index.js'

/** The demo password of every demo user (README, `npm start`). Never use demo users in production. */
export const DEMO_PASSWORD = 'demo-password-2026'

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; district: string | null }> = [
  { username: 'officer.rk', displayName: 'Amina Yusuf', roles: ['officer'], district: 'rinkeby-kista' },
  { username: 'officer2.rk', displayName: 'Erik Lind', roles: ['officer'], district: 'rinkeby-kista' },
  { username: 'approver.rk', displayName: 'Sara Nilsson', roles: ['approver'], district: 'rinkeby-kista' },
  { username: 'officer.nm', displayName: 'Lars Berg', roles: ['officer'], district: 'norrmalm' },
  { username: 'approver.nm', displayName: 'Maria Holm', roles: ['approver'], district: 'norrmalm' },
  { username: 'officer-approver.rk', displayName: 'Nadia Karimi', roles: ['officer', 'approver'], district: 'rinkeby-kista' },
  { username: 'officer-approver.nm', displayName: 'Olof Strand', roles: ['officer', 'approver'], district: 'norrmalm' },
  { username: 'admin.rk', displayName: 'Hanna Sjöberg', roles: ['admin'], district: 'rinkeby-kista' },
  { username: 'admin.nm', displayName: 'Johan Lindqvist', roles: ['admin'], district: 'norrmalm' },
  { username: 'admin', displayName: 'Kim Andersson', roles: ['admin'], district: null },
  { username: 'auditor', displayName: 'Robin Ek', roles: ['auditor'], district: null },
]

/** A complete, eligible Rinkeby-Kista application (core's example); the demo cases vary it. */
export function demoApplication(id: string, patch: Partial<ApplicationInput> = {}): ApplicationInput {
  return exampleApplication({ id, ...patch })
}

const DEMO_CASES: ReadonlyArray<{ application: ApplicationInput; persons: PersonInput[] }> = [
  {
    application: demoApplication('demo-2026-001'),
    persons: [
      { role: 'contact', name: 'Demo Kontaktperson', email: 'kontakt@example.org', phone: '08-000 00 01' },
      { role: 'chair', name: 'Demo Ordförande' },
    ],
  },
  {
    application: demoApplication('demo-2026-002', {
      amountRequested: 80_000,
      association: {
        name: 'Husby Schackklubb',
        organisationNumber: '802500-0004',
        activitySince: '2015-01-10',
        bankAccount: { kind: 'plusgiro', number: '123 45 67-8', holderIsAssociation: true },
      },
      evidence: [
        {
          id: 't1',
          conduct: 'coercion',
          actor: 'organisation',
          withinActivities: true,
          verified: false,
          date: '2026-06-01',
          source: { kind: 'tip', reference: 'Tips till förvaltningen' },
        },
      ],
    }),
    persons: [{ role: 'contact', name: 'Demo Sekreterare', email: 'sekreterare@example.org' }],
  },
  {
    application: demoApplication('demo-2026-003', {
      amountRequested: 150_000,
      association: {
        name: 'Rinkeby Kulturförening',
        organisationNumber: '802600-0003',
        activitySince: '2025-09-01',
        bankAccount: { kind: 'bankgiro', number: '5050-2000', holderIsAssociation: false },
      },
    }),
    persons: [{ role: 'treasurer', name: 'Demo Kassör', phone: '070-000 00 03' }],
  },
]

/** The application references of the demo cases, to find them again (a production start refuses them). */
export const DEMO_CASE_REFS: readonly string[] = DEMO_CASES.map((c) => c.application.id)

/** The demo data still in the database, in words: a production start refuses to run with any. */
export function demoDataPresent() {
  return query('demo.present', async (db) => {
    const rows = await db.selectFrom('gs_cases').select('application_ref').where('application_ref', 'in', DEMO_CASE_REFS).execute()
    return rows.map((r) => `demo case ${r.application_ref}`)
  })
}

/**
 * Seeds the demo users once (into a database without users: a user whose password was
 * changed, or who was removed, stays so) and, when the case table is empty, three Rinkeby-Kista demo
 * cases: one eligible, one that needs a human assessment (four eyes), one ineligible.
 * Norrmalm has no grant programme in its plugin (none could be sourced), so its users
 * see an empty queue.
 */
export function seedDemo() {
  // One process at a time, so two servers starting together on one database seed it once.
  return exclusively(
    'grant-screening demo seed',
    Effect.gen(function* () {
      const users = yield* query('demo.users', (db) =>
        db
          .selectFrom('vbe_users')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      )
      if (Number(users.n) === 0) for (const u of DEMO_USERS) yield* createUserIfMissing({ ...u, password: DEMO_PASSWORD, demo: true })
      const count = yield* query('demo.count', (db) =>
        db
          .selectFrom('gs_cases')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      )
      if (Number(count.n) > 0) return
      const officer = DEMO_USERS[0]!
      for (const c of DEMO_CASES) {
        yield* Effect.provideService(createCase(c.application, c.persons), CurrentUser, {
          id: 'demo-seed',
          username: officer.username,
          displayName: officer.displayName,
          roles: officer.roles,
          district: officer.district,
        })
      }
    }),
  )
}
