import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

export default defineProject(
  sharedTestConfig(import.meta.dirname, {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // `storybook build` takes a while on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  }),
)
