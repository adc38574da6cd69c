import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

export default defineProject(
  sharedTestConfig(import.meta.dirname, {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Browser tests share one Chromium per file; on 2 shared cores give them time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: each browser test file starts its own Chromium.
    fileParallelism: false,
  }),
)
