import { main } from '@vbe/server-kit'
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js'
import { createGrantApp, openGrantDatabase, seedDemoData } from './server.js'

await main({
  name: 'grant-screening',
  title: 'Grant screening',
  defaultPort: 4320,
  openDatabase: openGrantDatabase,
  createApp: (database) => createGrantApp({ database }),
  demo: { password: DEMO_PASSWORD, users: DEMO_USERS, seed: (database) => seedDemoData(database) },
})
