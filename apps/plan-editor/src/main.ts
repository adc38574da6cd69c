import { main } from '@vbe/server-kit'
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js'
import { createPlanApp, openPlanDatabase, seedDemoData } from './server.js'

await main({
  name: 'plan-editor',
  title: 'Plan editor',
  defaultPort: 4330,
  openDatabase: openPlanDatabase,
  createApp: (database) => createPlanApp({ database }),
  demo: {
    password: DEMO_PASSWORD,
    users: DEMO_USERS,
    seed: async (database) => {
      const seeded = await seedDemoData(database)
      return seeded.users || seeded.plans ? `seeded ${seeded.users} demo users and ${seeded.plans} demo plans` : undefined
    },
  },
})
