import { readFile } from 'node:fs/promises'
import { checkPackage, createPackageFromTarballData, type CheckResult, type Problem, type ResolutionKind } from '@arethetypeswrong/core'
import { problemAffectsEntrypointResolution, problemKindInfo } from '@arethetypeswrong/core/problems'
import { allResolutionKinds } from '@arethetypeswrong/core/utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { exportedSubpaths, makeTempDir, packAll, publishedPackages, removeTempDir, type Tarball } from '../src/workspace.js'

const packages = await publishedPackages()

/**
 * Resolution kinds a subpath entry point ("./strategy") is not expected to work in.
 *
 * node10 (TypeScript's `moduleResolution: "node"`) predates package.json "exports" and
 * cannot resolve subpaths such as `@vbe/core/strategy` without stub folders or
 * `typesVersions`. That is the known limitation `attw --profile node16` accepts by
 * ignoring the node10 resolution. We ignore it more narrowly: only for subpath entry
 * points. The root entry point "." must still resolve, with matching types, under
 * node10 (through "main" and "types").
 */
const IGNORED_FOR_SUBPATHS: readonly ResolutionKind[] = ['node10']

interface Located {
  readonly problem: Problem
  /** Every entry point and resolution kind the problem shows up in. */
  readonly where: ReadonlyArray<{ entrypoint: string; resolutionKind: ResolutionKind }>
}

function locate(result: CheckResult): Located[] {
  if (result.types === false) return []
  return result.problems.map((problem) => ({
    problem,
    where: Object.keys(result.entrypoints).flatMap((entrypoint) =>
      allResolutionKinds
        .filter((resolutionKind) => problemAffectsEntrypointResolution(problem, entrypoint, resolutionKind, result))
        .map((resolutionKind) => ({ entrypoint, resolutionKind })),
    ),
  }))
}

const isTolerated = ({ where }: Located): boolean =>
  where.length > 0 && where.every((w) => w.entrypoint !== '.' && IGNORED_FOR_SUBPATHS.includes(w.resolutionKind))

const describeProblem = ({ problem, where }: Located): string => {
  const places = where.map((w) => `${w.entrypoint} (${w.resolutionKind})`).join(', ') || '(no entry point)'
  return `${problemKindInfo[problem.kind].emoji} ${problem.kind}: ${problemKindInfo[problem.kind].title} — ${places} ${JSON.stringify(problem)}`
}

let tmp: string | undefined
const results = new Map<string, CheckResult>()

beforeAll(async () => {
  tmp = await makeTempDir('attw')
  const tarballs: Tarball[] = await packAll(packages, tmp)
  for (const tarball of tarballs) {
    const pkg = createPackageFromTarballData(new Uint8Array(await readFile(tarball.file)))
    results.set(tarball.pkg.name, await checkPackage(pkg))
  }
})

afterAll(() => removeTempDir(tmp))

describe.each(packages)('are the types wrong: $name', (pkg) => {
  const analysis = () => {
    const result = results.get(pkg.name)
    if (result === undefined) throw new Error(`${pkg.name} was not checked`)
    if (result.types === false) throw new Error(`${pkg.name}: attw found no types in the tarball`)
    return result
  }

  test('ships types', () => {
    expect(results.get(pkg.name)?.types).toEqual({ kind: 'included' })
  })

  test('checks every subpath of the exports map', () => {
    expect(Object.keys(analysis().entrypoints)).toEqual(expect.arrayContaining(exportedSubpaths(pkg.manifest)))
  })

  test('reports no problems for node10 (root entry), node16-cjs, node16-esm and bundler', () => {
    const problems = locate(analysis())
      .filter((p) => !isTolerated(p))
      .map(describeProblem)
    expect(problems, `attw problems in ${pkg.name}`).toEqual([])
  })

  test.each(['node16-cjs', 'node16-esm', 'bundler'] as const)('every entry point resolves to types and code under %s', (kind) => {
    const unresolved = Object.entries(analysis().entrypoints)
      .filter(
        ([, info]) => info.resolutions[kind].resolution === undefined || info.resolutions[kind].implementationResolution === undefined,
      )
      .map(([subpath]) => subpath)
    expect(unresolved).toEqual([])
  })

  test('the root entry point resolves under node10', () => {
    const root = analysis().entrypoints['.']
    expect(root?.resolutions.node10.resolution?.fileName, 'node10 types for "."').toMatch(/\.d\.c?ts$/)
    expect(root?.resolutions.node10.implementationResolution?.fileName, 'node10 code for "."').toBeDefined()
  })
})
