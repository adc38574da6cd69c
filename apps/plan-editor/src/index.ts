/** The plan editor app: `createPlanApp` (API + UI), its migrations and demo data. */
export {
  createPlanApp,
  defaultUiDir,
  startServer,
  UI_ROUTES,
  type PlanAppOptions,
  type RunningServer,
  type StartOptions,
} from './server.js'
export { planMigrations } from './db/migrations/index.js'
export type { Tables } from './db/tables.js'
export { DEMO_PASSWORD, DEMO_USERS, DEMO_PLANS, seedDemo } from './demo.js'
export * from './plans/index.js'
export { planMarkdown, planHtml, planPdf, redlineMarkdown } from './export/index.js'
