#!/usr/bin/env node
// Adds up the vitest JSON reports that every project writes to `<project>/.reports/vitest.json`
// and prints the closing line CI reads: `N passed, N failed`.
//
//   node tools/scripts/test-summary.mjs --clean          remove old reports before a run
//   node tools/scripts/test-summary.mjs --exit-code N    print the summary, exit non-zero if N != 0 or any test failed
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const groups = ['packages', 'apps', 'tools']

function reportFiles() {
  const files = []
  for (const group of groups) {
    const dir = join(root, group)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, '.reports', 'vitest.json')
      if (existsSync(file)) files.push(file)
    }
  }
  return files
}

const args = process.argv.slice(2)
if (args.includes('--clean')) {
  for (const file of reportFiles()) rmSync(dirname(file), { recursive: true, force: true })
  process.exit(0)
}

const codeIndex = args.indexOf('--exit-code')
const runnerCode = codeIndex >= 0 ? Number(args[codeIndex + 1] ?? 1) : 0

let passed = 0
let failed = 0
let skipped = 0
const lines = []
for (const file of reportFiles()) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const p = report.numPassedTests ?? 0
  const f = report.numFailedTests ?? 0
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A test file that failed to load has no tests but counts as a failure.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length
  passed += p
  failed += f + brokenFiles
  skipped += s
  lines.push(`  ${relative(root, dirname(dirname(file)))}: ${p} passed, ${f + brokenFiles} failed${s ? `, ${s} skipped` : ''}`)
}

console.log('')
console.log('Test summary by project:')
for (const line of lines) console.log(line)
if (runnerCode !== 0 && failed === 0) {
  // The runner failed outside any test (typecheck, build, a crashed project): count it.
  console.log(`  (the task runner exited with code ${runnerCode} outside the counted tests; see the log above)`)
  failed += 1
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(runnerCode !== 0 || failed > 0 ? 1 : 0)
