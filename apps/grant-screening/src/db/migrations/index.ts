import type { MigrationSet } from '@vbe/server-kit'
import { casesMigration } from './001-cases.js'
import { screeningsApartMigration } from './002-screenings-apart.js'
import { decisionsMigration } from './003-decisions.js'
import { lettersMigration } from './004-letters.js'
import { lettersByDecisionMigration } from './005-letters-by-decision.js'

/** The grant-screening migrations, in order. Each file is frozen once it has run anywhere. */
export const grantMigrations: MigrationSet = {
  name: 'grants',
  migrations: {
    '001-cases': casesMigration,
    '002-screenings-apart': screeningsApartMigration,
    '003-decisions': decisionsMigration,
    '004-letters': lettersMigration,
    '005-letters-by-decision': lettersByDecisionMigration,
  },
}
