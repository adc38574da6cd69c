#!/usr/bin/env node
// The repository's format check: `prettier --check .` over the whole tree (.prettierignore says
// what is left out), once per test run. Prints the files Prettier would change and writes
// `tools/scripts/.reports/prettier.json`, which `test-summary.mjs` counts as one result.
//
//   node tools/scripts/format-check.mjs     (the `format-check` target of @vbe/tools-scripts)
//   npm run format                          (formats the files instead)
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const prettier = join(root, 'node_modules/.bin/prettier')

// --list-different prints one path per file that is not formatted; exit code 1 means some are,
// 2 means Prettier itself failed (a file it could not parse, a bad configuration).
const run = spawnSync(prettier, ['--list-different', '.'], { cwd: root, encoding: 'utf8' })
if (run.error) throw run.error
const unformatted = run.stdout.split('\n').filter((line) => line.trim() !== '')
const failed = run.status !== 0

mkdirSync(join(here, '.reports'), { recursive: true })
writeFileSync(
  join(here, '.reports', 'prettier.json'),
  `${JSON.stringify({ passed: !failed, exitCode: run.status, unformatted, errors: run.stderr.trim() }, null, 2)}\n`,
)

if (run.stderr.trim()) process.stderr.write(run.stderr)
if (unformatted.length > 0) {
  console.log(`Prettier would change ${unformatted.length} file(s):`)
  for (const file of unformatted) console.log(`  ${file}`)
  console.log('Run `npm run format` to format them.')
} else if (!failed) {
  console.log('Prettier: every file is formatted.')
}
process.exit(failed ? 1 : 0)
