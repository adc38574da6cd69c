/**
 * Installs the packed tarballs of every published package into a scratch project
 * outside the monorepo, the way a consumer gets them from the registry, and uses them
 * from plain ESM, plain CommonJS and strict TypeScript. Nothing here can see the
 * workspace: no symlinks, no `@vbe/source` condition, no path mapping.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  conditionsIn,
  describeRun,
  exportedSubpaths,
  exportEntry,
  isPlugin,
  makeTempDir,
  packAll,
  PLUGIN_PREFIX,
  publishedPackages,
  removeTempDir,
  run,
  runOk,
  tscBin,
  type Tarball,
  type WorkspacePackage,
} from '../src/workspace.js'

const packages = await publishedPackages()
const plugins = packages.filter(isPlugin)

let tmp: string | undefined
let consumer = ''
let tarballs: Tarball[] = []

beforeAll(async () => {
  tmp = await makeTempDir('install')
  tarballs = await packAll(packages, join(tmp, 'tarballs'))
  consumer = join(tmp, 'consumer')
  await mkdir(consumer, { recursive: true })
  await writeFile(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'vbe-package-health-consumer', version: '0.0.0', private: true, description: 'scratch project' }, null, 2)}\n`,
  )
  // All tarballs in one install, so the plugins' dependency on @vbe/core is met by the
  // core tarball (never by the registry); zod comes from the registry or the npm cache.
  await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs.map((t) => t.file)], {
    cwd: consumer,
    timeoutMs: 200_000,
  })
}, 240_000)

afterAll(() => removeTempDir(tmp))

/** Writes a script into the scratch project and runs it with a plain `node`. */
async function runScript(fileName: string, source: string) {
  await writeFile(join(consumer, fileName), source)
  return run(process.execPath, [fileName], { cwd: consumer })
}

function expectOk(result: Awaited<ReturnType<typeof run>>) {
  expect(result.code, describeRun(result)).toBe(0)
  expect(result.stdout.trim().split('\n').at(-1), describeRun(result)).toBe('ok')
}

const hasRequire = (pkg: WorkspacePackage, subpath: string) => conditionsIn(exportEntry(pkg.manifest, subpath)).has('require')
const specifier = (pkg: WorkspacePackage, subpath: string) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`)

describe('installing the tarballs', () => {
  test('installs every published package, at its workspace version, from its tarball', async () => {
    for (const { pkg } of tarballs) {
      const installed = JSON.parse(await readFile(join(consumer, 'node_modules', pkg.name, 'package.json'), 'utf8')) as {
        version: string
      }
      expect(installed.version, pkg.name).toBe(pkg.version)
    }
    const lock = JSON.parse(await readFile(join(consumer, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>
    }
    for (const { pkg, file } of tarballs) {
      expect(lock.packages[`node_modules/${pkg.name}`]?.resolved, `${pkg.name} must come from the tarball`).toContain(
        file.split('/').at(-1),
      )
    }
  })

  test('ships no test files', () => {
    for (const { pkg, files } of tarballs) {
      expect(
        files.filter((f) => /\.test\.[cm]?[jt]s$/.test(f)),
        pkg.name,
      ).toEqual([])
    }
  })

  test.each(plugins)('$name uses the one @vbe/core tarball, not a copy of its own', (pkg) => {
    expect(existsSync(join(consumer, 'node_modules', pkg.name, 'node_modules', '@vbe', 'core'))).toBe(false)
  })
})

describe('@vbe/core from a consumer', () => {
  test('ESM: import from @vbe/core/strategy and @vbe/core/plugins', async () => {
    const result = await runScript(
      'core-esm.mjs',
      `import assert from 'node:assert/strict'
import { guidelines } from '@vbe/core/strategy'
import { defineDistrictPlugin } from '@vbe/core/plugins'

assert.match(import.meta.resolve('@vbe/core/strategy'), /\\/node_modules\\/@vbe\\/core\\/dist\\/strategy\\/index\\.js$/)
assert.equal(guidelines.length, 5)
assert.equal(guidelines.byId('G1').id, 'G1')
assert.equal(typeof defineDistrictPlugin, 'function')
console.log('ok')
`,
    )
    expectOk(result)
  })

  test('CJS: require @vbe/core/strategy and @vbe/core/plugins', async () => {
    const result = await runScript(
      'core-cjs.cjs',
      `const assert = require('node:assert/strict')
const { guidelines } = require('@vbe/core/strategy')

assert.match(require.resolve('@vbe/core/strategy'), /\\/node_modules\\/@vbe\\/core\\/dist\\/strategy\\/index\\.cjs$/)
assert.equal(guidelines.length, 5)
assert.equal(guidelines.byId('G1').id, 'G1')
assert.equal(typeof require('@vbe/core/plugins').defineDistrictPlugin, 'function')
console.log('ok')
`,
    )
    expectOk(result)
  })
})

describe.each(packages)('every entry point of $name loads', (pkg) => {
  test.each(exportedSubpaths(pkg.manifest))('ESM import of %s', async (subpath) => {
    const name = specifier(pkg, subpath)
    const result = await runScript(
      `entry-esm-${pkg.name.replace(/\W+/g, '_')}-${subpath.replace(/\W+/g, '_')}.mjs`,
      `import assert from 'node:assert/strict'
const mod = await import(${JSON.stringify(name)})
assert.ok(Object.keys(mod).length > 0, 'no exports')
console.log('ok')
`,
    )
    expectOk(result)
  })

  test.each(exportedSubpaths(pkg.manifest).filter((s) => hasRequire(pkg, s)))('CJS require of %s', async (subpath) => {
    const name = specifier(pkg, subpath)
    const result = await runScript(
      `entry-cjs-${pkg.name.replace(/\W+/g, '_')}-${subpath.replace(/\W+/g, '_')}.cjs`,
      `const assert = require('node:assert/strict')
const mod = require(${JSON.stringify(name)})
assert.ok(Object.keys(mod).length > 0, 'no exports')
assert.ok(!require.resolve(${JSON.stringify(name)}).includes('/src/'), 'resolved to source')
console.log('ok')
`,
    )
    expectOk(result)
  })
})

describe.each(plugins)('district plugin $name from a consumer', (pkg) => {
  const id = pkg.name.slice(PLUGIN_PREFIX.length)

  test(`ESM: the default export is the plugin "${id}"`, async () => {
    const result = await runScript(
      `plugin-esm-${id}.mjs`,
      `import assert from 'node:assert/strict'
import plugin from ${JSON.stringify(pkg.name)}
assert.equal(plugin.id, ${JSON.stringify(id)})
console.log('ok')
`,
    )
    expectOk(result)
  })

  test.runIf(hasRequire(pkg, '.'))(`CJS: require().default is the plugin "${id}"`, async () => {
    const result = await runScript(
      `plugin-cjs-${id}.cjs`,
      `const assert = require('node:assert/strict')
const plugin = require(${JSON.stringify(pkg.name)}).default
assert.equal(plugin.id, ${JSON.stringify(id)})
console.log('ok')
`,
    )
    expectOk(result)
  })
})

/** Writes tsconfig.<name>.json (strict, NodeNext, checking the shipped .d.ts files) and runs tsc on it. */
async function typeCheck(name: string, files: readonly string[], extraArgs: readonly string[] = []) {
  const config = `tsconfig.${name}.json`
  const compilerOptions = {
    target: 'ES2022',
    // zod's declarations name the global URL: a consumer has it from DOM or @types/node.
    lib: ['ES2023', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    // Check the shipped declaration files too, not only their use.
    skipLibCheck: false,
    types: [],
  }
  await writeFile(join(consumer, config), `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`)
  return run(process.execPath, [tscBin, '-p', config, ...extraArgs], { cwd: consumer })
}

describe('types from the built packages', () => {
  test('a strict NodeNext project type-checks against the installed tarballs, ESM and CJS', async () => {
    const body = `const id: GuidelineId = guidelines.byId('G1').id
// @ts-expect-error G9 is not a guideline id: the lookup is typed, not \`any\`
guidelines.byId('G9')
export const checked: string = id
`
    const pluginImports = plugins.map((p, i) => `import plugin${i} from ${JSON.stringify(p.name)}`).join('\n')
    const pluginUses = plugins.map((_, i) => `export const pluginId${i}: string = plugin${i}.id`).join('\n')
    await writeFile(
      join(consumer, 'check-esm.mts'),
      `import { guidelines, type GuidelineId } from '@vbe/core/strategy'\n${pluginImports}\n\n${body}${pluginUses}\n`,
    )
    await writeFile(join(consumer, 'check-cjs.cts'), `import { guidelines, type GuidelineId } from '@vbe/core/strategy'\n\n${body}`)
    const files = ['check-esm.mts', 'check-cjs.cts']

    const listed = await typeCheck('check', files, ['--listFilesOnly'])
    expect(listed.code, describeRun(listed)).toBe(0)
    // The ESM file must see the .d.ts types and the CJS file the .d.cts types, from dist.
    expect(listed.stdout).toMatch(/node_modules\/@vbe\/core\/dist\/strategy\/index\.d\.ts$/m)
    expect(listed.stdout).toMatch(/node_modules\/@vbe\/core\/dist\/strategy\/index\.d\.cts$/m)
    expect(listed.stdout).not.toMatch(/node_modules\/@vbe\/[^/]+\/src\//)

    const check = await typeCheck('check', files)
    expect(check.code, describeRun(check)).toBe(0)
  })

  test('every value an entry point exports at run time is declared in its types, ESM and CJS', async () => {
    // Ask node what each entry point really exports, then make tsc look up each name
    // in the types it resolves for that entry point: types that point at the wrong
    // file, or lag behind the code, fail here.
    const entries = packages.flatMap((pkg) =>
      exportedSubpaths(pkg.manifest).map((subpath) => ({ spec: specifier(pkg, subpath), cjs: hasRequire(pkg, subpath) })),
    )
    const dump = await runScript(
      'dump-exports.mjs',
      `import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const entries = ${JSON.stringify(entries)}
const out = []
for (const { spec, cjs } of entries) {
  out.push({ spec, esm: Object.keys(await import(spec)), cjs: cjs ? Object.keys(require(spec)) : null })
}
console.log(JSON.stringify(out))
console.log('ok')
`,
    )
    expectOk(dump)
    const found = JSON.parse(dump.stdout.trim().split('\n').at(-2) ?? '[]') as Array<{ spec: string; esm: string[]; cjs: string[] | null }>
    expect(found.length).toBe(entries.length)

    const lookups = (keys: readonly string[], i: number) => keys.map((k) => `void m${i}[${JSON.stringify(k)}]`).join('\n')
    const esm = found.map((f, i) => `import * as m${i} from ${JSON.stringify(f.spec)}\n${lookups(f.esm, i)}`).join('\n')
    const cjs = found
      .map((f, i) => (f.cjs === null ? '' : `import * as m${i} from ${JSON.stringify(f.spec)}\n${lookups(f.cjs, i)}`))
      .join('\n')
    await writeFile(join(consumer, 'exports-esm.mts'), `${esm}\nexport {}\n`)
    await writeFile(join(consumer, 'exports-cjs.cts'), `${cjs}\nexport {}\n`)
    const check = await typeCheck('exports', ['exports-esm.mts', 'exports-cjs.cts'])
    expect(check.code, describeRun(check)).toBe(0)
  })
})
