import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { exportedSubpaths, publishedPackages, readManifest, repoRoot } from '../src/workspace.js'

const packages = await publishedPackages()

describe('published packages', () => {
  test('are discovered from packages/*/package.json by the "published" nx tag', () => {
    expect(packages.map((p) => p.name)).toContain('@vbe/core')
    for (const pkg of packages) {
      expect(pkg.manifest.private, `${pkg.name} is tagged published but private`).not.toBe(true)
      expect(pkg.version, `${pkg.name} has no version`).toMatch(/^\d+\.\d+\.\d+/)
    }
  })

  test('are all devDependencies of @vbe/package-health, so nx builds them before these tests', async () => {
    const own = await readManifest(join(repoRoot, 'tools/package-health'))
    const missing = packages.map((p) => p.name).filter((name) => own.devDependencies?.[name] === undefined)
    expect(missing, `add these to tools/package-health/package.json devDependencies as "*"`).toEqual([])
  })

  test.each(packages)('$name has an exports map with at least one entry point', (pkg) => {
    expect(pkg.manifest.exports, `${pkg.name} has no "exports"`).toBeDefined()
    expect(exportedSubpaths(pkg.manifest).length).toBeGreaterThan(0)
  })
})
