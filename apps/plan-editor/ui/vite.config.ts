import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** Builds the UI into dist/ui; the Node server serves it with a strict CSP (no inline scripts). */
export default defineConfig({
  root: import.meta.dirname,
  // JSX through Vite's own oxc transform: no React plugin (its hoisted copy breaks Storybook's build).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { conditions: ['@vbe/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: resolve(import.meta.dirname, '..', 'dist', 'ui'),
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4330' } },
})
