/**
 * Widget benchmark (not part of `npm test`): `npm run bench -w @vbe/bench-widget`.
 *
 * 1. Sizes (`sizes.ts`): the gzipped embed JS, language and district files and demo
 *    snippet, beside the same widget bundled with React + react-dom.
 * 2. Time from the script being loaded to the widget being visible, in Debian's Chromium,
 *    over RUNS cold page loads of each page (`pages.ts`: widget, minimal, static,
 *    baseline), interleaved in the same run because the machine is shared and noisy, in
 *    two set-ups (`runner.ts`): A, Chromium on its own (the figure held against the
 *    budgets), and B, under Playwright.
 * 3. The report (`report.ts`): median and p95, and the ratios to the baseline measured
 *    in the same run, against issue 18's budgets; then, from TRACE_RUNS traced loads
 *    under Playwright, the main-thread CPU time from the script's task to the frame that
 *    shows it.
 *
 * "Visible" is the start of the first frame after the widget has rendered (the next
 * requestAnimationFrame after its `vbe-info-ready` event); "painted" is when that frame's
 * main-thread work (style, layout, paint) is done (a message posted from that frame).
 * Where the time goes inside one load: `profile.ts` (`npm run profile`).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '@vbe/test-browser'
import { buildWidget } from '@vbe/info-widget/build'
import { makePages, startServer, writeStaticScript, type Sample } from './pages.js'
import { report, reportCpu } from './report.js'
import { mainThreadCpu, measure, rounds, runDirect, type TraceEvent } from './runner.js'
import { reportSizes } from './sizes.js'

const RUNS = Number(process.env['RUNS'] ?? 30)
/** `SETUPS=A`: only Chromium on its own (the figure for the budgets), without B and its traced loads. */
const UNDER_PLAYWRIGHT = (process.env['SETUPS'] ?? 'A,B').split(',').includes('B')
const TRACE_RUNS = UNDER_PLAYWRIGHT ? Number(process.env['TRACE_RUNS'] ?? 8) : 0
const WARMUP = 3

const outDir = await mkdtemp(join(tmpdir(), 'vbe-bench-'))
const result = await buildWidget({ outDir, log: () => {} })
const { pages, snippet, inlineTemplate } = await makePages(outDir)
await reportSizes(result, snippet, inlineTemplate)

const server = await startServer(outDir, pages)
const browser = await launchChromium('the widget benchmark')
const samples = new Map<string, Sample[]>(pages.map((p) => [p.name, []]))
let directSamples = new Map<string, Sample[]>()
const cpuSamples = new Map<string, Array<{ cpu: number; wall: number }>>(pages.map((p) => [p.name, []]))
const loadBefore = loadavg()[0] ?? NaN
try {
  await writeStaticScript(browser, server.origin, outDir)
  directSamples = await runDirect(server, rounds(pages, RUNS + WARMUP).flat(), WARMUP * pages.length)
  for (const [i, order] of UNDER_PLAYWRIGHT ? rounds(pages, RUNS + WARMUP).entries() : []) {
    for (const page of order) {
      const s = await measure(browser, server.origin, page)
      if (i >= WARMUP) samples.get(page.name)?.push(s)
    }
  }
  // separately, with Chromium's trace on (it slows the page down a little)
  const trace = { path: join(outDir, 'trace.json'), categories: ['toplevel', 'v8', 'blink.user_timing'] }
  for (let i = 0; i < TRACE_RUNS; i++) {
    for (const page of pages) {
      await measure(browser, server.origin, page, trace)
      const events = (JSON.parse(await readFile(trace.path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents
      cpuSamples.get(page.name)?.push(mainThreadCpu(events))
    }
  }
} finally {
  await browser.close()
  server.close()
  await rm(outDir, { recursive: true, force: true })
}
const loadAfter = loadavg()[0] ?? NaN

console.log(
  `\nTime to visible in Chromium: ${RUNS} cold page loads of each page in each of two set-ups, interleaved (loopback server, strict CSP;`,
)
console.log(
  `1-minute load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cpus().length} cores). Milliseconds, median and p95.`,
)
const alone = report(
  `A. Chromium on its own, no automation attached (the figure for the budgets): each page measures itself and goes on to the next, each on a loopback address of its own (new renderer process, empty caches)`,
  pages,
  directSamples,
)
const driven = UNDER_PLAYWRIGHT
  ? report(
      `B. The same pages under Playwright (DevTools protocol attached: its utility world, and page and network events sent to the harness), a fresh context each`,
      pages,
      samples,
    )
  : undefined
if (driven)
  console.log(
    `\nwidget, script loaded → visible, median: ${alone.widget.toFixed(1)} ms on its own (${(alone.widget / alone.base).toFixed(2)}× its baseline), ${driven.widget.toFixed(1)} ms under Playwright (${(driven.widget / driven.base).toFixed(2)}× its baseline); Playwright adds ${(driven.widget - alone.widget).toFixed(1)} ms to the widget and ${(driven.base - alone.base).toFixed(1)} ms to the baseline`,
  )
if (TRACE_RUNS > 0) reportCpu(pages, cpuSamples, TRACE_RUNS)
