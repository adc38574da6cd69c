import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { Option, type Command } from 'commander'
import { parse as parseCsv } from 'csv-parse'
import { fieldProblem, formatMessage, isIsoDate, type FieldProblem, type Locale } from '@vbe/core'
import { stockholmDay } from '@vbe/core/calendar'
import { composePlugins } from '@vbe/core/plugins'
import {
  csvColumns,
  csvRowToInput,
  safeParseApplication,
  ProgrammeNotInForceError,
  screener,
  UnknownProgrammeError,
  type CsvColumn,
  type Outcome,
  type ScreeningResult,
  type Screener,
} from '@vbe/core/grants'
import { EXIT, processIo, UsageError, type Io } from '../io.js'
import { installedPlugins } from '@vbe/districts'

// The CSV columns (documented in docs/grants.md) and turning a row into an application
// input live in @vbe/core/grants; re-exported here for earlier importers.
export { CSV_COLUMNS } from '@vbe/core/grants'

// ---------------------------------------------------------------------------------------
// Reading records, streamed.

interface InputRecord {
  /** Where the record is, for messages: "line 3", "row 2 (line 3)", "record 4". */
  readonly where: string
  readonly line?: number
  readonly input?: unknown
  /** Problems found before parsing (bad JSON, a bad CSV cell). */
  readonly problems?: readonly FieldProblem[]
}

type Kind = 'json' | 'ndjson' | 'csv'

async function* readJson(file: string): AsyncGenerator<InputRecord> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    yield {
      where: 'file',
      problems: [fieldProblem('(root)', 'json.unreadable', { error: error instanceof Error ? error.message : String(error) })],
    }
    return
  }
  if (!Array.isArray(data)) {
    yield { where: 'record 1', input: data }
    return
  }
  for (let i = 0; i < data.length; i++) yield { where: `record ${i + 1}`, input: data[i] }
}

async function* readNdjson(file: string): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  for await (const text of lines) {
    line++
    if (text.trim() === '') continue
    try {
      yield { where: `line ${line}`, line, input: JSON.parse(text) }
    } catch (error) {
      yield {
        where: `line ${line}`,
        line,
        problems: [fieldProblem('(root)', 'json.unreadable', { error: error instanceof Error ? error.message : String(error) })],
      }
    }
  }
}

async function* readCsv(file: string): AsyncGenerator<InputRecord> {
  const parser = createReadStream(file).pipe(parseCsv({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }))
  let columns: CsvColumn[] | undefined
  let row = 0
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (columns === undefined) {
      // Screening takes in no personal data: the app's contact columns are rejected here.
      const header = csvColumns(record, { persons: false })
      if (header.problems.length > 0) {
        yield { where: `header (line ${info.lines})`, line: info.lines, problems: header.problems }
        parser.destroy()
        return
      }
      columns = header.columns
      continue
    }
    row++
    const where = `row ${row} (line ${info.lines})`
    const { input, problems } = csvRowToInput(columns, record)
    if (input === null) yield { where, line: info.lines, problems }
    else yield problems.length > 0 ? { where, line: info.lines, input, problems } : { where, line: info.lines, input }
  }
}

// ---------------------------------------------------------------------------------------
// Writing results, streamed.

const OUTCOME_TEXT: Record<Outcome, Record<Locale, string>> = {
  eligible: { sv: 'uppfyller villkoren', en: 'eligible' },
  ineligible: { sv: 'uppfyller inte', en: 'ineligible' },
  requires_assessment: { sv: 'behöver bedömas', en: 'requires assessment' },
}

interface Writer {
  begin(): string
  result(n: number, record: InputRecord, result: ScreeningResult): string
  invalid(n: number, record: InputRecord, id: string | undefined, problems: readonly FieldProblem[]): string
  end(summary: Summary): string
}

interface Summary {
  total: number
  invalid: number
  eligible: number
  ineligible: number
  requires_assessment: number
  humanDecision: number
}

/** What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, and TAB and CR). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV cell of text: a value a spreadsheet would run as a formula gets a leading `'`
 * (so `=HYPERLINK(…)` stays text), and a value with a quote, comma or line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
const adverse = (r: ScreeningResult, status: 'not_met' | 'needs_assessment') => {
  let out = ''
  for (const f of r.findings) {
    if (f.status !== status) continue
    const id = f.evidenceIds.length > 0 ? `${f.ruleId}:${f.evidenceIds.join('+')}` : f.ruleId
    out = out === '' ? id : `${out} ${id}`
  }
  return out
}

function tableWriter(lang: Locale): Writer {
  const h =
    lang === 'sv'
      ? ['Post', 'Id', 'Utfall', 'Person', 'Ej uppfyllt / behöver bedömas']
      : ['Record', 'Id', 'Outcome', 'Person', 'Not met / needs assessment']
  const row = (cells: string[]) =>
    `${cells[0]!.padEnd(20)}  ${cells[1]!.padEnd(20)}  ${cells[2]!.padEnd(20)}  ${cells[3]!.padEnd(6)}  ${cells[4]}`.trimEnd() + '\n'
  const yes = lang === 'sv' ? 'ja' : 'yes'
  return {
    begin: () => row(h) + row(h.map((x, i) => '-'.repeat(i === 4 ? 30 : i === 3 ? 6 : 20))),
    result: (_n, rec, r) => {
      const notMet = adverse(r, 'not_met')
      const needs = adverse(r, 'needs_assessment')
      return row([
        rec.where,
        r.applicationId,
        OUTCOME_TEXT[r.outcome][lang],
        r.humanDecisionRequired ? yes : '',
        [notMet, needs && `(${needs})`].filter(Boolean).join(' '),
      ])
    },
    invalid: (_n, rec, id, problems) =>
      row([
        rec.where,
        id ?? '',
        lang === 'sv' ? 'ogiltig' : 'invalid',
        '',
        problems.map((p) => `${p.path}: ${formatMessage(p, lang)}`).join('; '),
      ]),
    end: (s) =>
      lang === 'sv'
        ? `\n${s.total} poster: ${s.eligible} uppfyller villkoren, ${s.ineligible} uppfyller inte, ${s.requires_assessment} behöver bedömas, ${s.invalid} ogiltiga. ${s.humanDecision} kräver att en person väger uppgifter om demokrativillkoret. En handläggare fattar varje beslut.\n`
        : `\n${s.total} records: ${s.eligible} eligible, ${s.ineligible} ineligible, ${s.requires_assessment} requiring assessment, ${s.invalid} invalid. ${s.humanDecision} need a person to weigh information under the democracy condition. An officer makes every decision.\n`,
  }
}

function jsonWriter(s: Screener, on: string): Writer {
  let first = true
  const sep = () => {
    const out = first ? '\n' : ',\n'
    first = false
    return out
  }
  return {
    begin: () => `{"ruleset":${JSON.stringify({ version: s.version, on })},"rules":${JSON.stringify(s.rulesInForce(on))},"results":[`,
    result: (n, rec, r) =>
      `${sep()}${JSON.stringify({
        record: n,
        where: rec.where,
        applicationId: r.applicationId,
        programme: r.programme,
        outcome: r.outcome,
        humanDecisionRequired: r.humanDecisionRequired,
        // Sources are listed once per rule in "rules", not repeated in every finding.
        findings: r.findings.map(({ ruleId, kind, status, reason, evidenceIds }) => ({ ruleId, kind, status, reason, evidenceIds })),
      })}`,
    invalid: (n, rec, id, problems) =>
      `${sep()}${JSON.stringify({ record: n, where: rec.where, ...(id === undefined ? {} : { applicationId: id }), outcome: 'invalid', problems })}`,
    end: () => '\n]}\n',
  }
}

export const CSV_OUTPUT_COLUMNS = [
  'record',
  'where',
  'id',
  'programme',
  'outcome',
  'humanDecisionRequired',
  'notMet',
  'needsAssessment',
  'reasons',
  'problems',
] as const

function csvWriter(lang: Locale): Writer {
  return {
    begin: () => `${CSV_OUTPUT_COLUMNS.join(',')}\n`,
    result: (n, rec, r) => {
      let reasons = ''
      for (const f of r.findings)
        if (f.status === 'not_met' || f.status === 'needs_assessment')
          reasons = reasons === '' ? f.reason[lang] : `${reasons} | ${f.reason[lang]}`
      return `${n},${csvCell(rec.where)},${csvCell(r.applicationId)},${csvCell(r.programme)},${r.outcome},${r.humanDecisionRequired},${adverse(r, 'not_met')},${adverse(r, 'needs_assessment')},${csvCell(reasons)},\n`
    },
    invalid: (n, rec, id, problems) =>
      `${n},${csvCell(rec.where)},${csvCell(id ?? '')},,invalid,,,,,${csvCell(problems.map((p) => `${p.path}: ${formatMessage(p, lang)}`).join('; '))}\n`,
    end: () => '',
  }
}

// ---------------------------------------------------------------------------------------

const KINDS: Record<string, Kind> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' }

interface ScreenOpts {
  on?: string
  plugin: string[]
  format: 'table' | 'json' | 'csv'
  lang: Locale
  progress?: boolean
  stats?: boolean
}

const idOf = (input: unknown) =>
  typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string' ? input.id : undefined

async function screenFile(io: Io, file: string, opts: ScreenOpts): Promise<number> {
  const kind = KINDS[extname(file).toLowerCase()]
  if (kind === undefined)
    throw new UsageError(`cannot tell the format of ${JSON.stringify(file)}: use a .json, .ndjson (or .jsonl) or .csv file`)
  const info = await stat(file).catch(() => undefined)
  if (info === undefined || !info.isFile()) throw new UsageError(`file not found: ${file}`)
  const on = opts.on ?? stockholmDay(new Date())
  if (!isIsoDate(on)) throw new UsageError(`--on must be a real date written YYYY-MM-DD, got ${JSON.stringify(on)}`)
  const known = installedPlugins.plugins.map((p) => p.id)
  for (const id of opts.plugin)
    if (!known.includes(id)) throw new UsageError(`unknown plugin ${JSON.stringify(id)}. Known plugins: ${known.join(', ')}`)
  const plugins =
    opts.plugin.length === 0 ? installedPlugins : composePlugins(installedPlugins.plugins.filter((p) => opts.plugin.includes(p.id)))
  const s = screener(plugins)

  const writer = opts.format === 'json' ? jsonWriter(s, on) : opts.format === 'csv' ? csvWriter(opts.lang) : tableWriter(opts.lang)
  const toStdout = io === processIo
  let buffer = writer.begin()
  const flush = async () => {
    if (buffer === '') return
    io.out(buffer)
    buffer = ''
    if (toStdout && process.stdout.writableNeedDrain) await once(process.stdout, 'drain')
  }

  const summary: Summary = { total: 0, invalid: 0, eligible: 0, ineligible: 0, requires_assessment: 0, humanDecision: 0 }
  const started = process.hrtime.bigint()
  const showProgress = opts.progress === true || Boolean(process.stderr.isTTY)
  const tty = Boolean(process.stderr.isTTY)
  let lastProgress = Date.now()
  const progress = (final: boolean) => {
    const line = `screened ${summary.total} records (${summary.invalid} invalid)`
    if (tty) io.err(`\r${line}${final ? '\n' : ''}`)
    else io.err(`${line}\n`)
  }

  const invalid = (record: InputRecord, id: string | undefined, problems: readonly FieldProblem[]) => {
    summary.invalid++
    let text = ''
    for (const p of problems) text += `${file}: ${record.where}${id === undefined ? '' : ` (id ${id})`}: ${p.path}: ${p.message}\n`
    io.err(text)
    buffer += writer.invalid(summary.total, record, id, problems)
  }

  const records = kind === 'json' ? readJson(file) : kind === 'ndjson' ? readNdjson(file) : readCsv(file)
  for await (const record of records) {
    summary.total++
    const id = idOf(record.input)
    if (record.problems !== undefined || record.input === undefined) {
      const parsed = record.input === undefined ? undefined : safeParseApplication(record.input)
      const more = parsed !== undefined && !parsed.ok ? parsed.problems : []
      invalid(record, id, [...(record.problems ?? []), ...more])
    } else {
      const parsed = safeParseApplication(record.input)
      if (!parsed.ok) invalid(record, id, parsed.problems)
      else {
        try {
          const result = s.screen(parsed.value, on)
          summary[result.outcome]++
          if (result.humanDecisionRequired) summary.humanDecision++
          buffer += writer.result(summary.total, record, result)
        } catch (error) {
          if (error instanceof UnknownProgrammeError || error instanceof ProgrammeNotInForceError)
            invalid(record, id, [fieldProblem('programme', error.problem.code, error.problem.params)])
          else throw error
        }
      }
    }
    if (buffer.length > 65_536) await flush()
    if (showProgress && (summary.total & 1023) === 0) {
      const now = Date.now()
      if (now - lastProgress >= (tty ? 200 : 2000)) {
        lastProgress = now
        progress(false)
      }
    }
  }
  buffer += writer.end(summary)
  await flush()
  if (showProgress) progress(true)
  if (opts.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const rss = process.resourceUsage().maxRSS / 1024
    io.err(
      `stats: ${summary.total} records in ${seconds.toFixed(2)} s (${Math.round(summary.total / seconds)} records/s), peak RSS ${rss.toFixed(0)} MB\n`,
    )
  }
  return summary.invalid > 0 ? EXIT.invalidInput : EXIT.ok
}

export function registerScreen(program: Command, io: Io): void {
  program
    .command('screen')
    .description('screen grant applications against the rules in force on a date (streams large files)')
    .argument('<file>', 'applications: .json (one or a list), .ndjson (one per line) or .csv (columns in docs/grants.md)')
    .option('--on <date>', 'screening date, YYYY-MM-DD (default: today in Stockholm)')
    .option(
      '--plugin <id>',
      'district plugin whose programmes to use; repeat for several (default: all installed)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--lang <lang>', 'language of the table and of reasons in CSV output').choices(['sv', 'en']).default('sv'))
    .option('--progress', 'report progress on stderr even when it is not a terminal')
    .option('--stats', 'print records per second and peak memory on stderr at the end')
    .addHelpText(
      'after',
      `
Every record is screened; a bad record is reported on stderr with its line or row, field
and problem (and as an "invalid" record in the output), and the others are still screened.
The result is a screening, not a decision: an officer decides.

Exit codes: 0 every record was valid, 1 some records were invalid, 2 usage error.

Examples:
  vbe screen applications.csv --on 2026-11-22
  vbe screen applications.ndjson --plugin rinkeby-kista --format json > results.json
  vbe screen applications.csv --format csv --lang en --progress > results.csv`,
    )
    .action(async (file: string, opts: ScreenOpts) => {
      const code = await screenFile(io, file, opts)
      if (code !== EXIT.ok) process.exitCode = code
    })
}
