import { resolve } from 'node:path'
import { describe } from 'vitest'
import { demoModeSuite } from '@vbe/server-kit/testing'
import { DEMO_PASSWORD, openGrantDatabase } from '../src/index.js'

// Finding 1 of issue 16: demo users were reset to the public password on every start.
describe('grant screening demo mode (real processes, PGlite on disk)', () => {
  demoModeSuite({
    entry: resolve(import.meta.dirname, '../src/main.ts'),
    title: 'Grant screening',
    openDatabase: openGrantDatabase,
    demoPassword: DEMO_PASSWORD,
    username: 'admin',
  })
})
