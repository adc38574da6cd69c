import type { TestProject } from 'vitest/node'
import { startPostgres } from './index.js'
import type {} from './provided-context.js'

/**
 * vitest globalSetup: starts one throwaway PostgreSQL server for the whole test run and
 * provides its URL as `postgresUrl`. In a vitest.config.ts:
 *
 *     test: { globalSetup: ['@vbe/test-postgres/global-setup'] }
 *
 * and in a test file:
 *
 *     import { inject } from 'vitest'
 *     import { createDatabase } from '@vbe/test-postgres'
 *     const url = await createDatabase(inject('postgresUrl'))   // a fresh database per file
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres()
  project.provide('postgresUrl', server.url)
  return async () => {
    await server.stop()
  }
}
