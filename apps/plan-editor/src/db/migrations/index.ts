import type { MigrationSet } from '@vbe/server-kit'
import { plansMigration } from './001-plans.js'

/** The plan-editor migrations, in order. Each file is frozen once it has run anywhere. */
export const planMigrations: MigrationSet = {
  name: 'plans',
  migrations: {
    '001-plans': plansMigration,
  },
}
