import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * The grant-screening UI. The API server serves `ui/dist` under a strict CSP
 * (`script-src 'self'`), so the build has no inline scripts and no external resources.
 * In development, `vite --config ui/vite.config.ts` proxies `/api` to the API on :4320.
 */
export default defineConfig({
  root,
  base: '/',
  // JSX through Vite's own oxc transform: no React plugin (its hoisted copy breaks Storybook's build).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No inlined assets as data: URLs beyond what img-src allows; keep scripts as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:4320', changeOrigin: false } },
  },
})
