import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Effect } from 'effect'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { Clock, createApi, Db, kitMigrations, openDatabase, registerDocs, type AuthPolicy, type Database, type DatabaseConfig } from '@vbe/server-kit'
import { Plugins } from './cases.js'
import { seedDemo } from './demo.js'
import { installedPlugins } from './plugins.js'
import { registerRoutes } from './routes.js'
import { grantMigrations, type Tables } from './schema.js'

export const UI_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../ui/dist')

export interface GrantAppOptions {
  readonly database: Database<Tables>
  readonly plugins?: ComposedPlugins
  readonly clock?: { readonly now: () => Date }
  readonly authPolicy?: AuthPolicy
  readonly secureCookies?: boolean
  /** The built UI to serve; default `ui/dist`. */
  readonly uiDir?: string
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2' }

/** The grant-screening app: API under /api, docs at /api/docs, and the UI at /. */
export function createGrantApp(options: GrantAppOptions) {
  const plugins = options.plugins ?? installedPlugins
  const app = createApi({ database: options.database, ...(options.clock ? { clock: options.clock } : {}), ...(options.authPolicy ? { authPolicy: options.authPolicy } : {}), ...(options.secureCookies === undefined ? {} : { secureCookies: options.secureCookies }) })
  registerRoutes(app, plugins)
  registerDocs(app, {
    title: 'VBE grant screening',
    version: '0.1.0',
    description: 'Intake, screening, four-eyes decisions, letters, follow-up, audit and GDPR tools for association grants. Errors are application/problem+json. Unsafe requests need the X-CSRF-Token header from GET /api/session.',
  })
  const uiDir = options.uiDir ?? UI_DIST
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound()
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '')
    const file = join(uiDir, rel)
    if (file.startsWith(uiDir) && extname(file) && existsSync(file)) {
      return c.body(await readFile(file), 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' })
    }
    const index = join(uiDir, 'index.html')
    if (!existsSync(index)) return c.html('<!doctype html><html lang="en"><title>Grant screening</title><main><h1>The UI is not built</h1><p>Run <code>npm run build -w @vbe/grant-screening</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></html>', 503)
    return c.html(await readFile(index, 'utf8'), 200, { 'cache-control': 'no-cache' })
  })
  return app
}

/** Opens (and migrates) the app's database. */
export function openGrantDatabase(config: DatabaseConfig): Promise<Database<Tables>> {
  return openDatabase<Tables>(config, [kitMigrations, grantMigrations])
}

/** Seeds demo users and cases (idempotent). */
export function seedDemoData(database: Database<Tables>, options: { plugins?: ComposedPlugins; clock?: { now: () => Date } } = {}): Promise<void> {
  return Effect.runPromise(
    seedDemo().pipe(
      Effect.provideService(Db, { kysely: database.kysely }),
      Effect.provideService(Clock, options.clock ?? { now: () => new Date() }),
      Effect.provideService(Plugins, options.plugins ?? installedPlugins),
    ),
  )
}
