import { databaseConfigFromEnv } from '@vbe/server-kit'
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js'
import { startServer } from './server.js'

const port = Number(process.env['PORT'] ?? 4330)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env['PORT']}`)
const config = databaseConfigFromEnv('plan-editor')
const server = await startServer({ config, port, hostname: process.env['HOST'] ?? '127.0.0.1' })
console.log(`VBE plan editor: ${server.url}  (API docs: ${server.url}/api/docs)`)
console.log(`Database: ${server.database.describe}${server.seeded.users || server.seeded.plans ? ` — seeded ${server.seeded.users} demo users and ${server.seeded.plans} demo plans` : ''}`)
console.log(`Demo logins (password ${DEMO_PASSWORD}):`)
for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(12)} ${u.roles.join(',').padEnd(9)} ${(u.district ?? 'city-wide').padEnd(14)} ${u.what}`)
const stop = async () => {
  await server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
