// Grant-screening benchmarks (issue 4). Prints figures; not part of the test suite.
//
// 1. autocannon against POST /api/screen and GET /api/cases (1 000 cases), each reported
//    as a ratio to a bare Hono hello-world measured the same way in the same run, plus
//    p99 latency. Servers run in their own process; autocannon runs here.
// 2. Re-screening 100 000 stored applications after a rule change, end to end from the
//    database, on PGlite in a data directory (goal: under 10 s).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { screener } from '@vbe/core/grants'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import {
  demoApplication,
  openGrantDatabase,
  Plugins,
  recordCatalogue,
  rescreenOpenCases,
  saveReasons,
  screeningRow,
} from '@vbe/grant-screening'
import { Clock, CurrentUser, Db, type BulkColumn } from '@vbe/server-kit'

const CASE_COLUMNS: BulkColumn[] = [
  ['id', 'text'],
  ['application_ref', 'text'],
  ['district', 'text'],
  ['programme', 'text'],
  ['association_name', 'text'],
  ['organisation_number', 'text'],
  ['amount_requested', 'integer'],
  ['application', 'jsonb'],
  ['status', 'text'],
  ['created_by', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['version', 'integer'],
]
const SCREENING_COLUMNS: BulkColumn[] = [
  ['case_id', 'text'],
  ['outcome', 'text'],
  ['human_required', 'boolean'],
  ['ruleset', 'text'],
  ['screened_on', 'text'],
  ['screened_at', 'timestamptz'],
  ['findings', 'text'],
]

const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8)
const CONNECTIONS = 10
const here = resolve(import.meta.dirname)

function startServer(kind: 'hello' | 'app'): Promise<{ child: ChildProcess; port: number; cookie?: string; csrf?: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@vbe/source', join(here, 'server.ts'), kind], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    let cookie: string | undefined
    let csrf: string | undefined
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const s = /SESSION (\S+) (\S+)/.exec(out)
      if (s) [cookie, csrf] = [s[1], s[2]]
      const p = /PORT (\d+)/.exec(out)
      if (p) ok({ child, port: Number(p[1]), ...(cookie ? { cookie } : {}), ...(csrf ? { csrf } : {}) })
    })
    child.on('exit', (code) => fail(new Error(`${kind} server exited with ${code}`)))
  })
}

async function cannon(opts: autocannon.Options) {
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts })
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${opts.url}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  return { rps: r.requests.average, p99: r.latency.p99, total: r.requests.total }
}

const ONLY = process.env['ONLY'] // 'http' or 'rescreen' to run one part
if (ONLY !== 'rescreen') {
  console.log(`Grant-screening HTTP benchmark: autocannon, ${CONNECTIONS} connections, ${DURATION} s each, servers in their own process.\n`)
  const hello = await startServer('hello')
  const base = await cannon({ url: `http://127.0.0.1:${hello.port}/` })
  hello.child.kill('SIGTERM')
  const app = await startServer('app')
  const headers = { cookie: app.cookie!, 'x-csrf-token': app.csrf!, 'content-type': 'application/json' }
  const screenRun = await cannon({
    url: `http://127.0.0.1:${app.port}/api/screen`,
    method: 'POST',
    headers,
    body: JSON.stringify({ application: demoApplication('bench-screen') }),
  })
  const queueRun = await cannon({ url: `http://127.0.0.1:${app.port}/api/cases?limit=50`, headers })
  app.child.kill('SIGTERM')

  const row = (name: string, r: { rps: number; p99: number }) =>
    `| ${name} | ${Math.round(r.rps).toLocaleString('en')} req/s | ${(r.rps / base.rps).toFixed(2)}× | ${r.p99} ms |`
  console.log('| endpoint | throughput | ratio to hello-world | p99 |\n|---|---|---|---|')
  console.log(row('Hono hello-world (baseline)', base))
  console.log(row('POST /api/screen (session, CSRF, validation, screening)', screenRun))
  console.log(row('GET /api/cases?limit=50 (session, 1 000 cases)', queueRun))
}

// ---- re-screening 100 000 stored applications --------------------------------------
if (ONLY !== 'http') {
  const N = Number(process.env['RESCREEN_N'] ?? 100_000)
  // The database and, beside it, the audit key and checkpoints that opening it creates (`<dir>-audit`):
  // both inside one temporary directory, removed at the end, on failure and on Ctrl-C.
  const root = mkdtempSync(join(tmpdir(), 'gs-bench-'))
  const dir = join(root, 'db')
  const removeRoot = () => rmSync(root, { recursive: true, force: true })
  const interrupted = (signal: NodeJS.Signals) => {
    removeRoot()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    let database = await openGrantDatabase({ kind: 'pglite', dataDir: dir })
    const plugins = composePlugins([norrmalm, rinkebyKista])
    const s = screener(plugins)
    const on = '2026-11-22'
    const t0 = performance.now()
    const catalogue = s.catalogue
    await Effect.runPromise(recordCatalogue(catalogue).pipe(Effect.provideService(Db, database)))
    const at = new Date('2026-11-22T09:00:00Z')
    const reasons = new Map<string, { sv: string; en: string }>()
    for (let start = 0; start < N; start += 5000) {
      const cases: unknown[][] = []
      const screenings: unknown[][] = []
      for (let i = start; i < Math.min(N, start + 5000); i++) {
        const application = demoApplication(`r-${i}`, { amountRequested: 10_000 + ((i * 7919) % 120_000) }) as Parameters<
          typeof s.screen
        >[0]
        const id = `c-${String(i).padStart(7, '0')}`
        cases.push([
          id,
          application.id,
          'rinkeby-kista',
          application.programme,
          application.association.name,
          application.association.organisationNumber,
          application.amountRequested,
          application,
          'new',
          'bench',
          at,
          at,
          1,
        ])
        const r = screeningRow(id, s.screen(application, on), catalogue, at, reasons)
        screenings.push([r.case_id, r.outcome, r.human_required, r.ruleset, r.screened_on, r.screened_at, r.findings])
      }
      await database.bulkInsert(database.kysely, 'gs_cases', CASE_COLUMNS, cases)
      await database.bulkInsert(database.kysely, 'gs_screenings', SCREENING_COLUMNS, screenings)
    }
    await Effect.runPromise(saveReasons(reasons).pipe(Effect.provideService(Db, database)))
    console.log(
      `\nStored ${N.toLocaleString('en')} screened applications in PGlite (${dir}) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    )
    // Start the re-screen from a freshly opened database, as an app would after its rules changed.
    await sql`checkpoint`.execute(database.kysely)
    await database.close()
    database = await openGrantDatabase({ kind: 'pglite', dataDir: dir })

    const p = rinkebyKista.grantProgrammes[0]!
    const stricter = composePlugins([
      norrmalm,
      defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 60_000 } }] }),
    ])
    const t1 = performance.now()
    const run = await Effect.runPromise(
      rescreenOpenCases({
        onProgress: (done) => process.stdout.write(`\r  re-screened ${done.toLocaleString('en')} / ${N.toLocaleString('en')}`),
      }).pipe(
        Effect.provideService(Db, database),
        Effect.provideService(Clock, { now: () => new Date('2026-11-22T10:00:00Z') }),
        Effect.provideService(CurrentUser, { id: 'bench', username: 'bench', displayName: 'Bench', roles: ['admin'], district: null }),
        Effect.provideService(Plugins, stricter),
      ),
    )
    const secs = (performance.now() - t1) / 1000
    console.log(
      `\nRe-screen after a rule change (maxAmount 100 000 → 60 000): ${run.checked.toLocaleString('en')} checked, ${run.changed.toLocaleString('en')} changed, ${run.flips.length.toLocaleString('en')} flipped, each with an audit event, in ${secs.toFixed(2)} s (goal < 10 s).`,
    )
    const onlyScreen = performance.now()
    // Baseline in the same run: screening the same applications in memory, without the database.
    for (let i = 0; i < N; i++)
      screener(stricter).screen(
        demoApplication(`r-${i}`, { amountRequested: 10_000 + ((i * 7919) % 120_000) }) as Parameters<typeof s.screen>[0],
        on,
      )
    const memSecs = (performance.now() - onlyScreen) / 1000
    console.log(
      `Baseline, screening the same ${N.toLocaleString('en')} in memory only: ${memSecs.toFixed(2)} s; end-to-end is ${(secs / memSecs).toFixed(1)}× that.`,
    )
    await database.close()
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    removeRoot()
  }
}
