#!/usr/bin/env node
// Adds up the reports that every project writes to `<project>/.reports/` and prints the
// closing line CI reads: `N passed, N failed`.
//
//   vitest.json    vitest's JSON report: each test counts
//   eslint.json    the project's `lint` target (tools/scripts/eslint-report.mjs): one result,
//                  passed when ESLint found no error and no warning
//   prettier.json  the format check (tools/scripts/format-check.mjs, run once): one result,
//                  passed when every file is formatted
//
//   node tools/scripts/test-summary.mjs --clean          remove old reports before a run
//   node tools/scripts/test-summary.mjs --exit-code N    print the summary, exit non-zero if N != 0 or anything failed
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Project folders: the root package.json's workspaces (`dir/*` patterns). */
function projectDirs() {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const dirs = []
  for (const pattern of workspaces) {
    const parent = join(root, pattern.replace(/\/\*$/, ''))
    if (!pattern.endsWith('/*')) {
      dirs.push(parent)
      continue
    }
    if (!existsSync(parent)) continue
    for (const name of readdirSync(parent).sort()) {
      const dir = join(parent, name)
      if (statSync(dir).isDirectory() && existsSync(join(dir, 'package.json'))) dirs.push(dir)
    }
  }
  return dirs
}

const readReport = (dir, name) => {
  const file = join(dir, '.reports', name)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}

const args = process.argv.slice(2)
if (args.includes('--clean')) {
  for (const dir of projectDirs()) rmSync(join(dir, '.reports'), { recursive: true, force: true })
  process.exit(0)
}

const codeIndex = args.indexOf('--exit-code')
const runnerCode = codeIndex >= 0 ? Number(args[codeIndex + 1] ?? 1) : 0

let passed = 0
let failed = 0
let skipped = 0
const lines = []
for (const dir of projectDirs()) {
  const parts = []
  const vitest = readReport(dir, 'vitest.json')
  if (vitest) {
    const p = vitest.numPassedTests ?? 0
    const f = vitest.numFailedTests ?? 0
    const s = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
    // A test file that failed to load has no tests but counts as a failure.
    const brokenFiles = (vitest.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length
    passed += p
    failed += f + brokenFiles
    skipped += s
    parts.push(`${p} passed, ${f + brokenFiles} failed${s ? `, ${s} skipped` : ''}`)
  }
  const eslint = readReport(dir, 'eslint.json')
  if (eslint) {
    const clean = eslint.errors === 0 && eslint.warnings === 0
    if (clean) passed += 1
    else failed += 1
    parts.push(clean ? 'lint passed' : `lint failed (${eslint.errors} errors, ${eslint.warnings} warnings)`)
  }
  const prettier = readReport(dir, 'prettier.json')
  if (prettier) {
    if (prettier.passed) passed += 1
    else failed += 1
    parts.push(
      prettier.passed
        ? 'format check passed'
        : `format check failed (${prettier.unformatted.length} files not formatted${prettier.errors ? ', Prettier reported errors' : ''})`,
    )
  }
  if (parts.length > 0) lines.push(`  ${relative(root, dir)}: ${parts.join('; ')}`)
}

console.log('')
console.log('Test summary by project (lint and the format check count one each):')
for (const line of lines) console.log(line)
if (runnerCode !== 0 && failed === 0) {
  // The runner failed outside any counted result (typecheck, build, a crashed project): count it.
  console.log(`  (the task runner exited with code ${runnerCode} outside the counted results; see the log above)`)
  failed += 1
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(runnerCode !== 0 || failed > 0 ? 1 : 0)
