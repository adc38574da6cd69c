/**
 * Builds the widget's public files:
 *
 *   widget/vbe-info.js            the embed bundle (@vbe/ui + preact/compat), ESM, minified
 *   widget/i18n/<lang>.json       one file of UI texts per language, loaded on demand
 *   widget/districts/<id>.json    one district's contacts (shared + own, ordered, sourced), signed
 *   widget/manifest.json          sizes and SRI hashes of the above, for the snippet generator
 *   demo/…, generator/…, assets/… the demo host pages and the snippet generator page
 *   tillganglighet/…              the accessibility statement (Swedish; en.html English)
 *
 * District files are signed (ECDSA P-256, `signing.ts`); the public key is built into
 * vbe-info.js, which fetches its district's current file from beside itself and shows
 * only what verifies. So contact data changes centrally without changing the script (or
 * its SRI hash): the same key and UI texts give the same vbe-info.js. The language files'
 * SRI hashes are built into the script too. A snippet may carry the first screen's files
 * inline (the signed district file and the language's texts, as published), so the
 * widget can show before its request returns.
 */
import { createHash, type KeyObject } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { stockholmDay } from '@vbe/core/calendar'
import type { DistrictPlugin } from '@vbe/core/plugins'
import { LANGUAGES, fallbackChain, missingKeys, type Language } from '@vbe/ui'
import { messages } from '@vbe/ui/messages'
import { allPublishedContacts, districtContent, districtPlugins } from './content.js'
import { checkFreshness, isRelease } from './freshness.js'
import { makeSnippet } from './snippet.js'
import { publicKeyRaw, resolveSigningKey, signDistrict, SigningKeyError } from './signing.js'
import { demoIndexPage, demoDistrictPage, generatorPage, pagesCss } from './pages/html.js'
import { statementPageEn, statementPageSv } from './pages/statement.js'

/** When the accessibility statement was first written, and when it was last reviewed against the widget and the generator. */
export const STATEMENT_WRITTEN = '2026-12-05'
export const STATEMENT_REVIEWED = '2026-12-06'

/** The statement's feedback route until the city names one: a development build only. */
const PLACEHOLDER_FEEDBACK_URL = 'https://start.stockholm/'

export class FeedbackRouteError extends Error {
  override readonly name = 'FeedbackRouteError'
}

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Subresource Integrity value: sha384 for the script tag, as browsers and CDNs expect. */
export const sri = (content: string | Uint8Array, algorithm: 'sha256' | 'sha384' = 'sha384'): string =>
  `${algorithm}-${createHash(algorithm).update(content).digest('base64')}`
/** Gzipped size at zlib's default level, which is what most servers use. */
export const gzipBytes = (content: string | Uint8Array): number => gzipSync(content).length

/** How preact/compat stands in for React in the embed bundle. */
export const preactAliases = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react-dom/client': 'preact/compat/client',
} as const

export interface BuildOptions {
  readonly outDir: string
  readonly plugins?: readonly DistrictPlugin[]
  /** The date freshness is judged against; today in Stockholm by default. */
  readonly today?: string
  /** Release rules: stale contact data fails the build. Default: VBE_RELEASE=1. */
  readonly release?: boolean
  readonly log?: (line: string) => void
  /** The key district files are signed with; from the environment (see signing.ts) when absent. */
  readonly signingKey?: KeyObject
  /** The signing time written into district files; now by default. */
  readonly issued?: Date
  /**
   * The accessibility statement's feedback route; VBE_WIDGET_FEEDBACK_URL, else (development
   * builds only) the city's start page. A release build without one fails.
   */
  readonly feedbackUrl?: string
}

export interface FileInfo {
  readonly integrity: string
  readonly bytes: number
  readonly gzip: number
}

export interface BuildResult {
  readonly outDir: string
  readonly files: Readonly<Record<string, FileInfo>>
  readonly warnings: readonly string[]
}

export class StaleDataError extends Error {
  override readonly name = 'StaleDataError'
}

export async function buildWidget(options: BuildOptions): Promise<BuildResult> {
  const plugins = options.plugins ?? districtPlugins
  const log = options.log ?? ((line: string) => console.warn(line))
  const release = options.release ?? isRelease()
  const freshness = checkFreshness(allPublishedContacts(plugins), { today: options.today ?? stockholmDay(new Date()), release })
  for (const m of freshness.messages) log(m)
  if (!freshness.ok)
    throw new StaleDataError(
      `Release check failed: ${freshness.stale.length} contact(s) last verified more than 12 months ago:\n${freshness.messages.join('\n')}`,
    )

  const feedbackUrl = options.feedbackUrl ?? (process.env['VBE_WIDGET_FEEDBACK_URL'] || undefined)
  if (!feedbackUrl && release)
    throw new FeedbackRouteError(
      'A release build needs VBE_WIDGET_FEEDBACK_URL: the accessibility statement must name a real feedback route (lag 2018:1937), not the placeholder',
    )

  let signingKey = options.signingKey
  if (!signingKey) {
    const resolved = await resolveSigningKey()
    if (resolved.development && release)
      throw new SigningKeyError('A release build needs VBE_WIDGET_SIGNING_KEY or VBE_WIDGET_SIGNING_KEY_FILE, not the development key')
    if (resolved.development) log(`warning: district files are signed with the development key ${resolved.from}`)
    signingKey = resolved.key
  }

  const out = options.outDir
  await rm(out, { recursive: true, force: true })
  await mkdir(join(out, 'widget/i18n'), { recursive: true })
  await mkdir(join(out, 'widget/districts'), { recursive: true })
  const files: Record<string, FileInfo> = {}
  const write = async (path: string, content: string | Uint8Array) => {
    await mkdir(dirname(join(out, path)), { recursive: true })
    await writeFile(join(out, path), content)
    if (path.startsWith('widget/'))
      files[path.slice('widget/'.length)] = { integrity: sri(content), bytes: Buffer.byteLength(content), gzip: gzipBytes(content) }
    return content
  }

  // The language files' hashes are built into vbe-info.js and count against its size
  // budget; sha256 (still a strong SRI hash) keeps each 20 characters shorter.
  const dataHashes: Record<string, string> = {}
  for (const lang of LANGUAGES) {
    const path = `i18n/${lang}.json`
    dataHashes[path] = sri(await write(`widget/${path}`, JSON.stringify(messages[lang])), 'sha256')
  }
  // Fetched by the widget; the snippet generator inlines one into each snippet.
  const districts = plugins.map((p) => districtContent(p))
  const signed = new Map<string, string>()
  for (const d of districts) {
    const text = signDistrict(d, signingKey, options.issued)
    signed.set(d.id, text)
    await write(`widget/districts/${d.id}.json`, text)
  }
  const bundle = await build({
    entryPoints: [join(appRoot, 'src/element/vbe-info.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    conditions: ['@vbe/source'],
    alias: preactAliases,
    // V8's explicit compile hint (Chrome 136+; to other engines it is just a comment):
    // compile every function while the script streams in, off the main thread, rather
    // than on its first call during the first render. Measured: ~3 ms less main-thread
    // time before the first paint (of ~21), for 20 bytes gzipped.
    banner: { js: '//# allFunctionsCalledOnLoad' },
    define: {
      __VBE_FILES__: JSON.stringify(dataHashes),
      __VBE_KEY__: JSON.stringify(publicKeyRaw(signingKey)),
      __VBE_INCOMPLETE__: JSON.stringify(LANGUAGES.filter((l) => missingKeys(messages[l]).length > 0)),
      'process.env.NODE_ENV': '"production"',
    },
    logLevel: 'silent',
  })
  const js = bundle.outputFiles[0]?.contents
  if (!js) throw new Error('esbuild produced no output')
  await write('widget/vbe-info.js', js)
  const integrity = files['vbe-info.js']?.integrity ?? ''

  const generator = await build({
    entryPoints: [join(appRoot, 'src/pages/generator.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    conditions: ['@vbe/source'],
    logLevel: 'silent',
  })
  await write('assets/generator.js', generator.outputFiles[0]?.contents ?? '')
  await write('assets/pages.css', pagesCss)

  const chain = (lang: Language) => fallbackChain(lang).map((l) => [l, messages[l]] as const)
  for (const d of districts) {
    const snippet = makeSnippet({
      scriptUrl: '/widget/vbe-info.js',
      integrity,
      district: d,
      districtFile: signed.get(d.id) ?? '',
      lang: 'sv',
      messages: chain('sv'),
    })
    await write(`demo/${d.id}.html`, demoDistrictPage(d, snippet))
  }
  await write('demo/index.html', demoIndexPage(districts))
  await write('generator/index.html', generatorPage(districts))
  const statement = { feedbackUrl: feedbackUrl ?? PLACEHOLDER_FEEDBACK_URL, written: STATEMENT_WRITTEN, reviewed: STATEMENT_REVIEWED }
  await write('tillganglighet/index.html', statementPageSv(statement))
  await write('tillganglighet/en.html', statementPageEn(statement))
  await write(
    'widget/manifest.json',
    JSON.stringify({ integrity, files, districts: districts.map((d) => ({ id: d.id, name: d.name })), languages: LANGUAGES }, null, 2),
  )
  return { outDir: out, files, warnings: freshness.messages }
}
