import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Effect } from 'effect'
import type { ComposedPlugins } from '@vbe/core/plugins'
import type { OpenAPIHono } from '@hono/zod-openapi'
import {
  Clock,
  createApi,
  Db,
  kitMigrations,
  kitOptionsOf,
  openDatabase,
  registerDocs,
  serveUi,
  type AppKitOptions,
  type Database,
  type DatabaseConfig,
  type KitEnv,
  type OpenOptions,
  registerAuditRoutes,
  registerSignIn,
} from '@vbe/server-kit'
import { Plugins } from './cases/index.js'
import { seedDemo } from './demo.js'
import { installedPlugins } from '@vbe/districts'
import { grantAuditEntityLabels, grantAuditReference } from './db/audit-labels.js'
import { grantAuditReconcilers } from './db/audit-reconcile.js'
import { grantMigrations } from './db/migrations/index.js'
import type { Tables } from './db/tables.js'
import { registerCaseRoutes } from './routes/cases.js'
import { registerDecisionRoutes } from './routes/decisions.js'
import { registerFollowUpRoutes } from './routes/follow-up.js'
import { registerIntakeRoutes } from './routes/intake.js'
import { registerLetterRoutes } from './routes/letters.js'
import { registerMetaRoutes } from './routes/meta.js'
import { registerPeopleRoutes } from './routes/people.js'
import { registerRescreenRoutes } from './routes/rescreen.js'

export const UI_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../ui/dist')
/** The largest bulk import (CSV or JSON) the server takes: 20 MB, some 20 000 applications. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024

/** The UI's pages on the server: one page, whose views are hash routes (`#/cases/<id>`, ui/src/router.ts). */
export const UI_ROUTES = ['/'] as const

/** The kit's options (the database, and the settings `main()` reads from the environment), and the app's own. */
export interface GrantAppOptions extends AppKitOptions<Tables> {
  readonly plugins?: ComposedPlugins
  /** The built UI to serve; default `ui/dist`. */
  readonly uiDir?: string
}

/** Every API area's routes, in the order they are matched and documented. */
export function registerRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  registerSignIn(app)
  registerMetaRoutes(app, plugins)
  registerCaseRoutes(app, plugins)
  registerIntakeRoutes(app, plugins)
  registerDecisionRoutes(app, plugins)
  registerLetterRoutes(app, plugins)
  registerFollowUpRoutes(app, plugins)
  registerRescreenRoutes(app, plugins)
  registerAuditRoutes(app, {
    reconcilers: grantAuditReconcilers,
    entityLabels: grantAuditEntityLabels,
    resolveReference: grantAuditReference,
  })
  registerPeopleRoutes(app, plugins)
}

/** The grant-screening app: API under /api, docs at /api/docs, and the UI at /. */
export function createGrantApp(options: GrantAppOptions) {
  const plugins = options.plugins ?? installedPlugins
  const app = createApi({
    ...kitOptionsOf(options),
    districts: plugins.plugins.map((p) => p.id),
    // 1 MB for every request (the kit's default), more only for a bulk import.
    bodyLimits: { paths: { '/api/cases/import': IMPORT_BODY_LIMIT } },
  })
  registerRoutes(app, plugins)
  registerDocs(app, {
    title: 'VBE grant screening',
    version: '0.1.0',
    description:
      'Intake, screening, four-eyes decisions, letters, follow-up, audit and GDPR tools for association grants. Errors are application/problem+json naming each field, in Swedish or English (Accept-Language). Log in with POST /api/session; unsafe requests need the X-CSRF-Token header from the session.',
    tags: [
      { name: 'meta', description: 'Whether the server runs' },
      {
        name: 'cases',
        description: 'Intake, screening and the case: the queue, applications, declarations of conflict of interest, evidence and notes',
      },
      { name: 'decisions', description: 'Decisions with reasons, the second approval (four eyes) and the decision letter' },
      { name: 'follow-up', description: 'The association’s report on the grant, and reclaiming money (återkrav)' },
      { name: 'rules', description: 'Re-screening open cases when the rules change, and the flips it found' },
      { name: 'audit', description: 'The hash-chained audit log and its verification' },
      { name: 'gdpr', description: 'Finding, exporting and erasing a person’s data (GDPR art. 15 and 17)' },
    ],
  })
  serveUi(app, {
    dir: options.uiDir ?? UI_DIST,
    title: 'Grant screening',
    buildCommand: 'npm run build -w @vbe/grant-screening',
    routes: UI_ROUTES,
  })
  return app
}

/** Opens (and migrates) the app's database. */
export function openGrantDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database<Tables>> {
  return openDatabase<Tables>(config, [kitMigrations, grantMigrations], options)
}

/** Seeds demo users and cases (idempotent). */
export function seedDemoData(
  database: Database<Tables>,
  options: { plugins?: ComposedPlugins; clock?: { now: () => Date } } = {},
): Promise<void> {
  return Effect.runPromise(
    seedDemo().pipe(
      Effect.provideService(Db, { kysely: database.kysely, audit: database.audit }),
      Effect.provideService(Clock, options.clock ?? { now: () => new Date() }),
      Effect.provideService(Plugins, options.plugins ?? installedPlugins),
    ),
  )
}
