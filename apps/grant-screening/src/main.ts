import { Effect } from 'effect'
import { Db, main } from '@vbe/server-kit'
import { DEMO_PASSWORD, DEMO_USERS, demoDataPresent } from './demo.js'
import { installedPlugins } from '@vbe/districts'
import { createGrantApp, openGrantDatabase, seedDemoData } from './server.js'

await main({
  name: 'grant-screening',
  title: 'Grant screening',
  defaultPort: 4320,
  districts: installedPlugins.plugins.map((p) => p.id),
  openDatabase: openGrantDatabase,
  createApp: (database, kit) => createGrantApp({ database, ...kit }),
  demo: {
    password: DEMO_PASSWORD,
    users: DEMO_USERS,
    seed: (database) => seedDemoData(database),
    present: (database) => Effect.runPromise(demoDataPresent().pipe(Effect.provideService(Db, { kysely: database.kysely }))),
  },
})
