import { serve } from '@hono/node-server'
import { databaseConfigFromEnv } from '@vbe/server-kit'
import { createGrantApp, openGrantDatabase, seedDemoData } from './server.js'
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js'

const port = Number(process.env['PORT'] ?? 4320)
const host = process.env['HOST'] ?? '127.0.0.1'
const config = databaseConfigFromEnv('grant-screening')
const database = await openGrantDatabase(config)
const demo = process.env['VBE_DEMO'] !== '0'
if (demo) await seedDemoData(database)
const app = createGrantApp({ database })
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/`
  console.log(`Grant screening: ${url}  (API docs ${url}api/docs)`)
  console.log(`Database: ${database.describe}`)
  if (demo) {
    console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`)
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(12)} ${u.roles.join(', ').padEnd(9)} ${u.district ?? 'city-wide'}`)
  }
})
const stop = async () => {
  server.close()
  await database.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
