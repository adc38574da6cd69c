/** The plan editor app: `createPlanApp` (API + UI), its migrations and demo data. */
export { createPlanApp, defaultUiDir, type PlanAppOptions } from './api.js'
export { planMigrations, type Tables } from './db.js'
export { DEMO_PASSWORD, DEMO_USERS, DEMO_PLANS, seedDemo } from './demo.js'
export * from './service.js'
export { planMarkdown, planHtml, planPdf, redlineMarkdown } from './export/index.js'
export { startServer, type StartOptions, type RunningServer } from './server.js'
