/**
 * Widget benchmark (not part of `npm test`): `npm run bench -w @vbe/bench-widget`.
 *
 * 1. Gzipped sizes of the embed JS, each language file and each district file, beside
 *    the same widget bundled with React + react-dom instead of preact/compat, and the
 *    bare runtimes (React + react-dom vs preact/compat), all built the same way
 *    (esbuild, minify, ESM, production, gzip at zlib's default level).
 * 2. Time from the script being loaded to the widget being visible, in Debian's
 *    Chromium, over RUNS page loads (median and 95th percentile). Goal: under 50 ms.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { build } from 'esbuild'
import { launchChromium } from '@vbe/test-browser'
import { buildWidget, preactAliases } from '@vbe/info-widget/build'
import { createApp } from '@vbe/info-widget/server'

const RUNS = Number(process.env['RUNS'] ?? 30)
const here = dirname(fileURLToPath(import.meta.url))
const widgetEntry = join(here, '../../../../apps/info-widget/src/element/vbe-info.tsx')
const gz = (b: Uint8Array | string) => gzipSync(b).length
const kb = (n: number) => `${(n / 1024).toFixed(2)} KiB`.padStart(10)

async function bundle(options: { entry?: string; contents?: string; alias?: Record<string, string>; define?: Record<string, string> }) {
  const r = await build({
    ...(options.entry ? { entryPoints: [options.entry] } : { stdin: { contents: options.contents ?? '', resolveDir: here, loader: 'tsx' } }),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    conditions: ['@vbe/source'],
    ...(options.alias ? { alias: options.alias } : {}),
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    logLevel: 'silent',
  })
  const out = r.outputFiles[0]?.contents ?? new Uint8Array()
  return { bytes: out.length, gzip: gz(out) }
}

const outDir = await mkdtemp(join(tmpdir(), 'vbe-bench-'))
const result = await buildWidget({ outDir, log: () => {} })
const define = { __VBE_FILES__: '{}', __VBE_INCOMPLETE__: '[]' }
const runtime = `import { createRoot } from 'react-dom/client'; import { useId, useState } from 'react'; import { jsx } from 'react/jsx-runtime'; console.log(createRoot, useId, useState, jsx)`
const rows: Array<[string, number, number]> = []
for (const [path, f] of Object.entries(result.files)) if (!path.endsWith('manifest.json')) rows.push([path, f.bytes, f.gzip])
const withReact = await bundle({ entry: widgetEntry, define })
const withPreact = await bundle({ entry: widgetEntry, alias: { ...preactAliases }, define })
const reactRuntime = await bundle({ contents: runtime })
const preactRuntime = await bundle({ contents: runtime, alias: { ...preactAliases } })

console.log('\nSizes (esbuild --minify, ESM, production; gzip at the default level)\n')
console.log(`${'file'.padEnd(42)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`)
for (const [name, raw, z] of rows) console.log(`${name.padEnd(42)}${kb(raw)}${kb(z)}`)
console.log('')
console.log(`${'widget with preact/compat (no data hashes)'.padEnd(42)}${kb(withPreact.bytes)}${kb(withPreact.gzip)}`)
console.log(`${'widget with React + react-dom'.padEnd(42)}${kb(withReact.bytes)}${kb(withReact.gzip)}`)
console.log(`${'runtime only: preact/compat'.padEnd(42)}${kb(preactRuntime.bytes)}${kb(preactRuntime.gzip)}`)
console.log(`${'runtime only: React + react-dom'.padEnd(42)}${kb(reactRuntime.bytes)}${kb(reactRuntime.gzip)}`)
const js = rows.find(([n]) => n === 'vbe-info.js')
console.log(`\nBudget: vbe-info.js ${js?.[2]} B gzipped of 12000; largest language file ${Math.max(...rows.filter(([n]) => n.startsWith('i18n/')).map(([, , z]) => z))} B of 3000`)

// Time to visible
const integrity = result.files['vbe-info.js']?.integrity ?? ''
const snippetPage = (await readFile(join(outDir, 'demo/rinkeby-kista.html'), 'utf8')).replace(/integrity="[^"]*"/, `integrity="${integrity}"`)
const app = createApp({ root: outDir, pages: { '/bench.html': { html: snippetPage } } })
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
})
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
const browser = await launchChromium('the widget benchmark')
const fromScript: number[] = []
const fromNavigation: number[] = []
const fromData: number[] = []
const fetching: number[] = []
for (let i = 0; i < RUNS + 3; i++) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.addInitScript(() => {
    document.addEventListener('vbe-info-ready', () => requestAnimationFrame(() => ((window as unknown as { __visible: number }).__visible = performance.now())))
  })
  if (process.env['DEBUG']) page.on('console', (m) => console.log(m.text()))
  await page.goto(`${origin}/bench.html${process.env['DEBUG'] ? '?debug' : ''}`)
  await page.waitForFunction(() => (window as unknown as { __visible?: number }).__visible !== undefined)
  const t = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/vbe-info.js')) as PerformanceResourceTiming
    const visible = (window as unknown as { __visible: number }).__visible
    const json = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.json')) as PerformanceResourceTiming[]
    if (location.search.includes('debug')) console.log(JSON.stringify({ script: [script.startTime, script.responseEnd], json: json.map((j) => [j.name.split('/').pop(), Math.round(j.startTime), Math.round(j.responseEnd)]), dcl: performance.getEntriesByType('navigation')[0] && (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd, visible }))
    const dataLoaded = Math.max(...json.map((j) => j.responseEnd))
    return { fromScript: visible - script.responseEnd, fromNavigation: visible, fromData: visible - dataLoaded, fetch: dataLoaded - script.responseEnd }
  })
  if (i >= 3) {
    fromScript.push(t.fromScript)
    fromNavigation.push(t.fromNavigation)
    fromData.push(t.fromData)
    fetching.push(t.fetch)
  }
  await context.close()
}
await browser.close()
server.close()
await rm(outDir, { recursive: true, force: true })
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN
console.log(`\nTime to visible in Chromium, ${RUNS} cold page loads (fresh context each, loopback server; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}):`)
console.log(`  script loaded → widget visible: median ${pct(fromScript, 50).toFixed(1)} ms, p95 ${pct(fromScript, 95).toFixed(1)} ms (goal < 50 ms)`)
console.log(`    of which: waiting for its two data files (language, district): median ${pct(fetching, 50).toFixed(1)} ms`)
console.log(`    of which: data loaded → rendered and painted: median ${pct(fromData, 50).toFixed(1)} ms, p95 ${pct(fromData, 95).toFixed(1)} ms`)
console.log(`  navigation start → widget visible: median ${pct(fromNavigation, 50).toFixed(1)} ms, p95 ${pct(fromNavigation, 95).toFixed(1)} ms`)
