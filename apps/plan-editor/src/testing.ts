import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Builds the UI into a fresh temporary folder (for tests and benchmarks, so they never
 * run a stale bundle). Needs the dev dependencies (vite, @vitejs/plugin-react).
 */
export async function buildUi(): Promise<string> {
  const { build } = await import('vite')
  const outDir = mkdtempSync(join(tmpdir(), 'pe-ui-'))
  await build({
    configFile: resolve(import.meta.dirname, '..', 'ui', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  })
  return outDir
}
