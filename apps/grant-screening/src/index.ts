/** The grant-screening app: `createGrantApp` (API + UI), its database, migrations and demo data. */
export { createGrantApp, openGrantDatabase, registerRoutes, seedDemoData, UI_DIST, UI_ROUTES, type GrantAppOptions } from './server.js'
export { IMPORT_BODY_LIMIT } from './server.js'
export { DEMO_PASSWORD, DEMO_USERS, demoApplication } from './demo.js'
export { grantMigrations } from './db/migrations/index.js'
export type { Tables } from './db/tables.js'
export { Plugins, rescreenOpenCases, type RescreenRun } from './cases/index.js'
export { recordCatalogue, saveReasons, screeningRow } from './screenings/store.js'
