import { Effect } from 'effect'
import { Db, main } from '@vbe/server-kit'
import { DEMO_PASSWORD, DEMO_USERS, demoDataPresent } from './demo.js'
import { DISTRICT_PLUGINS } from '@vbe/districts'
import { createPlanApp, openPlanDatabase, seedDemoData } from './server.js'

await main({
  name: 'plan-editor',
  title: 'Plan editor',
  defaultPort: 4330,
  districts: DISTRICT_PLUGINS.map((p) => p.id),
  openDatabase: openPlanDatabase,
  createApp: (database, kit) => createPlanApp({ database, ...kit }),
  demo: {
    password: DEMO_PASSWORD,
    users: DEMO_USERS,
    seed: async (database) => {
      const seeded = await seedDemoData(database)
      return seeded.users || seeded.plans ? `seeded ${seeded.users} demo users and ${seeded.plans} demo plans` : undefined
    },
    present: (database) => Effect.runPromise(demoDataPresent().pipe(Effect.provideService(Db, { kysely: database.kysely }))),
  },
})
