/**
 * The bench's printed report: per set-up, median and p95 of each page's times, and the
 * ratios to the baseline measured in the same run against issue 18's budgets.
 */
import type { Page, Sample } from './pages.js'

/** Issue 18's budgets: gzipped script size, and time to visible as a multiple of the baseline's. */
export const BUDGET = { gzip: 14_000, inline: 1.6, minimal: 2.5 } as const
/** The earlier absolute goal for the widget, script loaded → visible. */
export const GOAL_MS = 50

export const pct = (xs: readonly number[], p: number): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}
export const ms = (x: number): string => `${x.toFixed(1)}`.padStart(6)

export interface SetupSummary {
  readonly widget: number
  readonly minimal: number
  readonly base: number
}

/** Prints one set-up's table and ratios; returns its medians (script loaded → visible). */
export function report(title: string, pages: readonly Page[], set: ReadonlyMap<string, Sample[]>): SetupSummary {
  const stat = (name: string, f: (s: Sample) => number) => {
    const xs = (set.get(name) ?? []).map(f)
    return { median: pct(xs, 50), p95: pct(xs, 95) }
  }
  const col = (name: string, f: (s: Sample) => number) => {
    const s = stat(name, f)
    return `${ms(s.median)} ${ms(s.p95)}`
  }
  const viewports = [...new Set([...set.values()].flat().map((x) => x.viewport))].join(', ')
  console.log(`\n${title}; viewport ${viewports}\n`)
  console.log(`${''.padEnd(48)}${'script loaded →'.padEnd(28)}${'navigation →'.padEnd(28)}`)
  console.log(
    `${'page'.padEnd(48)}${'visible'.padEnd(14)}${'painted'.padEnd(14)}${'visible'.padEnd(14)}${'first paint'.padEnd(14)}data requests`,
  )
  console.log(`${''.padEnd(48)}${'   med    p95'.padEnd(14).repeat(4)}`)
  for (const p of pages) {
    const requests = (set.get(p.name) ?? []).map((s) => s.jsonRequests)
    console.log(
      `${p.label.padEnd(48)}${col(p.name, (s) => s.visible - s.scriptLoaded)}  ${col(p.name, (s) => s.painted - s.scriptLoaded)}  ${col(p.name, (s) => s.visible)}  ${col(p.name, (s) => s.fcp)}  ${Math.max(...requests)}`,
    )
  }
  const toVisible = (s: Sample) => s.visible - s.scriptLoaded
  const widget = stat('widget', toVisible)
  const minimal = stat('minimal', toVisible)
  const base = stat('baseline', toVisible)
  const floor = stat('static', toVisible)
  const navWidget = stat('widget', (s) => s.visible)
  const navBase = stat('baseline', (s) => s.visible)
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met')
  const rw = widget.median / base.median
  const rm = minimal.median / base.median
  console.log(
    `\nscript loaded → visible, median: widget ${widget.median.toFixed(1)} ms, p95 ${widget.p95.toFixed(1)} ms (goal < ${GOAL_MS} ms: ${met(widget.median < GOAL_MS)} at the median, ${met(widget.p95 < GOAL_MS)} at p95)`,
  )
  console.log(
    `  ratio to the baseline (${base.median.toFixed(1)} ms): widget ${rw.toFixed(2)}× (budget ${BUDGET.inline}×: ${met(rw <= BUDGET.inline)}), minimal snippet ${rm.toFixed(2)}× (budget ${BUDGET.minimal}×: ${met(rm <= BUDGET.minimal)}; ${minimal.median.toFixed(1)} ms)`,
  )
  console.log(
    `  static shadow markup ${floor.median.toFixed(1)} ms (${(floor.median / base.median).toFixed(2)}× the baseline); widget ${(widget.median / floor.median).toFixed(2)}× the static markup (${(widget.median - floor.median).toFixed(1)} ms for the framework, data and logic)`,
  )
  console.log(
    `navigation → visible, median: widget ${navWidget.median.toFixed(1)} ms, baseline ${navBase.median.toFixed(1)} ms (${(navWidget.median / navBase.median).toFixed(2)}×)`,
  )
  return { widget: widget.median, minimal: minimal.median, base: base.median }
}

/** Prints the traced main-thread CPU time per page (median of the traced loads). */
export function reportCpu(pages: readonly Page[], cpu: ReadonlyMap<string, Array<{ cpu: number; wall: number }>>, runs: number): void {
  console.log(`\nMain-thread CPU time from the task that runs the script to the end of the frame that shows it`)
  console.log(
    `(thread time from Chromium's trace, ${runs} traced loads each; wall time of the same span beside it). Milliseconds, median.\n`,
  )
  for (const p of pages) {
    const xs = cpu.get(p.name) ?? []
    const med = (f: (x: { cpu: number; wall: number }) => number) => ms(pct(xs.map(f), 50))
    console.log(`${p.label.padEnd(48)}cpu ${med((x) => x.cpu)}   wall ${med((x) => x.wall)}`)
  }
}
