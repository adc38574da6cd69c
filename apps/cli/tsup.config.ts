import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { vbe: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
  // The workspace packages are bundled from their built dist; third-party deps stay external.
  external: ['commander', 'zod'],
})
