import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'strategy/index': 'src/strategy/index.ts',
    'plugins/index': 'src/plugins/index.ts',
    'grants/index': 'src/grants/index.ts',
    'plans/index': 'src/plans/index.ts',
    'calendar/index': 'src/shared/calendar/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
})
