import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { Browser } from 'playwright-core'
import { launchChromium as launch } from '@vbe/test-browser'
import { defineDistrictPlugin, type DistrictPlugin } from '@vbe/core/plugins'
import { fallbackChain, type Language } from '@vbe/ui'
import { messages } from '@vbe/ui/messages'
import { buildWidget, type BuildResult } from '../src/build.js'
import { districtContent, districtPlugins } from '../src/content.js'
import { createApp, type ExtraPage } from '../src/server/app.js'
import { generateSigningKey } from '../src/signing.js'
import { makeSnippet } from '../src/snippet.js'

/** Debian's Chromium, headless. Fails (never skips) with what to install when it is missing. */
export const launchChromium = (): Promise<Browser> => launch("the widget's browser tests")

/**
 * A district made up for tests only, with weekday opening hours (no real district contact
 * publishes hours). Its source is a reserved example domain.
 */
export const fixturePlugin: DistrictPlugin = defineDistrictPlugin({
  id: 'test-fixture',
  name: { sv: 'Teststadsdel', en: 'Test district' },
  contacts: [
    {
      id: 'test-fixture-entry',
      kind: 'municipal-entry',
      name: { sv: 'Teststadsdelens förvaltning', en: 'Test district administration' },
      phone: '08-000 00 000',
      hours: {
        summary: { sv: 'Vardagar 08–16, stängt helgdagar', en: 'Weekdays 08–16, closed on public holidays' },
        weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:00' }],
        closedOnPublicHolidays: true,
      },
      audience: { sv: 'Test.', en: 'Test.' },
      source: { url: 'https://example.org/test-district', verifiedOn: '2026-11-01' },
    },
  ],
})

export interface TestSite {
  readonly origin: string
  readonly build: BuildResult
  readonly key: KeyObject
  snippet(district: string, lang: Language, attrs?: string): string
  /** Builds again into the same folder, with the same key: what a release with new contact data does. */
  rebuild(plugins: readonly DistrictPlugin[]): Promise<BuildResult>
  close(): Promise<void>
}

/**
 * Builds the widget (real districts + the test fixture, signed with a key made for the
 * test) and serves it on a random loopback port. Snippets carry the published, signed
 * district file inline, as the generator makes them.
 */
export async function startSite(pages: (site: Pick<TestSite, 'snippet'>) => Record<string, ExtraPage>): Promise<TestSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'vbe-widget-'))
  let plugins: readonly DistrictPlugin[] = [...districtPlugins, fixturePlugin]
  const key = generateSigningKey()
  let build = await buildWidget({ outDir, plugins, log: () => {}, signingKey: key })
  const integrity = build.files['vbe-info.js']?.integrity ?? ''
  const snippet = (district: string, lang: Language, attrs = '') => {
    const plugin = plugins.find((p) => p.id === district)
    if (!plugin) throw new Error(district)
    return makeSnippet({
      scriptUrl: '/widget/vbe-info.js',
      integrity,
      district: districtContent(plugin),
      districtFile: readFileSync(join(outDir, `widget/districts/${district}.json`), 'utf8'),
      lang,
      messages: fallbackChain(lang).map((l) => [l, messages[l]] as const),
    }).replace('<vbe-info ', `<vbe-info ${attrs} `)
  }
  const app = createApp({ root: outDir, pages: pages({ snippet }) })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    get build() {
      return build
    },
    key,
    snippet,
    rebuild: async (next) => {
      plugins = next
      build = await buildWidget({ outDir, plugins: next, log: () => {}, signingKey: key })
      return build
    },
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()))
      await rm(outDir, { recursive: true, force: true })
    },
  }
}

export const hostPage = (body: string, head = '', lang = 'sv') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host page</title>${head}</head><body><main><h1>Host page</h1>${body}</main></body></html>`
