// ESLint for the whole repository (flat config). Every project has a `lint` target (inferred by
// `@nx/eslint/plugin`, set up in nx.json's targetDefaults) that runs `eslint <project folder>`
// from the root with this file.
// Formatting is Prettier's job (`.prettierrc.json`); `eslint-config-prettier` comes last so
// that no rule here argues with it.
import js from '@eslint/js'
import nx from '@nx/eslint-plugin'
import prettier from 'eslint-config-prettier'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Type-aware rules (typescript-eslint's recommendedTypeChecked) are opt-in: VBE_LINT_TYPED=1.
// On this repository they took 6.4 times the CPU time of the plain rules (2 min 48 s against
// 26 s for one ESLint process over the whole tree), too slow for every test run on 2 cores.
const typeAware = process.env.VBE_LINT_TYPED === '1'

// The dependency direction (engineering.md): apps → server-kit/web-kit/ui → plugins → core.
// The installed districts (@vbe/districts, the one list of the plugins this city installs) sit
// just above the plugins, so that the kits and the apps, browser and server alike, can use them.
// Tags come from each package.json's `nx.tags`. Tools (bench, scripts, package health)
// may depend on anything; the test helpers depend on nothing of ours and may be used by
// any project's tests. Nothing but a tool depends on an app.
const kits = ['scope:server', 'scope:web', 'scope:ui']
const depConstraints = [
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:plugin', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:installation', onlyDependOnLibsWithTags: ['scope:plugin', 'scope:core', 'scope:test'] },
  ...kits.map((sourceTag) => ({ sourceTag, onlyDependOnLibsWithTags: ['scope:installation', 'scope:plugin', 'scope:core', 'scope:test'] })),
  { sourceTag: 'app', onlyDependOnLibsWithTags: [...kits, 'scope:installation', 'scope:plugin', 'scope:core', 'scope:test'] },
  // A published package may only depend on published packages (npm could not install the rest).
  { sourceTag: 'published', onlyDependOnLibsWithTags: ['published'] },
  { sourceTag: 'scope:test', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
]

const testFiles = ['**/test/**', '**/*.test.{ts,tsx}']
const sourceFiles = ['**/*.{ts,tsx,mts,cts}']
const scriptFiles = ['**/*.{js,mjs,cjs}']
// Files that no project's tsconfig includes (build and test configs, plain JS scripts):
// linted without type information.
const untypedFiles = [...scriptFiles, '**/{vite,vitest,tsup}.config.ts', '**/.storybook/**', 'vitest.shared.ts']
// Every project's vitest config imports the shared one at the root, which belongs to no project.
// (`allow` takes a regular expression here.)
const allow = ['^(\\.\\./)+vitest\\.shared$']

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/coverage/',
    '**/.reports/',
    '**/storybook-static/',
    '**/data/',
    '.nx/',
    'docs/',
    // Deliberately broken code for the test of this configuration (tools/scripts/test/lint-config.test.ts).
    'tools/scripts/test/fixtures/',
    '**/*.d.ts',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
  },

  js.configs.recommended,
  ...(typeAware ? tseslint.configs.recommendedTypeChecked : tseslint.configs.recommended).map((config) => ({
    ...config,
    files: config.files ?? [...sourceFiles, ...scriptFiles],
  })),
  {
    files: sourceFiles,
    languageOptions: {
      parserOptions: typeAware ? { projectService: true, tsconfigRootDir: import.meta.dirname } : {},
    },
  },
  ...(typeAware ? [{ ...tseslint.configs.disableTypeChecked, files: untypedFiles }] : []),

  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          // Resolve our own packages to their `src/` (the `@vbe/source` condition), so that a
          // cycle through another package is seen, and `./x.js` to the `./x.ts` beside it.
          conditionNames: ['@vbe/source', 'types', 'import', 'default'],
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow, depConstraints }],
      // Cycles between two files of one package (nx's rule above sees only cycles between projects).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Tests use their own package by its public name, as a user would. They may read JSON
  // bodies as `any`: every response they receive is checked against the app's OpenAPI
  // document (@vbe/test-openapi), which is where its shape is held.
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': ['error', { allow, depConstraints, allowCircularSelfDependency: true }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  // The domain does no I/O: no Node built-ins in core's source (its tests may read files).
  {
    files: ['packages/core/src/**'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: '@vbe/core does no I/O: pass data in instead of reading it here.' },
            { group: ['fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'process'], message: '@vbe/core does no I/O.' },
          ],
        },
      ],
    },
  },

  // React: the rules of hooks for every component file.
  {
    ...reactHooks.configs.flat.recommended,
    files: ['**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/*/ui/src/**', 'packages/ui/src/**', 'packages/ui/.storybook/**', 'apps/info-widget/src/**', 'packages/web-kit/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  prettier,
)
