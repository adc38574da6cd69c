// A server for the benchmark, in its own process: `hello` (a bare Hono hello-world, the
// baseline) or `app` (the grant-screening app on in-memory PGlite with 1 000 cases).
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createGrantApp, DEMO_PASSWORD, demoApplication, openGrantDatabase, seedDemoData } from '@vbe/grant-screening'
import { passwordLogin } from '@vbe/test-openapi/login'

const kind = process.argv[2]
let fetchHandler: (req: Request) => Response | Promise<Response>
if (kind === 'hello') {
  const app = new Hono()
  app.get('/', (c) => c.text('Hello, world'))
  fetchHandler = app.fetch
} else {
  const database = await openGrantDatabase({ kind: 'pglite', dataDir: null })
  await seedDemoData(database)
  const app = createGrantApp({
    database,
    secureCookies: false,
    authPolicy: { sessionMs: 3600_000, maxFailuresPerUser: 5, maxFailuresPerAddress: 30, windowMs: 60_000 },
  })
  fetchHandler = app.fetch
  // 1 000 cases in the queue, through the import endpoint.
  // Logged in through the app itself, before it listens.
  const { cookie, csrfToken } = await passwordLogin('http://localhost', 'officer.rk', DEMO_PASSWORD, (input, init) =>
    app.request(input, init),
  )
  const items = Array.from({ length: 1000 }, (_, i) => ({
    application: demoApplication(`bench-${i}`, { amountRequested: 10_000 + ((i * 7919) % 120_000) }),
  }))
  const res = await app.request('http://localhost/api/cases/import', {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(items),
  })
  if (res.status !== 200) throw new Error(`seeding failed: ${res.status}`)
  process.stdout.write(`SESSION ${cookie} ${csrfToken}\n`)
}
const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
  process.stdout.write(`PORT ${info.port}\n`),
)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
