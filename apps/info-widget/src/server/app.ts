import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { Hono } from 'hono'

/** The policy the demo pages are served with: what a strict district site would send. */
export const STRICT_CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'self'"

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

export interface ExtraPage {
  readonly html: string
  /** The Content-Security-Policy header; STRICT_CSP when absent, none when null. */
  readonly csp?: string | null
}

export interface AppOptions {
  /** The build output folder (dist). */
  readonly root: string
  /** Extra pages by path, for tests: hostile host pages and the like. */
  readonly pages?: Readonly<Record<string, ExtraPage>>
}

/**
 * A tiny static server for the widget's files and its demo pages. It sets no cookies.
 * Widget files may be embedded from any origin (CORS, for SRI with crossorigin); pages
 * are served under a strict CSP.
 */
export function createApp(options: AppOptions): Hono {
  const root = resolve(options.root)
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
  })
  app.get('/', (c) => c.redirect('/demo/'))
  for (const [path, p] of Object.entries(options.pages ?? {})) {
    app.get(path, (c) => {
      if (p.csp !== null) c.header('Content-Security-Policy', p.csp ?? STRICT_CSP)
      c.header('Cache-Control', 'no-store')
      return c.html(p.html)
    })
  }
  app.get('*', async (c) => {
    let path: string
    try {
      path = decodeURIComponent(c.req.path)
    } catch {
      return c.text('Bad request', 400)
    }
    if (path.endsWith('/')) path += 'index.html'
    const file = resolve(root, `.${path}`)
    if (!file.startsWith(root + sep) || path.includes('\0')) return c.text('Not found', 404)
    try {
      if (!(await stat(file)).isFile()) return c.text('Not found', 404)
    } catch {
      return c.text('Not found', 404)
    }
    const body = await readFile(file)
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    c.header('Content-Type', type)
    c.header('Cache-Control', 'no-cache')
    if (path.startsWith('/widget/')) {
      c.header('Access-Control-Allow-Origin', '*')
      c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    }
    if (type.startsWith('text/html')) c.header('Content-Security-Policy', STRICT_CSP)
    return c.body(body)
  })
  return app
}
