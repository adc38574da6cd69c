import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

// One shared server for test/shared-server.test.ts; startPostgres.test.ts starts its own.
export default defineProject(
  sharedTestConfig(import.meta.dirname, { globalSetup: ['@vbe/test-postgres/global-setup'], hookTimeout: 60_000 }),
)
