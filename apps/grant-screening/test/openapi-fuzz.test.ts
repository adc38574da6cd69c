import { describeOpenApiFuzz, passwordLogin } from '@vbe/test-openapi'
import { DEMO_PASSWORD } from '../src/index.js'
import { startTestServer } from './support/server.js'

// Every operation of the app's OpenAPI document, logged in as an officer and not (VBE_FUZZ_RUNS for a long run).
describeOpenApiFuzz('grant screening', {
  start: async () => {
    const server = await startTestServer()
    return { url: server.url, close: () => server.stop() }
  },
  login: (url) => passwordLogin(url, 'officer.rk', DEMO_PASSWORD),
  knownValues: async (url, session) => {
    const res = await fetch(`${url}/api/cases`, { headers: { cookie: session.cookie } })
    const { items } = (await res.json()) as { items: { id: string }[] }
    return { id: items.slice(0, 2).map((c) => c.id) }
  },
})
