import { Effect } from 'effect'
import {
  Clock,
  Db,
  kitMigrations,
  listen,
  openDatabase,
  systemClock,
  type Database,
  type DatabaseConfig,
  type OpenOptions,
  registerAuditRoutes,
  registerSignIn,
} from '@vbe/server-kit'
import { resolve } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { createApi, kitOptionsOf, registerDocs, serveUi, type AppKitOptions, type KitEnv } from '@vbe/server-kit'
import { DISTRICT_PLUGINS } from '@vbe/districts'
import { planAuditEntityLabels, planAuditReference, planAuditUnknownReference } from './db/audit-labels.js'
import { planAuditReconcilers } from './db/audit-reconcile.js'
import { planMigrations } from './db/migrations/index.js'
import { registerExportRoutes } from './routes/exports.js'
import { registerFollowUpRoutes } from './routes/follow-up.js'
import { registerMetaRoutes } from './routes/meta.js'
import { registerOverviewRoutes } from './routes/overview.js'
import { registerPlanRoutes } from './routes/plans.js'
import { registerVersionRoutes } from './routes/versions.js'
import { registerWorkflowRoutes } from './routes/workflow.js'
import { seedDemo } from './demo.js'

/** The kit's options (the database, and the settings `main()` reads from the environment), and the app's own. */
export interface PlanAppOptions extends AppKitOptions {
  /** The built UI (vite build output). When missing, only the API is served. */
  readonly uiDir?: string | null
}

/** The plan editor's Hono app: the API (server-kit session, errors and audit) and the built UI. */
export function createPlanApp(options: PlanAppOptions): OpenAPIHono<KitEnv> {
  const app = createApi({
    ...kitOptionsOf(options),
    districts: DISTRICT_PLUGINS.map((p) => p.id),
  })
  registerSignIn(app)
  registerMetaRoutes(app)
  registerPlanRoutes(app)
  registerWorkflowRoutes(app)
  registerFollowUpRoutes(app)
  registerVersionRoutes(app)
  registerExportRoutes(app, options.clock)
  registerOverviewRoutes(app)
  registerAuditRoutes(app, {
    reconcilers: planAuditReconcilers,
    entityLabels: planAuditEntityLabels,
    resolveReference: planAuditReference,
    unknownReference: planAuditUnknownReference,
  })
  registerDocs(app, {
    title: 'VBE plan editor',
    version: '0.1.0',
    description:
      'Local action plans against violent extremism: templates, analysis, workflow with återremiss, tertial follow-up, central overview, export and redline. Errors are application/problem+json naming each field, in Swedish or English (Accept-Language). Log in with POST /api/session; unsafe requests need the X-CSRF-Token header from the session, and changes to a plan need If-Match.',
    tags: [
      { name: 'meta', description: 'Whether the server runs' },
      { name: 'plans', description: 'Plans, their templates, analysis and export' },
      { name: 'workflow', description: 'Submitting, adopting, returning (återremiss) and revising a plan' },
      { name: 'follow-up', description: 'Tertial follow-up of the plan’s indicators' },
      { name: 'versions', description: 'Saved versions of a plan and the redline between them' },
      { name: 'overview', description: 'The central overview of every district’s plan and situation picture' },
      { name: 'audit', description: 'The hash-chained audit log and its verification' },
    ],
  })

  const uiDir = options.uiDir === undefined ? defaultUiDir() : options.uiDir
  if (uiDir) serveUi(app, { dir: uiDir, title: 'Plan editor', buildCommand: 'npm run build -w @vbe/plan-editor', routes: UI_ROUTES })
  return app
}

/** The UI's pages on the server: one page, whose views are hash routes (`#/plan/<id>`, `#/overview`; ui/src/App.tsx). */
export const UI_ROUTES = ['/'] as const

/** `dist/ui` next to `src`. */
export function defaultUiDir(): string {
  return resolve(import.meta.dirname, '..', 'dist', 'ui')
}

export interface StartOptions {
  readonly config: DatabaseConfig
  readonly port?: number
  readonly hostname?: string
  readonly clock?: { readonly now: () => Date }
  readonly uiDir?: string | null
  /** Seed the demo users and plans into an empty database. Default true. */
  readonly seed?: boolean
  /** Default false: this server speaks plain http. */
  readonly secureCookies?: boolean
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly database: Database
  readonly seeded: { users: number; plans: number }
  close(): Promise<void>
}

/** Opens (and migrates) the plan editor's database. */
export function openPlanDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  return openDatabase(config, [kitMigrations, planMigrations], options)
}

/** Seeds the demo users and plans into an empty database; says what it seeded. */
export function seedDemoData(
  database: Database,
  clock: { readonly now: () => Date } = systemClock,
): Promise<{ users: number; plans: number }> {
  return Effect.runPromise(
    seedDemo().pipe(Effect.provideService(Db, { kysely: database.kysely, audit: database.audit }), Effect.provideService(Clock, clock)),
  )
}

/** Opens the database (running migrations), seeds demo data when empty, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database = await openPlanDatabase(options.config)
  const clock = options.clock ?? systemClock
  const seeded = options.seed === false ? { users: 0, plans: 0 } : await seedDemoData(database, clock)
  // Plain http on loopback (tests, embedding): the session cookie cannot be Secure here
  // unless asked; `main()` (npm start, production) is Secure unless VBE_INSECURE_COOKIES=1.
  const app = createPlanApp({
    database,
    clock,
    secureCookies: options.secureCookies ?? false,
    ...(options.uiDir === undefined ? {} : { uiDir: options.uiDir }),
  })
  const server = await listen(app.fetch, { port: options.port ?? 0, hostname: options.hostname ?? '127.0.0.1' })
  return {
    url: server.url,
    port: server.port,
    database,
    seeded,
    close: async () => {
      await server.close()
      await database.close()
    },
  }
}
