/**
 * The bench's pages and the server that serves them, built from one widget build:
 *
 * - widget: the demo page as built (signed first-screen data inline in the snippet);
 * - minimal: the minimal snippet (the script and a bare element, no fallback list, no data);
 * - static: the widget's rendered markup set into the same shadow root with the same sheet
 *   by a script that does nothing else (written by `writeStaticScript` from a live widget);
 * - baseline: the contact list as a static <div> and a one-line module script.
 *
 * Each page exists twice: as built (for Playwright, which injects `PROBE`) and
 * self-reporting (for Chromium on its own: an inline script, allowed by its hash, measures
 * the page, posts its figures to `/bench/result` and goes on to the page the server names).
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { Browser } from 'playwright-core'
import { widgetCss } from '@vbe/ui'
import { STRICT_CSP, createApp } from '@vbe/info-widget/server'

export interface Page {
  readonly name: 'widget' | 'minimal' | 'static' | 'baseline'
  readonly label: string
  readonly path: string
  readonly script: string
  readonly html: string
}

/** What one page load reports (milliseconds from navigation start). */
export interface Sample {
  scriptLoaded: number
  visible: number
  painted: number
  fcp: number
  jsonRequests: number
  viewport: string
}

export interface BenchPages {
  readonly pages: readonly Page[]
  readonly demoPage: string
  readonly snippet: string
  readonly inlineTemplate: string
}

const sha256 = (content: string) => `sha256-${createHash('sha256').update(content).digest('base64')}`

/** The four pages, made from the demo page of the build in `outDir`. */
export async function makePages(outDir: string): Promise<BenchPages> {
  const demoPage = await readFile(join(outDir, 'demo/rinkeby-kista.html'), 'utf8')
  const snippet = /<script type="module" src="\/widget\/vbe-info\.js"[^]*?<\/vbe-info>/.exec(demoPage)?.[0] ?? ''
  const inlineTemplate = /<template>[^]*?<\/template>/.exec(snippet)?.[0] ?? ''
  // minimal: the snippet from the original design, with this build's script and no data of its own
  const minimalPage = demoPage.replace(
    snippet,
    '<script type="module" src="/widget/vbe-info.js"></script>\n<vbe-info district="rinkeby-kista" lang="sv"></vbe-info>',
  )
  // baseline: the contact list as a static <div>, and a module script that only says "ready"
  await mkdir(join(outDir, 'bench'), { recursive: true })
  await writeFile(join(outDir, 'bench/probe.js'), `document.dispatchEvent(new Event('vbe-info-ready'))\n`)
  const fallbackDiv = /<vbe-info[^>]*>\n([^]*?)\n<template>/.exec(snippet)?.[1] ?? ''
  const baselinePage = demoPage.replace(snippet, `<script type="module" src="/bench/probe.js"></script>\n${fallbackDiv}`)
  // static: the same snippet, with a script (written by writeStaticScript, once the
  // widget's markup is known) that only attaches the shadow root, adopts the sheet and sets the markup
  const staticPage = demoPage.replace(
    /<script type="module" src="\/widget\/vbe-info\.js" integrity="[^"]*"/,
    '<script type="module" src="/bench/static.js"',
  )
  if (!inlineTemplate || !fallbackDiv || minimalPage === demoPage || baselinePage === demoPage || staticPage === demoPage)
    throw new Error('bench: the demo page no longer has the expected snippet')
  const pages: Page[] = [
    {
      name: 'widget',
      label: 'widget, first-screen data inline (this build)',
      path: '/bench/widget.html',
      script: '/widget/vbe-info.js',
      html: demoPage,
    },
    {
      name: 'minimal',
      label: 'minimal snippet: signed data fetched, verified',
      path: '/bench/minimal.html',
      script: '/widget/vbe-info.js',
      html: minimalPage,
    },
    {
      name: 'static',
      label: 'static: same shadow markup + sheet, no JS work',
      path: '/bench/static.html',
      script: '/bench/static.js',
      html: staticPage,
    },
    {
      name: 'baseline',
      label: 'baseline: static <div> + one-line module script',
      path: '/bench/baseline.html',
      script: '/bench/probe.js',
      html: baselinePage,
    },
  ]
  return { pages, demoPage, snippet, inlineTemplate }
}

/**
 * The in-page measurement, the same in both set-ups: `vbe-info-ready` → the next frame
 * ("visible") → a message posted from that frame ("painted"); then `done`, which only
 * reports, so nothing else runs in the page while it is measured.
 */
const probe = (done: string) => `(() => {
  const m = (window.__vbeBench = {});
  document.addEventListener('vbe-info-ready', () => {
    m.ready = performance.now();
    requestAnimationFrame(() => {
      m.visible = performance.now();
      const c = new MessageChannel();
      c.port1.onmessage = () => { m.painted = performance.now(); ${done} };
      c.port2.postMessage(0);
    });
  }, { once: true });
})()`
/** Reads a Sample in the page once the probe is done (the script's path as its argument). */
export const COLLECT = `async (script) => {
  const fcp = await new Promise((resolve) => {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') resolve(e.startTime) }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(NaN), 2000);
  });
  const m = window.__vbeBench;
  const resources = performance.getEntriesByType('resource');
  const s = resources.find((e) => new URL(e.name).pathname === script);
  return { scriptLoaded: s ? s.responseEnd : NaN, visible: m.visible, painted: m.painted, fcp, jsonRequests: resources.filter((e) => e.name.endsWith('.json')).length, viewport: innerWidth + 'x' + innerHeight + '@' + devicePixelRatio };
}`
/** Playwright's init script: marks the trace and tells the harness by a console message. */
export const PROBE = probe(`performance.mark('vbe-bench-painted'); console.debug('vbe-bench-done')`)
// The same pages for Chromium on its own (no automation protocol): each measures itself
// with an inline script (allowed by its hash, and by nothing else: the policy is still
// the strict one for everything the widget loads), posts its figures to the bench
// server and goes on to the page the server names next.
const SELF_REPORT = probe(
  `(${COLLECT})(document.documentElement.dataset.benchScript).then((sample) => fetch('/bench/result', { method: 'POST', body: JSON.stringify(sample) })).then((r) => r.text()).then((next) => { if (next) location.replace(next) })`,
)
const selfReportCsp = STRICT_CSP.replace("default-src 'self';", `default-src 'self'; script-src 'self' '${sha256(SELF_REPORT)}';`)
const selfReporting = (p: Page) =>
  p.html
    .replace('<html lang="sv">', `<html lang="sv" data-bench-script="${p.script}">`)
    .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<script>${SELF_REPORT}</script>`)
/** The self-reporting copy of a page (for Chromium on its own). */
export const directPath = (p: Page): string => p.path.replace('.html', '.direct.html')

export interface BenchServer {
  readonly port: number
  /** http://127.0.0.1:port */
  readonly origin: string
  /** Set by a run of Chromium on its own: takes a page's figures and names the next page ('' when done). */
  onResult: ((sample: Sample) => string) | undefined
  close(): void
}

/**
 * Serves the build in `outDir` and the pages, listening on every address (a socket bound
 * to 127.0.0.1 takes no other loopback address: each load in set-up A has a loopback
 * address, so a site, of its own) but answering loopback clients only.
 */
export async function startServer(outDir: string, pages: readonly Page[]): Promise<BenchServer> {
  for (const p of pages) if (selfReporting(p) === p.html) throw new Error('bench: the demo page no longer has the expected head')
  const app = createApp({
    root: outDir,
    pages: Object.fromEntries([
      ...pages.map((p) => [p.path, { html: p.html }]),
      ...pages.map((p) => [directPath(p), { html: selfReporting(p), csp: selfReportCsp }]),
    ]),
  })
  const handle: { onResult: BenchServer['onResult'] } = { onResult: undefined }
  app.post('/bench/result', async (c) => c.text(handle.onResult?.(JSON.parse(await c.req.text()) as Sample) ?? ''))
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (request: Request, env: { incoming: { socket: { remoteAddress?: string | undefined } } }) =>
          /^(127\.|::ffff:127\.|::1$)/.test(env.incoming.socket.remoteAddress ?? '')
            ? app.fetch(request, env)
            : new Response('Forbidden', { status: 403 }),
        port: 0,
        hostname: '0.0.0.0',
      },
      () => resolve(s),
    )
  })
  const port = (server.address() as AddressInfo).port
  return Object.assign(handle, { port, origin: `http://127.0.0.1:${port}`, close: () => void server.close() })
}

/** Writes `bench/static.js` from the markup a live widget renders on the widget page. */
export async function writeStaticScript(browser: Browser, origin: string, outDir: string): Promise<void> {
  const context = await browser.newContext()
  try {
    const tab = await context.newPage()
    await tab.goto(origin + '/bench/widget.html')
    const markup = await tab.waitForFunction(
      () => document.querySelector('vbe-info')?.shadowRoot?.querySelector('section')?.parentElement?.outerHTML,
    )
    await writeFile(
      join(outDir, 'bench/static.js'),
      `const s=document.querySelector('vbe-info').attachShadow({mode:'open'}),c=new CSSStyleSheet();c.replaceSync(${JSON.stringify(widgetCss)});s.adoptedStyleSheets=[c];s.innerHTML=${JSON.stringify(await markup.jsonValue())};document.dispatchEvent(new Event('vbe-info-ready'))\n`,
    )
  } finally {
    await context.close()
  }
}
