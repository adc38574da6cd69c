import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Effect } from 'effect'
import { Clock, Db, kitMigrations, openDatabase, systemClock, type Database, type DatabaseConfig } from '@vbe/server-kit'
import { createPlanApp } from './api.js'
import { planMigrations } from './db.js'
import { seedDemo } from './demo.js'

export interface StartOptions {
  readonly config: DatabaseConfig
  readonly port?: number
  readonly hostname?: string
  readonly clock?: { readonly now: () => Date }
  readonly uiDir?: string | null
  /** Seed the demo users and plans into an empty database. Default true. */
  readonly seed?: boolean
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly database: Database
  readonly seeded: { users: number; plans: number }
  close(): Promise<void>
}

/** Opens the database (running migrations), seeds demo data when empty, and listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const database = await openDatabase(options.config, [kitMigrations, planMigrations])
  const clock = options.clock ?? systemClock
  const seeded =
    options.seed === false
      ? { users: 0, plans: 0 }
      : await Effect.runPromise(seedDemo().pipe(Effect.provideService(Db, { kysely: database.kysely }), Effect.provideService(Clock, clock)))
  const app = createPlanApp({ database, clock, ...(options.uiDir === undefined ? {} : { uiDir: options.uiDir }) })
  const hostname = options.hostname ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`,
    port,
    database,
    seeded,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await database.close()
    },
  }
}
