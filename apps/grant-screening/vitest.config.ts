import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

export default defineProject(
  sharedTestConfig(import.meta.dirname, {
    globalSetup: ['@vbe/test-postgres/global-setup'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The browser and crash tests start servers and Chromium; keep the 2-core machine calm.
    fileParallelism: false,
  }),
)
