import { describeOpenApiFuzz, passwordLogin } from '@vbe/test-openapi'
import { DEMO_PASSWORD, startServer } from '../src/index.js'

// Every operation of the app's OpenAPI document, logged in as an officer and not (VBE_FUZZ_RUNS for a long run).
describeOpenApiFuzz('plan editor', {
  start: async () => {
    const server = await startServer({ config: { kind: 'pglite', dataDir: null }, uiDir: null })
    return { url: server.url, close: () => server.close() }
  },
  login: (url) => passwordLogin(url, 'officer.nm', DEMO_PASSWORD),
  knownValues: async (url, session) => {
    const headers = { cookie: session.cookie }
    const { items } = (await (await fetch(`${url}/api/plans`, { headers })).json()) as { items: { id: string }[] }
    const plan = (await (await fetch(`${url}/api/plans/${items[0]!.id}`, { headers })).json()) as {
      document: { activities: { id: string; indicators: { id: string }[] }[] }
    }
    const activity = plan.document.activities[0]
    return {
      id: items.slice(0, 2).map((p) => p.id),
      version: ['1'],
      activityId: activity ? [activity.id] : [],
      indicatorId: activity?.indicators[0] ? [activity.indicators[0].id] : [],
    }
  },
})
