export { createGrantApp, openGrantDatabase, seedDemoData, UI_DIST } from './app.js'
export { DEMO_PASSWORD, DEMO_USERS, demoApplication } from './demo.js'
export { grantMigrations, type Tables } from './schema.js'
export { Plugins, rescreenOpenCases, type RescreenRun } from './cases.js'
