/**
 * Every fenced TypeScript or JavaScript example (```ts, ```typescript, ```js,
 * ```javascript) in every tracked README.md and in docs/ runs: it is written to a
 * temporary .mts file inside the repository and run with tsx and the `@vbe/source`
 * condition, so it imports the packages' sources. An example line that ends in a
 * comment holding a plain literal (`expr // 'text'`, `// 12`, `// ['M2', 'M4']`,
 * `// true`) is turned into an assertion that the expression equals it.
 *
 * Opt out: a snippet that cannot run on its own (say, a fragment of a server) is fenced
 * as ```ts no-run, and the reason is said next to it. Keep those rare: the last test
 * counts them. Shell and other languages are not run.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const scratch = resolve(root, 'tools/scripts/.examples')
const tsx = createRequire(resolve(root, 'package.json')).resolve('tsx/cli')

const RUNNABLE = new Set(['ts', 'typescript', 'js', 'javascript'])
const OPT_OUT = 'no-run'
const MAX_OPT_OUTS = 2

export interface Example {
  readonly file: string
  readonly line: number
  readonly language: string
  readonly optOut: boolean
  readonly code: string
}

/** The fenced examples of a Markdown text, with the line each starts on. */
export function examplesIn(file: string, markdown: string): Example[] {
  const out: Example[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(lines[i]!)
    if (!open) continue
    const [, indent, fence, language = '', rest = ''] = open
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length && !new RegExp(`^\\s*${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`).test(lines[j]!); j++) {
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!)
    }
    if (RUNNABLE.has(language.toLowerCase())) {
      out.push({ file, line: i + 1, language: language.toLowerCase(), optOut: rest.split(/\s+/).includes(OPT_OUT), code: body.join('\n') })
    }
    i = j
  }
  return out
}

/** A plain literal: a quoted string, a number, true/false/null, or a flat list of strings and numbers. */
const SCALAR = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null`
const LITERAL = new RegExp(String.raw`^(?:${SCALAR}|\[\s*(?:(?:${SCALAR})\s*(?:,\s*(?:${SCALAR})\s*)*)?\])$`)

/** Splits `code // comment` where the comment is outside strings; undefined when there is none. */
function trailingComment(line: string): { code: string; comment: string } | undefined {
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
    } else if (c === "'" || c === '"' || c === '`') quote = c
    else if (c === '/' && line[i + 1] === '/') return { code: line.slice(0, i).trimEnd(), comment: line.slice(i + 2).trim() }
  }
  return undefined
}

/** True when `expr` has no comma outside brackets and strings (one argument). */
function single(expr: string): boolean {
  let depth = 0
  let quote: string | undefined
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
    } else if (c === "'" || c === '"' || c === '`') quote = c
    else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) return false
  }
  return depth === 0
}

/**
 * The example with its literal comments as assertions: a whole statement at the start of
 * a line (not a declaration), or `console.log(one argument)`, followed by `// literal`.
 */
export function withAssertions(code: string): { code: string; assertions: number } {
  let assertions = 0
  const lines = code.split('\n').map((line) => {
    if (
      /^\s/.test(line) ||
      /^(import|export|const|let|var|type|interface|function|class|if|else|for|while|return|await\s+\w+\.stop)\b/.test(line)
    )
      return line
    const split = trailingComment(line)
    if (!split || !LITERAL.test(split.comment) || split.code === '') return line
    let expr = split.code.replace(/;$/, '')
    const log = /^console\.log\((.*)\)$/.exec(expr)
    if (log) {
      if (!single(log[1]!)) return line
      expr = log[1]!
    }
    if (!single(`(${expr})`)) return line
    assertions++
    return `__equal((${expr}), ${split.comment}, ${JSON.stringify(`${split.code} // ${split.comment}`)})`
  })
  return { code: lines.join('\n'), assertions }
}

const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => /(^|\/)README\.md$/.test(f) || /^docs\/.*\.md$/.test(f))
const examples = files.flatMap((f) => examplesIn(f, readFileSync(resolve(root, f), 'utf8')))

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the fenced examples are read as written', () => {
  it('finds the TypeScript and JavaScript fences, and nothing else', () => {
    const md = [
      '# T',
      '```ts',
      'const a = 1',
      '```',
      '```sh',
      'ls',
      '```',
      '  ```js no-run',
      '  x()',
      '  ```',
      '```tsx',
      '<A />',
      '```',
    ].join('\n')
    expect(examplesIn('x.md', md)).toEqual([
      { file: 'x.md', line: 2, language: 'ts', optOut: false, code: 'const a = 1' },
      { file: 'x.md', line: 8, language: 'js', optOut: true, code: 'x()' },
    ])
  })

  it('turns a trailing literal comment into an assertion, and leaves other comments alone', () => {
    const { code, assertions } = withAssertions(
      [
        "f('a').b   // 'x // y'",
        'console.log(g().length) // 12',
        "h() // ['M2', 'M4']",
        "k() // 'a' | 'b'",
        'console.log(a, b) // 1',
        'const c = 1 // 1',
        "m('//') // true",
      ].join('\n'),
    )
    expect(assertions).toBe(4)
    expect(code.split('\n')).toEqual([
      `__equal((f('a').b), 'x // y', ${JSON.stringify("f('a').b // 'x // y'")})`,
      `__equal((g().length), 12, ${JSON.stringify('console.log(g().length) // 12')})`,
      `__equal((h()), ['M2', 'M4'], ${JSON.stringify("h() // ['M2', 'M4']")})`,
      "k() // 'a' | 'b'",
      'console.log(a, b) // 1',
      'const c = 1 // 1',
      `__equal((m('//')), true, ${JSON.stringify("m('//') // true")})`,
    ])
  })
})

describe('every README and docs example runs', () => {
  it('finds the examples, and asserts what their literal comments say', () => {
    expect(examples.length).toBeGreaterThan(8)
    expect(examples.reduce((n, e) => n + withAssertions(e.code).assertions, 0)).toBeGreaterThanOrEqual(6)
  })

  it.each(examples.filter((e) => !e.optOut).map((e) => [`${e.file}:${e.line}`, e] as const))('%s', (_, example) => {
    mkdirSync(scratch, { recursive: true })
    const { code } = withAssertions(example.code)
    const file = resolve(scratch, `${example.file.replace(/[^\w]+/g, '-')}-${example.line}.mts`)
    const prelude = [
      "import { deepStrictEqual as __deepEqual } from 'node:assert/strict'",
      'const __equal = (actual: unknown, expected: unknown, line: string) => __deepEqual(actual, expected, `${line}: got ${JSON.stringify(actual)}`)',
      '',
    ].join('\n')
    writeFileSync(file, `${prelude}${code}\n`)
    try {
      execFileSync(process.execPath, [tsx, '--conditions=@vbe/source', file], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 120_000,
      })
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string }
      throw new Error(`${example.file}:${example.line} does not run:\n${e.stderr || e.stdout || e.message}`)
    }
  })

  it(`opts out of at most ${MAX_OPT_OUTS} examples`, () => {
    expect(examples.filter((e) => e.optOut).map((e) => `${e.file}:${e.line}`).length).toBeLessThanOrEqual(MAX_OPT_OUTS)
  })
})
