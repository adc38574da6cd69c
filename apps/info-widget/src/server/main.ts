/**
 * `npm run serve -w @vbe/info-widget`: builds the widget and serves the demo host page,
 * the snippet generator and the widget files. PORT (default 4310) and HOST (default
 * 127.0.0.1) come from the environment.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { buildWidget } from '../build.js'
import { createApp } from './app.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../../dist')
const port = Number(process.env['PORT'] ?? 4310)
const hostname = process.env['HOST'] ?? '127.0.0.1'

await buildWidget({ outDir: root })
serve({ fetch: createApp({ root }).fetch, port, hostname }, (info) => {
  const url = `http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port}`
  console.log(`VBE info widget: demo host page ${url}/demo/rinkeby-kista.html`)
  console.log(`                 all demo pages  ${url}/demo/`)
  console.log(`                 snippet generator ${url}/generator/`)
})
