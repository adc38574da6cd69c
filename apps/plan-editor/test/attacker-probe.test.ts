import { edgeProbe } from '@vbe/server-kit/testing'
import { DEMO_PASSWORD, startServer } from '../src/index.js'

// The attacker's walk of December 2026 (docs/security.md): headers on every answer, CSRF on every unsafe operation.
edgeProbe({
  name: 'plan editor',
  start: async () => {
    const server = await startServer({ config: { kind: 'pglite', dataDir: null }, uiDir: null })
    return { url: server.url, stop: () => server.close() }
  },
  users: ['officer.rk', 'officer.nm'],
  password: DEMO_PASSWORD,
  admins: ['admin.rk', 'admin.nm'],
  // The seeded Rinkeby-Kista plan.
  reference: async () => ({ known: 'Rinkeby-Kista 2017', unknown: 'Rinkeby-Kista 2099' }),
  documents: async (_url, officer) => {
    const [plan] = (await officer.send('GET', '/api/plans')).json<{ items: { id: string }[] }>().items
    return ['html', 'md'].map((format) => `/api/plans/${plan!.id}/export?format=${format}&lang=sv`)
  },
})
