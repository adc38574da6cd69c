// @ts-check
/**
 * Benchmark: `screen` from @vbe/core/grants against json-rules-engine on the same
 * synthetic applications, then the built `vbe screen` on a 1 000 000-row CSV.
 *
 *   npm run bench -w @vbe/bench-screening            (or: npx nx run @vbe/bench-screening:bench)
 *   node src/bench.mjs --apps 100000 --rows 1000000 --rounds 5
 *
 * Not a test: nothing here runs in the test suite. Run it on an otherwise idle machine.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { safeParseApplication, screen } from '@vbe/core/grants'
import { composePlugins } from '@vbe/core/plugins'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { CSV_HEADER, csvRow, generateApplication, generateApplications, prng } from './generate.mjs'
import { buildEngine, screenWithEngine } from './json-rules-engine.mjs'

const args = process.argv.slice(2)
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback
}
const APPS = arg('apps', 100_000)
const ROWS = arg('rows', 1_000_000)
const ROUNDS = arg('rounds', 5)
const JRE_ROUNDS = arg('jre-rounds', 3)
const SEED = arg('seed', 20261122)
const ON = '2026-11-22'
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const fmt = (n) => Math.round(n).toLocaleString('en-GB')
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} core(s) available; single-threaded (one core)`,
)

// --- Applications --------------------------------------------------------------------------
const plugins = composePlugins([rinkebyKista])
const programme = plugins.programme('rinkeby-kista/foreningsbidrag')
if (!programme) throw new Error('the Rinkeby-Kista programme is missing')
let t = performance.now()
const apps = generateApplications(APPS, SEED, ON)
console.log(`generated ${fmt(APPS)} applications (seed ${SEED}) in ${(performance.now() - t).toFixed(0)} ms`)
let invalid = 0
for (const a of apps) if (!safeParseApplication(a).ok) invalid++
if (invalid > 0) throw new Error(`${invalid} generated applications do not parse`)
console.log(`all ${fmt(APPS)} parse as valid applications (safeParseApplication)`)

const options = { on: ON, plugins }
/** @type {Record<string, number>} */
const mix = { eligible: 0, ineligible: 0, requires_assessment: 0 }
let findings = 0
let human = 0
for (const a of apps) {
  const r = screen(a, options)
  mix[r.outcome] = (mix[r.outcome] ?? 0) + 1
  findings += r.findings.length
  if (r.humanDecisionRequired) human++
}
console.log(
  `outcome mix: ${Object.entries(mix)
    .map(([k, v]) => `${k} ${fmt(v)} (${((100 * v) / APPS).toFixed(1)}%)`)
    .join(', ')}; human decision ${fmt(human)}; ${(findings / APPS).toFixed(2)} findings per application`,
)

// --- Timing ----------------------------------------------------------------------------------
function timeScreen() {
  let sink = 0
  const start = performance.now()
  for (let i = 0; i < apps.length; i++) sink += screen(apps[i], options).findings.length
  const ms = performance.now() - start
  if (sink !== findings) throw new Error('screen gave different findings between rounds')
  return (apps.length / ms) * 1000
}

const engine = buildEngine(programme.parameters)
async function timeEngine() {
  let sink = 0
  const start = performance.now()
  for (let i = 0; i < apps.length; i++) sink += (await screenWithEngine(engine, apps[i], ON)).adverse.length
  const ms = performance.now() - start
  if (sink < 0) throw new Error('unreachable')
  return (apps.length / ms) * 1000
}

// Warm up both engines.
timeScreen()
timeScreen()
for (let i = 0; i < Math.min(5000, apps.length); i++) await screenWithEngine(engine, apps[i], ON)

const screenRates = []
const engineRates = []
for (let round = 1; round <= Math.max(ROUNDS, JRE_ROUNDS); round++) {
  if (round <= ROUNDS) screenRates.push(timeScreen())
  if (round <= JRE_ROUNDS) engineRates.push(await timeEngine())
  console.log(
    `round ${round}: screen ${screenRates[round - 1] ? fmt(screenRates[round - 1]) : '-'} apps/s, json-rules-engine ${engineRates[round - 1] ? fmt(engineRates[round - 1]) : '-'} apps/s`,
  )
}
const screenRate = median(screenRates)
const engineRate = median(engineRates)
console.log(
  `\nscreen (full findings):  ${fmt(screenRate)} applications/s (median of ${screenRates.length} rounds; best ${fmt(Math.max(...screenRates))})`,
)
console.log(`json-rules-engine 7:     ${fmt(engineRate)} applications/s (median of ${engineRates.length} rounds)`)
console.log(`ratio:                   ${(screenRate / engineRate).toFixed(1)}x   (goals: >= 500,000 apps/s, >= 20x)`)

// --- Agreement ---------------------------------------------------------------------------------
let sameOutcome = 0
let sameRules = 0
const disagreements = []
for (const a of apps) {
  const r = screen(a, options)
  const e = await screenWithEngine(engine, a, ON)
  const ours = [
    ...new Set(r.findings.filter((f) => f.status === 'not_met' || f.status === 'needs_assessment').map((f) => `${f.status}:${f.ruleId}`)),
  ]
    .sort()
    .join(' ')
  const theirs = [...new Set(e.adverse)].sort().join(' ')
  if (r.outcome === e.outcome) sameOutcome++
  else if (disagreements.length < 5)
    disagreements.push(`${a.id}: screen ${r.outcome} [${ours}] vs json-rules-engine ${e.outcome} [${theirs}]`)
  if (ours === theirs) sameRules++
}
console.log(
  `agreement: ${fmt(sameOutcome)} / ${fmt(APPS)} same outcome; ${fmt(sameRules)} / ${fmt(APPS)} same rules not met / needing assessment`,
)
for (const d of disagreements) console.log(`  disagreement: ${d}`)
if (sameOutcome !== APPS) process.exitCode = 1

// --- The CLI on a large CSV ----------------------------------------------------------------------
if (ROWS > 0) {
  const bin = join(repoRoot, 'apps/cli/dist/vbe.js')
  if (!existsSync(bin)) throw new Error(`build the CLI first (npx nx run @vbe/cli:build): ${bin} is missing`)
  const dir = mkdtempSync(join(os.tmpdir(), 'vbe-bench-'))
  const file = join(dir, 'applications.csv')
  try {
    t = performance.now()
    const out = createWriteStream(file)
    out.write(`${CSV_HEADER.join(',')}\n`)
    const rnd = prng(SEED + 1)
    let chunk = ''
    for (let i = 1; i <= ROWS; i++) {
      chunk += `${csvRow(generateApplication(rnd, i, ON))}\n`
      if (chunk.length > 1 << 20 || i === ROWS) {
        if (!out.write(chunk)) await once(out, 'drain')
        chunk = ''
      }
    }
    out.end()
    await once(out, 'finish')
    console.log(
      `\nwrote ${fmt(ROWS)} CSV rows (${(out.bytesWritten / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )

    const useTime = existsSync('/usr/bin/time')
    const command = useTime ? '/usr/bin/time' : process.execPath
    const cliArgs = [bin, 'screen', file, '--on', ON, '--format', 'csv', '--stats']
    const child = spawn(command, useTime ? ['-v', process.execPath, ...cliArgs] : cliArgs, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 16))
    })
    const start = performance.now()
    const [code] = await once(child, 'close')
    const seconds = (performance.now() - start) / 1000
    const stats = /stats: .*/.exec(stderr)?.[0]
    const maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
    console.log(`vbe screen (exit ${code}): ${fmt(ROWS / seconds)} rows/s wall clock (${seconds.toFixed(1)} s, output to /dev/null)`)
    if (stats) console.log(`  ${stats}`)
    if (useTime) console.log(`  peak RSS (/usr/bin/time -v): ${(maxRssKb / 1024).toFixed(0)} MB   (goal: < 300 MB)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
