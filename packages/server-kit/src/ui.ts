import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { KitEnv } from './http.js'

export interface UiOptions {
  /** The built UI (vite's output): `index.html` and `assets/`. */
  readonly dir: string
  readonly title: string
  /** The command that builds the UI, for the page shown while it is not built. */
  readonly buildCommand: string
  /**
   * The UI's own pages: the paths that get `index.html`. A pattern is a path whose
   * segments may be `:name` (any one segment) and whose last segment may be `*` (the
   * rest). Every other path that is no file of the build answers 404.
   */
  readonly routes: readonly string[]
}

/** What `/robots.txt` says: staff apps are for no search engine. */
export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n'

const HTML = 'text/html; charset=utf-8'
const MIME: Record<string, string> = {
  '.html': HTML,
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '')

/** Whether `path` is one of the UI's pages (see `UiOptions.routes`). */
export function isUiRoute(path: string, routes: readonly string[]): boolean {
  const parts = segmentsOf(path)
  return routes.some((route) => {
    const pattern = segmentsOf(route)
    const rest = pattern[pattern.length - 1] === '*'
    const fixed = rest ? pattern.slice(0, -1) : pattern
    if (rest ? parts.length < fixed.length : parts.length !== fixed.length) return false
    return fixed.every((p, i) => (p.startsWith(':') ? parts[i] !== undefined : p === parts[i]))
  })
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** The page for a path the UI does not have, in Swedish and English. */
function notFoundPage(title: string): string {
  const t = escapeHtml(title)
  return [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta name="robots" content="noindex"><title>Sidan finns inte – ${t}</title></head><body><main>`,
    `<h1>Sidan finns inte</h1><p>Adressen finns inte i ${t}. <a href="/">Gå till startsidan</a>.</p>`,
    `<div lang="en"><h2>Page not found</h2><p>This address does not exist in ${t}. <a href="/">Go to the start page</a>.</p></div>`,
    '</main></body></html>',
  ].join('')
}

/** The file under `root` that `path` names, if there is one (never outside `root`). */
async function fileFor(root: string, path: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return null
  }
  const wanted = normalize(join(root, decoded))
  if (!wanted.startsWith(root + sep)) return null
  return (await stat(wanted).catch(() => null))?.isFile() ? wanted : null
}

/**
 * Serves a built single-page UI for every non-API path: `/robots.txt` (no indexing),
 * the build's files as they are (hashed `assets/` cached for a year), `index.html` for
 * the UI's own pages (`routes`), and 404 for anything else. While the UI is not built,
 * its pages answer 503 with a page saying which command builds it. Register it last.
 * (Every response of the app carries `X-Robots-Tag: noindex`: see `createApi`.)
 */
export function serveUi(app: OpenAPIHono<KitEnv>, options: UiOptions): void {
  const root = resolve(options.dir)
  const index = join(root, 'index.html')
  app.get('/robots.txt', (c) => c.text(ROBOTS_TXT, 200, { 'cache-control': 'public, max-age=86400' }))
  app.get('*', async (c) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path === '/api') return c.notFound()
    const file = path === '/' ? null : await fileFor(root, path)
    if (file) {
      const immutable = file.startsWith(join(root, 'assets') + sep)
      return c.body(new Uint8Array(await readFile(file)), 200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
    }
    if (!isUiRoute(path, options.routes)) return c.html(notFoundPage(options.title), 404)
    if (!existsSync(index)) {
      return c.html(
        `<!doctype html><html lang="en"><title>${escapeHtml(
          options.title,
        )}</title><main><h1>The UI is not built</h1><p>Run <code>${escapeHtml(
          options.buildCommand,
        )}</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></main></html>`,
        503,
      )
    }
    return c.body(new Uint8Array(await readFile(index)), 200, { 'content-type': HTML, 'cache-control': 'no-cache' })
  })
}
