// ESLint formatter for the `lint` targets: prints ESLint's usual `stylish` output and, when
// VBE_LINT_REPORT names a file, writes a JSON report there. nx.json sets it to
// `<project>/.reports/eslint.json`, which `test-summary.mjs` counts as one result per
// project: passed when the project has no errors and no warnings.
//
//   VBE_LINT_REPORT=packages/core/.reports/eslint.json eslint packages/core --format tools/scripts/eslint-report.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'

export default async function format(results, context) {
  const target = process.env.VBE_LINT_REPORT
  const errors = results.reduce((n, result) => n + result.errorCount, 0)
  const warnings = results.reduce((n, result) => n + result.warningCount, 0)
  if (target) {
    const file = resolve(context.cwd, target)
    const problems = results
      .filter((result) => result.errorCount + result.warningCount > 0)
      .map((result) => ({
        file: relative(context.cwd, result.filePath),
        messages: result.messages.map((m) => ({ rule: m.ruleId, line: m.line, severity: m.severity === 2 ? 'error' : 'warning' })),
      }))
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify({ files: results.length, errors, warnings, problems }, null, 2)}\n`)
  }
  const stylish = await new ESLint({ cwd: context.cwd }).loadFormatter('stylish')
  const text = await stylish.format(results, context)
  return text || `ESLint: ${results.length} files, no problems.\n`
}
