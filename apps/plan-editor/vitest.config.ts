import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

export default defineProject(
  sharedTestConfig(import.meta.dirname, {
    globalSetup: ['@vbe/test-postgres/global-setup'],
    // Browser tests start Chromium and build the UI; on 2 shared cores give them time.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  }),
)
