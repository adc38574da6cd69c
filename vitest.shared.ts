import { resolve } from 'node:path'
import type { UserWorkspaceConfig } from 'vitest/config'

/**
 * One vitest setup for every project: source-condition resolution (so tests run
 * against `src/` without a build) and a JSON report that `tools/scripts/test-summary.mjs`
 * adds up into the closing `N passed, N failed` line.
 */
export function sharedTestConfig(projectRoot: string, overrides: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  const conditions = ['@vbe/source']
  return {
    resolve: { conditions: [...conditions, 'module', 'browser', 'development|production'] },
    ssr: { resolve: { conditions: [...conditions, 'module', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: ['default', 'json'],
      outputFile: { json: resolve(projectRoot, '.reports/vitest.json') },
      testTimeout: 30_000,
      // The security log's stderr line for every refused request would bury the test output;
      // its table still records every event, and its own tests capture the line.
      env: { VBE_SECURITY_LOG_STDERR: '0' },
      ...overrides,
    },
  }
}
