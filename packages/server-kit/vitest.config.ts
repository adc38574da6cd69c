import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

export default defineProject(
  sharedTestConfig(import.meta.dirname, {
    globalSetup: ['@vbe/test-postgres/global-setup'],
    hookTimeout: 120_000,
  }),
)
