import { resolve } from 'node:path'
import { describe } from 'vitest'
import { demoModeSuite } from '@vbe/server-kit/testing'
import { DEMO_PASSWORD } from '../src/index.js'
import { openPlanDatabase } from '../src/server.js'

// Finding 1 of issue 16: demo users must never be reset (the plan editor already kept a changed password; now tested).
describe('plan editor demo mode (real processes, PGlite on disk)', () => {
  demoModeSuite({
    entry: resolve(import.meta.dirname, '../src/main.ts'),
    title: 'Plan editor',
    openDatabase: openPlanDatabase,
    demoPassword: DEMO_PASSWORD,
    username: 'admin',
  })
})
