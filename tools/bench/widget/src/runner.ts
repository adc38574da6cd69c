/**
 * Loading the bench's pages cold, in two set-ups:
 *
 *   A. `runDirect`: Chromium on its own, with no automation attached: started once, on a
 *      fresh profile, at the first page. Each page measures itself with an inline script
 *      (allowed by its hash), posts its figures to the bench server and moves on to the
 *      page named in the answer, each on a loopback address of its own: a site of its own,
 *      so a new renderer process and empty HTTP and code caches every time.
 *   B. `measure`: under Playwright, a fresh browser context for each load; the harness
 *      waits for a console message, so it runs nothing in the page while it is measured.
 *      Creating and closing a context around every load costs the two cores more than a
 *      reader's browser ever pays, which is why A is the figure held against the budgets.
 *      With a trace path, the load is traced (`mainThreadCpu` reads the trace).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, assertChromium } from '@vbe/test-browser'
import { COLLECT, PROBE, directPath, type BenchServer, type Page, type Sample } from './pages.js'

/** What headless Chromium's window takes from its height (measured: a 1280×720 window gives a 1280×577 page), so the page gets Playwright's 1280×720. */
const HEADLESS_CHROME_PX = 143

export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: Record<string, unknown>
}

/** The renderer main thread's task that evaluates the widget's script, and the mark its first frame leaves. */
export function scriptSpan(events: readonly TraceEvent[]): { start: TraceEvent; painted: TraceEvent; main: TraceEvent[] } | undefined {
  const painted = events.find((e) => e.name === 'vbe-bench-painted')
  if (!painted) return undefined
  const main = events.filter((e) => e.pid === painted.pid && e.tid === painted.tid && e.ph === 'X')
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
  const evaluate = main.filter((e) => e.name === 'v8.evaluateModule' && e.ts < painted.ts).at(-1)
  const start = evaluate && tasks.find((t) => t.ts <= evaluate.ts && t.ts + (t.dur ?? 0) >= evaluate.ts)
  return start ? { start, painted, main } : undefined
}

/**
 * Main-thread CPU time (thread time, from Chromium's trace) from the start of the task
 * that runs the script to the end of the frame that shows its result; contention from
 * other processes on the machine inflates wall time but hardly this.
 */
export function mainThreadCpu(events: readonly TraceEvent[]): { cpu: number; wall: number } {
  const span = scriptSpan(events)
  if (!span) return { cpu: NaN, wall: NaN }
  const { start, painted, main } = span
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
  const cpu = tasks.filter((t) => t.ts >= start.ts && t.ts < painted.ts).reduce((sum, t) => sum + (t.tdur ?? 0), 0)
  return { cpu: cpu / 1000, wall: (painted.ts - start.ts) / 1000 }
}

/** One cold load under Playwright in a fresh context (set-up B); traced into `trace` when given. */
export async function measure(
  browser: Browser,
  origin: string,
  page: Page,
  trace?: { path: string; categories: string[] },
): Promise<Sample> {
  const context = await browser.newContext()
  try {
    const tab = await context.newPage()
    await tab.addInitScript(PROBE)
    const done = tab.waitForEvent('console', { predicate: (m) => m.text() === 'vbe-bench-done', timeout: 15_000 })
    if (trace) await browser.startTracing(tab, { path: trace.path, categories: trace.categories })
    await tab.goto(origin + page.path, { waitUntil: 'commit' })
    await done
    if (trace) await browser.stopTracing()
    // measured: only now does the harness run anything in the page
    return (await tab.evaluate(`(${COLLECT})(${JSON.stringify(page.script)})`)) as Sample
  } finally {
    await context.close()
  }
}

/**
 * Chromium on its own (set-up A), with no automation protocol attached (no DevTools
 * session, no utility world, no events sent to this process): started once with a fresh
 * profile at the first page; each page reports itself and goes on to the next, every one
 * on a loopback address of its own. The first `warmupLoads` loads are dropped.
 */
export async function runDirect(server: BenchServer, order: readonly Page[], warmupLoads: number): Promise<Map<string, Sample[]>> {
  assertChromium('the widget benchmark')
  // every load on its own loopback address: a site of its own, so a new renderer process
  // and empty per-site HTTP and code caches each time (cold, as for a first visit)
  const url = (page: Page, i: number) => `http://127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}:${server.port}${directPath(page)}`
  const results: Sample[] = []
  const profile = await mkdtemp(join(tmpdir(), 'vbe-bench-profile-'))
  const chromium = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, `--window-size=1280,${720 + HEADLESS_CHROME_PX}`, `--user-data-dir=${profile}`, url(order[0] as Page, 0)],
    { stdio: 'ignore' },
  )
  try {
    await new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const stop = (error?: Error) => {
        clearTimeout(timer)
        server.onResult = undefined
        if (error) reject(error)
        else resolve()
      }
      const watchdog = () => {
        clearTimeout(timer)
        const at = `load ${results.length + 1} of ${order.length} (${order[results.length]?.name})`
        timer = setTimeout(() => stop(new Error(`bench: Chromium on its own stopped at ${at}: no figures for 20 s`)), 20_000)
      }
      server.onResult = (sample) => {
        results.push(sample)
        const next = order[results.length]
        if (!next) {
          stop()
          return ''
        }
        watchdog()
        return url(next, results.length)
      }
      chromium.once('exit', (code) => {
        if (results.length < order.length)
          stop(new Error(`bench: Chromium exited (${code}) at load ${results.length + 1} of ${order.length}`))
      })
      watchdog()
    })
  } finally {
    chromium.kill()
    await rm(profile, { recursive: true, force: true }).catch(() => {})
  }
  const out = new Map<string, Sample[]>()
  results.forEach((sample, i) => {
    const name = order[i]?.name
    if (i >= warmupLoads && name) out.set(name, [...(out.get(name) ?? []), sample])
  })
  const seen = new Set([...out.values()].flat().map((x) => x.viewport))
  if (seen.size !== 1 || !seen.has('1280x720@1'))
    throw new Error(`bench: Chromium on its own showed the pages at ${[...seen].join(', ')}, not Playwright's 1280x720@1`)
  return out
}

/** A different order each round, so no page always follows the same one. */
export const rounds = (pages: readonly Page[], n: number): Page[][] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? [...pages] : [...pages].reverse()))
