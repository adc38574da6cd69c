import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { describe, expect, test } from 'vitest'
import { publishedPackages } from '../src/workspace.js'

const packages = await publishedPackages()

describe.each(packages)('publint: $name', (pkg) => {
  test('reports no errors and no warnings (suggestions are allowed)', async () => {
    // pack: 'npm' lints what `npm pack` would really publish (files, .npmignore).
    const { messages, pkg: manifest } = await publint({ pkgDir: pkg.dir, pack: 'npm', level: 'suggestion', strict: false })
    const problems = messages
      .filter((m) => m.type === 'error' || m.type === 'warning')
      .map((m) => `${m.type} ${m.code} at ${m.path.join('.') || '(root)'}: ${formatMessage(m, manifest) ?? ''}`)
    expect(problems, `publint found problems in ${pkg.name} (${pkg.dir})`).toEqual([])
  })
})
