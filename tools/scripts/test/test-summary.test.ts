/**
 * The closing line of `npm test` counts every failed nx task: test-summary.mjs runs real nx
 * on a scratch workspace whose projects typecheck, lint and test with small node scripts,
 * and the summary must count a failing typecheck (which writes no report) as failed, a
 * failing test run once (its report already counts it), and a task nx did not run because
 * its dependency failed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const summaryScript = join(repo, 'tools/scripts/test-summary.mjs')
const nxPackage = join(repo, 'node_modules/nx')
const nx = join(nxPackage, (JSON.parse(readFileSync(join(nxPackage, 'package.json'), 'utf8')) as { bin: { nx: string } }).bin.nx)
const scratch: string[] = []

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

/** A script that writes a vitest-style JSON report with these counts, then exits with `code`. */
const testScript = (passed: number, failed: number) =>
  `node -e "require('fs').mkdirSync('.reports',{recursive:true});require('fs').writeFileSync('.reports/vitest.json',JSON.stringify({numPassedTests:${passed},numFailedTests:${failed},testResults:[]}));process.exit(${failed > 0 ? 1 : 0})"`
const lintScript = (errors: number) =>
  `node -e "require('fs').mkdirSync('.reports',{recursive:true});require('fs').writeFileSync('.reports/eslint.json',JSON.stringify({errors:${errors},warnings:0}));process.exit(${errors > 0 ? 1 : 0})"`
const exit = (code: number) => `node -e "process.exit(${code})"`

interface Project {
  readonly scripts: Record<string, string>
  readonly dependencies?: Record<string, string>
  readonly nx?: unknown
}

/** A scratch nx workspace (nx itself from this repository's node_modules) with these projects. */
function workspace(projects: Record<string, Project>): string {
  const root = mkdtempSync(join(tmpdir(), 'vbe-summary-'))
  scratch.push(root)
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'scratch', private: true, workspaces: ['projects/*'] }))
  writeFileSync(join(root, 'nx.json'), JSON.stringify({ neverConnectToCloud: true, targetDefaults: { test: { dependsOn: ['^build'] } } }))
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir')
  for (const [name, project] of Object.entries(projects)) {
    const dir = join(root, 'projects', name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', private: true, ...project }))
  }
  return root
}

/** `npm test`'s two steps on the scratch workspace: clean the reports, then run nx through the summary. */
function npmTest(root: string, targets: string) {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', CI: 'true' }
  const clean = spawnSync(process.execPath, [summaryScript, '--root', root, '--clean'], { cwd: root, env, encoding: 'utf8' })
  expect(clean.status).toBe(0)
  const run = spawnSync(
    process.execPath,
    [
      summaryScript,
      '--root',
      root,
      '--run',
      process.execPath,
      nx,
      'run-many',
      '-t',
      ...targets.split(' '),
      '--outputStyle=stream',
      '--skipNxCache',
    ],
    { cwd: root, env, encoding: 'utf8', timeout: 240_000 },
  )
  const lines = run.stdout.trim().split('\n')
  return { status: run.status, output: run.stdout + run.stderr, closing: lines[lines.length - 1] }
}

describe('test-summary.mjs counts every failed nx task', () => {
  it('a failing typecheck counts as failed even though it writes no report; a failing test run counts once', () => {
    const root = workspace({
      fine: { scripts: { typecheck: exit(0), lint: lintScript(0), test: testScript(2, 0) } },
      'type-broken': { scripts: { typecheck: exit(2), lint: lintScript(0), test: testScript(3, 0) } },
      'test-broken': { scripts: { typecheck: exit(0), lint: lintScript(0), test: testScript(1, 1) } },
    })
    const { status, output, closing } = npmTest(root, 'typecheck lint test')
    // Passed: 2 + 3 + 1 tests and three clean lint reports. Failed: the typecheck, and the one failing test
    // (its failed nx task is the same failure, counted once).
    expect(closing, output).toBe('9 passed, 2 failed')
    expect(status).toBe(1)
    expect(output).toMatch(/projects\/type-broken: 3 passed, 0 failed; lint passed; typecheck failed/)
    expect(output).toMatch(/projects\/test-broken: 1 passed, 1 failed; lint passed\n/)
  }, 300_000)

  it('a failing lint run that wrote no report, and a test nx did not run because its build failed, count too', () => {
    const root = workspace({
      base: { scripts: { build: exit(1), typecheck: exit(0), lint: exit(3), test: testScript(4, 0) } },
      app: { scripts: { typecheck: exit(0), test: testScript(5, 0) }, dependencies: { base: '0.0.0' } },
    })
    const { status, output, closing } = npmTest(root, 'typecheck lint test')
    // base's test depends on nothing and passes 4; base's lint failed with no report; base's build (run for
    // app's test) failed, so app's test never ran.
    expect(closing, output).toBe('4 passed, 3 failed')
    expect(status).toBe(1)
    expect(output).toMatch(/projects\/base: 4 passed, 0 failed; .*lint failed/)
    expect(output).toMatch(/projects\/base: .*build failed/)
    expect(output).toMatch(/projects\/app: test not run \(a task it depends on failed\)/)
  }, 300_000)

  it('a clean run ends with 0 failed and exits 0', () => {
    const root = workspace({ fine: { scripts: { typecheck: exit(0), lint: lintScript(0), test: testScript(2, 0) } } })
    const { status, output, closing } = npmTest(root, 'typecheck lint test')
    expect(closing, output).toBe('3 passed, 0 failed')
    expect(status).toBe(0)
  }, 300_000)
})
