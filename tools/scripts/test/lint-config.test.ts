/**
 * The lint configuration (eslint.config.mjs) does what it promises: it finds an import cycle
 * between two files of one package and between two packages, it holds the dependency
 * direction (apps → server-kit/web-kit/ui → plugins → core) and it keeps I/O out of core.
 *
 * The cycle between files is a real pair of files in `fixtures/` (ignored by the normal lint
 * run). The other cases are source text linted as if it sat at the given path, so nothing is
 * written into the packages.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createProjectGraphAsync } from '@nx/devkit'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures')

let eslint: ESLint

beforeAll(async () => {
  // The boundary rule reads nx's cached project graph; make sure there is one.
  await createProjectGraphAsync({ exitOnError: false })
  eslint = new ESLint({ cwd: root, ignore: false })
}, 120_000)

const rulesOf = (messages: Linter.LintMessage[]): Array<string | null> => messages.map((m) => m.ruleId)

/** Lints `code` as if it were the file at `path` (relative to the repository root). */
async function lintAs(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  if (!result) throw new Error(`ESLint returned no result for ${path}`)
  return result.messages
}

/** The messages of the module-boundary rule for one import written in the file at `path`. */
async function boundary(path: string, specifier: string): Promise<string[]> {
  const messages = await lintAs(path, `import * as dependency from '${specifier}'\n\nexport const used = dependency\n`)
  return messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message)
}

describe('import cycles', () => {
  it('are found between two files of one package', async () => {
    const results = await eslint.lintFiles([resolve(fixtures, 'cycle')])
    expect(results.map((r) => [r.filePath.slice(fixtures.length + 1), rulesOf(r.messages)])).toEqual([
      ['cycle/first.ts', ['import-x/no-cycle']],
      ['cycle/second.ts', ['import-x/no-cycle']],
    ])
  })

  it('are not reported where there is none', async () => {
    const results = await eslint.lintFiles([resolve(fixtures, 'no-cycle')])
    expect(results).toHaveLength(2)
    expect(results.flatMap((r) => r.messages)).toEqual([])
  })

  it('are found between two packages (core importing a plugin that imports core)', async () => {
    const messages = await boundary('packages/core/src/probe.ts', '@vbe/plugin-norrmalm')
    expect(messages.join('\n')).toMatch(/Circular dependency between "@vbe\/core" and "@vbe\/plugin-norrmalm"/)
  })
})

describe('the dependency direction', () => {
  it.each([
    ['a plugin on a kit', 'packages/plugin-norrmalm/src/probe.ts', '@vbe/ui'],
    ['a kit on another kit', 'packages/ui/src/probe.ts', '@vbe/server-kit'],
    ['an app on an app', 'apps/cli/src/probe.ts', '@vbe/info-widget/snippet'],
    ['a kit on an app', 'packages/server-kit/src/probe.ts', '@vbe/grant-screening'],
    ['a test helper on a package', 'tools/test-postgres/src/probe.ts', '@vbe/core'],
    ['a plugin on the installed districts', 'packages/plugin-norrmalm/src/probe.ts', '@vbe/districts'],
    ['the installed districts on a kit', 'packages/districts/src/probe.ts', '@vbe/web-kit'],
  ])('forbids %s', async (_, path, specifier) => {
    expect(await boundary(path, specifier)).toHaveLength(1)
  })

  it.each([
    ['a plugin on core', 'packages/plugin-norrmalm/src/probe.ts', '@vbe/core/plugins'],
    ['a kit on a plugin', 'packages/server-kit/src/probe.ts', '@vbe/plugin-norrmalm'],
    ['the installed districts on a plugin', 'packages/districts/src/probe.ts', '@vbe/plugin-norrmalm'],
    ['a browser kit on the installed districts', 'packages/web-kit/src/probe.ts', '@vbe/districts'],
    ['an app on the installed districts', 'apps/plan-editor/src/probe.ts', '@vbe/districts'],
    ['an app on a kit', 'apps/info-widget/src/probe.ts', '@vbe/ui'],
    ['a kit on a test helper', 'packages/server-kit/test/probe.ts', '@vbe/test-postgres'],
    ['a tool on an app', 'tools/scripts/src/probe.ts', '@vbe/grant-screening'],
    ["a package's test on the package itself", 'packages/core/test/probe.test.ts', '@vbe/core/grants'],
  ])('allows %s', async (_, path, specifier) => {
    expect(await boundary(path, specifier)).toEqual([])
  })

  it("forbids a package's source to import itself by name", async () => {
    expect(await boundary('packages/core/src/probe.ts', '@vbe/core/grants')).toHaveLength(1)
  })
})

describe('core does no I/O', () => {
  const code = "import { readFileSync } from 'node:fs'\n\nexport const read = readFileSync\n"

  it('forbids Node built-ins in its source', async () => {
    expect(rulesOf(await lintAs('packages/core/src/probe.ts', code))).toEqual(['no-restricted-imports'])
  })

  it('lets its tests read files', async () => {
    expect(await lintAs('packages/core/test/probe.test.ts', code)).toEqual([])
  })
})

describe('React components', () => {
  it('follow the rules of hooks', async () => {
    const code = [
      "import { useState } from 'react'",
      '',
      'export function Probe({ on }: { on: boolean }) {',
      '  if (on) useState(0)',
      '  return null',
      '}',
      '',
    ].join('\n')
    expect(rulesOf(await lintAs('packages/ui/src/components/Probe.tsx', code))).toEqual(['react-hooks/rules-of-hooks'])
  })
})
