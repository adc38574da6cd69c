/**
 * Where one load's main-thread time goes (`npm run profile -w @vbe/bench-widget`):
 * PROFILE_RUNS (default 6) traced cold loads of each of the widget and minimal pages
 * under Playwright, with Chromium's timeline and V8's sampling profiler in the trace, from
 * the task that runs the script to the end of the frame that shows the widget:
 *
 * - the main thread's time by kind (thread time, self time of the timeline's events:
 *   script compile, script run, JSON parse, style, layout, paint, HTML parse, …), median
 *   over the loads;
 * - where the thread was blocked (self wall time minus self thread time, by event), and the
 *   font lookups in the span: Linux's sandbox asks the browser process, synchronously, for
 *   each font size and weight a page shows for the first time;
 * - JavaScript by function (V8's samples, inclusive time, mean over the loads), so that
 *   JSON.parse, WebCrypto's calls, preact's diff and the widget's own code are told apart
 *   (PROFILE_READABLE=1: vbe-info.js rebuilt without minified names, its SRI hash in the
 *   pages with it, so the functions have their source names);
 * - one load's tasks in order (start, wall and thread time, what they ran), where the
 *   waits (the network, WebCrypto's thread) show as gaps.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { launchChromium } from '@vbe/test-browser'
import { LANGUAGES, missingKeys } from '@vbe/ui'
import { messages } from '@vbe/ui/messages'
import { buildWidget, preactAliases } from '@vbe/info-widget/build'
import { makePages, startServer, writeStaticScript, type Page } from './pages.js'
import { ms, pct } from './report.js'
import { measure, scriptSpan, type TraceEvent } from './runner.js'

const RUNS = Number(process.env['PROFILE_RUNS'] ?? 6)
const CATEGORIES = [
  'toplevel',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'loading',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'fonts',
]

/** Timeline event names → the kind of work they are. Names not listed count under their own name. */
const KIND: Record<string, string> = {
  'v8.compile': 'script compile',
  'v8.compileModule': 'script compile',
  'V8.CompileCode': 'script compile (lazy functions)',
  'v8.produceModuleCache': 'script compile',
  'v8.evaluateModule': 'script run',
  FunctionCall: 'script run',
  EvaluateScript: 'script run',
  'v8.callFunction': 'script run',
  RunMicrotasks: 'script run',
  'V8.GCScavenger': 'garbage collection',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  UpdateLayoutTree: 'style recalculation',
  'Document::updateStyle': 'style recalculation',
  ParseAuthorStyleSheet: 'style sheet parse',
  Layout: 'layout',
  'LocalFrameView::layout': 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layerize',
  Commit: 'commit',
  ParseHTML: 'HTML parse',
  'HTMLDocumentParser::PumpTokenizer': 'HTML parse',
  ResourceReceivedData: 'network callbacks',
  ResourceReceiveResponse: 'network callbacks',
  ResourceFinish: 'network callbacks',
  HitTest: 'hit test',
}

/**
 * Self time of each main-thread event in [from, to): thread time (tdur minus the children's)
 * summed by kind, and the time the thread was blocked in it (self wall time minus self thread
 * time) summed by event name: a synchronous call to the browser process (font data on Linux,
 * for one) shows there, and so does a thread that the two shared cores left waiting.
 */
function selfTimes(main: readonly TraceEvent[], from: number, to: number): { thread: Map<string, number>; blocked: Map<string, number> } {
  const inSpan = main
    .filter((e) => e.ts >= from && e.ts < to && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const thread = new Map<string, number>()
  const blocked = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + Math.max(0, us) / 1000)
  const stack: Array<{ e: TraceEvent; self: number; wall: number }> = []
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.e.ts ?? 0) + (stack.at(-1)?.e.dur ?? 0) <= until) {
      const top = stack.pop()
      if (!top) break
      const kind = top.e.name === 'ThreadControllerImpl::RunTask' ? 'other (task overhead, unlisted)' : (KIND[top.e.name] ?? top.e.name)
      add(thread, kind, top.self)
      add(blocked, top.e.name, top.wall - Math.max(0, top.self))
    }
  }
  for (const e of inSpan) {
    close(e.ts)
    const parent = stack.at(-1)
    if (parent) {
      parent.self -= e.tdur ?? 0
      parent.wall -= e.dur ?? 0
    }
    stack.push({ e, self: e.tdur ?? 0, wall: e.dur ?? 0 })
  }
  close(Infinity)
  return { thread, blocked }
}

/** Font lookups in [from, to): how many, and their wall time (ms), by event name. */
function fontLookups(main: readonly TraceEvent[], from: number, to: number): Map<string, { n: number; ms: number }> {
  const out = new Map<string, { n: number; ms: number }>()
  for (const e of main.filter((e) => e.ts >= from && e.ts < to && /^(FontCache|WebSandboxSupportLinux|FontDataService)::/.test(e.name))) {
    const seen = out.get(e.name) ?? { n: 0, ms: 0 }
    out.set(e.name, { n: seen.n + 1, ms: seen.ms + (e.dur ?? 0) / 1000 })
  }
  return out
}

interface ProfileNode {
  id: number
  parent?: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

/** V8's samples in [from, to) on the painted thread, as inclusive time (ms) by function. */
function samplesByFunction(events: readonly TraceEvent[], pid: number, from: number, to: number): Map<string, number> {
  const nodes = new Map<number, ProfileNode>()
  const out = new Map<string, number>()
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid)
  const profileId = (profile as unknown as { id?: string } | undefined)?.id
  let t = Number((profile?.args?.['data'] as { startTime?: number } | undefined)?.startTime ?? NaN)
  for (const chunk of events.filter(
    (e) => e.name === 'ProfileChunk' && e.pid === pid && (e as unknown as { id?: string }).id === profileId,
  )) {
    const data = chunk.args?.['data'] as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n)
    const samples = data?.cpuProfile?.samples ?? []
    const deltas = data?.timeDeltas ?? []
    samples.forEach((id, i) => {
      const next = t + (deltas[i] ?? 0)
      const width = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000
      t = next
      if (t < from || t >= to) return
      const self = nodes.get(id)?.callFrame
      if (!self || self.functionName === '(idle)') return
      // inclusive: every function on the sample's stack, once
      const names = new Set<string>()
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const f = n.callFrame
        if (f.functionName === '(root)') continue
        const where = f.url ? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''
        names.add(`${f.functionName || '(anonymous)'} ${where}`.trim())
      }
      for (const name of names) out.set(name, (out.get(name) ?? 0) + width)
    })
  }
  return out
}

/** The tasks in one load's span, in order: offset from the script's task, wall and thread time, and their biggest children. */
function taskList(span: NonNullable<ReturnType<typeof scriptSpan>>): string[] {
  const { start, painted, main } = span
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start.ts && e.ts < painted.ts)
  return tasks
    .filter((t) => (t.tdur ?? 0) >= 100)
    .map((t) => {
      const inner = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && (e.dur ?? 0) >= 200)
      const names = [...new Set(inner.map((e) => `${KIND[e.name] ?? e.name}`))].slice(0, 6).join(', ')
      return `  +${ms((t.ts - start.ts) / 1000)} ms  wall ${ms((t.dur ?? 0) / 1000)}  cpu ${ms((t.tdur ?? 0) / 1000)}  ${names}`
    })
}

/** Rebuilds vbe-info.js as the build does, but with its functions' names, and puts its SRI hash in the demo page. */
async function readableScript(outDir: string): Promise<void> {
  const js = join(outDir, 'widget/vbe-info.js')
  const key = /"(B[A-Za-z0-9+/]{86}=)"/.exec(await readFile(js, 'utf8'))?.[1]
  if (!key) throw new Error('profile: no public key found in vbe-info.js')
  const hash = (b: string | Uint8Array, a: 'sha256' | 'sha384') => `${a}-${createHash(a).update(b).digest('base64')}`
  const files: Record<string, string> = {}
  for (const lang of LANGUAGES) files[`i18n/${lang}.json`] = hash(await readFile(join(outDir, `widget/i18n/${lang}.json`)), 'sha256')
  const r = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), '../../../../apps/info-widget/src/element/vbe-info.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'utf8',
    jsx: 'automatic',
    conditions: ['@vbe/source'],
    alias: preactAliases,
    banner: { js: '//# allFunctionsCalledOnLoad' },
    define: {
      __VBE_FILES__: JSON.stringify(files),
      __VBE_KEY__: JSON.stringify(key),
      __VBE_INCOMPLETE__: JSON.stringify(LANGUAGES.filter((l) => missingKeys(messages[l]).length > 0)),
      'process.env.NODE_ENV': '"production"',
    },
    logLevel: 'silent',
  })
  const out = r.outputFiles[0]?.contents
  if (!out) throw new Error('profile: esbuild produced no output')
  const old = hash(await readFile(js), 'sha384')
  await writeFile(js, out)
  const demo = join(outDir, 'demo/rinkeby-kista.html')
  await writeFile(demo, (await readFile(demo, 'utf8')).replace(old, hash(out, 'sha384')))
}

const outDir = await mkdtemp(join(tmpdir(), 'vbe-profile-'))
await buildWidget({ outDir, log: () => {} })
if (process.env['PROFILE_READABLE'] === '1') await readableScript(outDir)
const { pages } = await makePages(outDir)
const server = await startServer(outDir, pages)
const browser = await launchChromium('the widget profile')
const trace = { path: join(outDir, 'trace.json'), categories: CATEGORIES }
try {
  await writeStaticScript(browser, server.origin, outDir)
  const wanted = (process.env['PROFILE_PAGES'] ?? 'widget,minimal,static,baseline').split(',')
  for (const page of pages.filter((p) => wanted.includes(p.name))) await profilePage(page)
} finally {
  await browser.close()
  server.close()
  await rm(outDir, { recursive: true, force: true })
}

async function profilePage(page: Page): Promise<void> {
  const kinds = new Map<string, number[]>()
  const functions = new Map<string, number>()
  const totals: number[] = []
  const blocked = new Map<string, number>()
  const fonts = new Map<string, { n: number; ms: number }>()
  let example: string[] = []
  for (let i = 0; i < RUNS + 1; i++) {
    await measure(browser, server.origin, page, trace)
    if (i === 0) continue // warm-up
    const events = (JSON.parse(await readFile(trace.path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents
    const span = scriptSpan(events)
    if (!span) throw new Error(`profile: no span in the trace of ${page.name}`)
    const to = span.painted.ts
    const { thread: byKind, blocked: byName } = selfTimes(span.main, span.start.ts, to)
    for (const [k, v] of byName) blocked.set(k, (blocked.get(k) ?? 0) + v / RUNS)
    for (const [k, v] of fontLookups(span.main, span.start.ts, to)) {
      const seen = fonts.get(k) ?? { n: 0, ms: 0 }
      fonts.set(k, { n: seen.n + v.n / RUNS, ms: seen.ms + v.ms / RUNS })
    }
    totals.push([...byKind.values()].reduce((a, b) => a + b, 0))
    for (const [k, v] of byKind) kinds.set(k, [...(kinds.get(k) ?? []), v])
    for (const [k, v] of samplesByFunction(events, span.painted.pid, span.start.ts, to))
      functions.set(k, (functions.get(k) ?? 0) + v / RUNS)
    if (i === RUNS) example = taskList(span)
  }
  console.log(
    `\n${page.label}: main thread, script's task → painted, ${RUNS} traced loads (thread time, ms, median; total ${ms(pct(totals, 50))})\n`,
  )
  const rows = [...kinds].map(([k, v]) => [k, pct([...v, ...Array<number>(RUNS - v.length).fill(0)], 50)] as const)
  for (const [k, v] of rows.sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.05)) console.log(`  ${k.padEnd(44)}${ms(v)}`)
  console.log(`\n  blocked: self wall time minus self thread time, by event (ms per load, mean; ≥ 0.5 ms):`)
  for (const [k, v] of [...blocked].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.5)) console.log(`  ${ms(v)}  ${k}`)
  console.log(`\n  font lookups (calls and wall ms per load, mean; the span's text in sizes and weights the page has not used yet):`)
  for (const [k, v] of fonts) console.log(`  ${v.n.toFixed(1).padStart(6)} calls ${ms(v.ms)} ms  ${k}`)
  console.log(`\n  JavaScript by function (V8 samples, inclusive, ms per load, mean; sampled wall time, so read it as shares):`)
  for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms(v)}  ${k}`)
  console.log(`\n  the last load's tasks (≥ 0.1 ms thread time), from the script's task:`)
  for (const line of example) console.log(line)
}
