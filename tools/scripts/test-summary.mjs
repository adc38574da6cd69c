#!/usr/bin/env node
// Adds up the reports that every project writes to `<project>/.reports/`, and every nx task
// that failed, and prints the closing line CI reads: `N passed, N failed`.
//
//   vitest.json    vitest's JSON report: each test counts
//   eslint.json    the project's `lint` target (tools/scripts/eslint-report.mjs): one result,
//                  passed when ESLint found no error and no warning
//   prettier.json  the format check (tools/scripts/format-check.mjs, run once): one result,
//                  passed when every file is formatted
//   failed tasks   every nx task that failed (typecheck, build, a lint or test run that wrote
//                  no failing report, …) counts one failed, and so does every task nx did not
//                  run because a task it depends on failed; a failure a report already counts
//                  is not counted twice
//
//   node tools/scripts/test-summary.mjs --clean                   remove old reports before a run
//   node tools/scripts/test-summary.mjs --run nx run-many -t …    run the task runner (its output passes
//                                                                  through), then print the summary
//   node tools/scripts/test-summary.mjs --exit-code N             print the summary of reports only
//   --root DIR                                                    the workspace (default: this repository)
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const runIndex = args.indexOf('--run')
const command = runIndex >= 0 ? args.slice(runIndex + 1) : []
const options = runIndex >= 0 ? args.slice(0, runIndex) : args
const option = (name) => {
  const i = options.indexOf(name)
  return i >= 0 ? options[i + 1] : undefined
}
const root = resolve(option('--root') ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..'))

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

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')

/**
 * The task ids nx lists at the end of a run (static run-many output): `failed`, and
 * `notRun` (not run because a dependency failed, or stopped before they finished).
 */
export function nxFailures(output) {
  const failed = new Set()
  const notRun = new Set()
  let list
  for (const raw of stripAnsi(output).split(/\r?\n/)) {
    const line = raw.trim()
    if (/^Failed tasks:$/.test(line)) list = failed
    else if (/^Tasks not run because/.test(line) || /^Tasks stopped before they finished:$/.test(line)) list = notRun
    else if (list !== undefined) {
      const task = /^- (\S+:\S+)$/.exec(line)
      if (task) list.add(task[1])
      else if (line !== '') list = undefined
    }
  }
  return { failed: [...failed], notRun: [...notRun] }
}

/** Runs the task runner with its output passing through; resolves to its exit code and output. */
function runTasks([cmd, ...cmdArgs]) {
  return new Promise((done) => {
    const env = { ...process.env }
    if (process.stdout.isTTY && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1'
    const child = spawn(cmd, cmdArgs, { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] })
    let tail = ''
    const keep = (chunk) => {
      // nx prints its list of failed tasks last; the last megabyte holds it.
      tail = (tail + chunk.toString('utf8')).slice(-1_000_000)
    }
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      keep(chunk)
    })
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      keep(chunk)
    })
    child.on('error', (error) => {
      console.error(`could not run ${cmd}: ${error.message}`)
      done({ code: 127, output: tail })
    })
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output: tail }))
  })
}

/** Which report already counts a failure of a task with this target. */
const REPORT_OF_TARGET = { test: 'vitest', lint: 'eslint', 'format-check': 'prettier' }

function summarise(runnerCode, tasks) {
  let passed = 0
  let failed = 0
  let skipped = 0
  const lines = []
  const projects = new Map()
  for (const dir of projectDirs()) {
    const parts = []
    const failing = new Set()
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
      if (f + brokenFiles > 0) failing.add('vitest')
      parts.push(`${p} passed, ${f + brokenFiles} failed${s ? `, ${s} skipped` : ''}`)
    }
    const eslint = readReport(dir, 'eslint.json')
    if (eslint) {
      const clean = eslint.errors === 0 && eslint.warnings === 0
      if (clean) passed += 1
      else failed += 1
      if (!clean) failing.add('eslint')
      parts.push(clean ? 'lint passed' : `lint failed (${eslint.errors} errors, ${eslint.warnings} warnings)`)
    }
    const prettier = readReport(dir, 'prettier.json')
    if (prettier) {
      if (prettier.passed) passed += 1
      else failed += 1
      if (!prettier.passed) failing.add('prettier')
      parts.push(
        prettier.passed
          ? 'format check passed'
          : `format check failed (${prettier.unformatted.length} files not formatted${prettier.errors ? ', Prettier reported errors' : ''})`,
      )
    }
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const entry = { dir, parts, failing }
    if (typeof name === 'string') projects.set(name, entry)
    lines.push(entry)
  }

  // Every failed nx task counts, unless a report above already counts its failure.
  const unplaced = []
  const countTask = (id, how) => {
    const [project, target] = id.split(':')
    const entry = projects.get(project)
    const report = REPORT_OF_TARGET[target]
    if (how === 'failed' && entry !== undefined && report !== undefined && entry.failing.has(report)) return
    failed += 1
    const text = how === 'failed' ? `${target} failed` : `${target} not run (a task it depends on failed)`
    if (entry === undefined) unplaced.push(`${id}: ${text}`)
    else entry.parts.push(text)
  }
  for (const id of tasks.failed) countTask(id, 'failed')
  for (const id of tasks.notRun) countTask(id, 'notRun')

  console.log('')
  console.log('Test summary by project (lint, the format check and every other failed task count one each):')
  for (const { dir, parts } of lines) if (parts.length > 0) console.log(`  ${relative(root, dir) || '.'}: ${parts.join('; ')}`)
  for (const line of unplaced) console.log(`  ${line}`)
  if (runnerCode !== 0 && failed === 0) {
    // The runner failed outside any counted result and named no failed task (it crashed): count it.
    console.log(`  (the task runner exited with code ${runnerCode} outside the counted results; see the log above)`)
    failed += 1
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  return runnerCode !== 0 || failed > 0 ? 1 : 0
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  if (options.includes('--clean')) {
    for (const dir of projectDirs()) rmSync(join(dir, '.reports'), { recursive: true, force: true })
    process.exit(0)
  }
  if (runIndex >= 0) {
    if (command.length === 0) {
      console.error('usage: test-summary.mjs --run <command> [args…]')
      process.exit(2)
    }
    const { code, output } = await runTasks(command)
    process.exit(summarise(code, nxFailures(output)))
  }
  const codeIndex = options.indexOf('--exit-code')
  process.exit(summarise(codeIndex >= 0 ? Number(options[codeIndex + 1] ?? 1) : 0, { failed: [], notRun: [] }))
}
