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
  // @vbe/districts has no dist (it is the list of installed plugins, read from source), so it is
  // bundled in; the core and plugin packages it imports stay external, from their dist.
  noExternal: ['@vbe/districts'],
})
