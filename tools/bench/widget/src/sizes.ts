/**
 * Gzipped sizes of the embed JS, each language file, each district file and the demo
 * snippet, beside the same widget bundled with React + react-dom instead of
 * preact/compat, and the bare runtimes (React + react-dom vs preact/compat), all built the
 * same way (esbuild, minify, ESM, production, gzip at zlib's default level).
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { preactAliases, type BuildResult } from '@vbe/info-widget/build'
import { BUDGET } from './report.js'

const here = dirname(fileURLToPath(import.meta.url))
const widgetEntry = join(here, '../../../../apps/info-widget/src/element/vbe-info.tsx')
const gz = (b: Uint8Array | string) => gzipSync(b).length
const kb = (n: number) => `${(n / 1024).toFixed(2)} KiB`.padStart(10)

async function bundle(options: { entry?: string; contents?: string; alias?: Record<string, string>; define?: Record<string, string> }) {
  const r = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents ?? '', resolveDir: here, loader: 'tsx' } }),
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

/** Prints the size table; returns vbe-info.js's gzipped size. */
export async function reportSizes(result: BuildResult, snippet: string, inlineTemplate: string): Promise<number> {
  const define = { __VBE_FILES__: '{}', __VBE_INCOMPLETE__: '[]', __VBE_KEY__: '""' }
  const runtime = `import { createRoot } from 'react-dom/client'; import { useId, useState } from 'react'; import { jsx } from 'react/jsx-runtime'; console.log(createRoot, useId, useState, jsx)`
  const rows: Array<[string, number, number]> = []
  for (const [path, f] of Object.entries(result.files))
    if (path.startsWith('i18n/') || path.startsWith('districts/') || path === 'vbe-info.js') rows.push([path, f.bytes, f.gzip])
  rows.push(['snippet in the demo page (rinkeby-kista, sv)', Buffer.byteLength(snippet), gz(snippet)])
  rows.push(['  of which: first-screen data (<template>)', Buffer.byteLength(inlineTemplate), gz(inlineTemplate)])
  const withReact = await bundle({ entry: widgetEntry, define })
  const withPreact = await bundle({ entry: widgetEntry, alias: { ...preactAliases }, define })
  const reactRuntime = await bundle({ contents: runtime })
  const preactRuntime = await bundle({ contents: runtime, alias: { ...preactAliases } })

  console.log('\nSizes (esbuild --minify, ESM, production; gzip at the default level)\n')
  console.log(`${'file'.padEnd(46)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`)
  for (const [name, raw, z] of rows) console.log(`${name.padEnd(46)}${kb(raw)}${kb(z)}`)
  console.log('')
  console.log(`${'widget with preact/compat (no data hashes)'.padEnd(46)}${kb(withPreact.bytes)}${kb(withPreact.gzip)}`)
  console.log(`${'widget with React + react-dom'.padEnd(46)}${kb(withReact.bytes)}${kb(withReact.gzip)}`)
  console.log(`${'runtime only: preact/compat'.padEnd(46)}${kb(preactRuntime.bytes)}${kb(preactRuntime.gzip)}`)
  console.log(`${'runtime only: React + react-dom'.padEnd(46)}${kb(reactRuntime.bytes)}${kb(reactRuntime.gzip)}`)
  const js = result.files['vbe-info.js']?.gzip ?? NaN
  const largest = Math.max(...rows.filter(([n]) => n.startsWith('i18n/')).map(([, , z]) => z))
  console.log(
    `\nBudget: vbe-info.js ${js} B gzipped of ${BUDGET.gzip} (${js <= BUDGET.gzip ? 'met' : 'NOT met'}); largest language file ${largest} B of 3000`,
  )
  return js
}
