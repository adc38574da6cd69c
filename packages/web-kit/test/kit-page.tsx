/**
 * The kit's components as a page in Chromium, for the browser tests that look at layout
 * (table-cards, date-wrap): React's server renderer, inside the providers the apps render
 * under, in a document with the kit's stylesheet (its @imports inlined, as the apps'
 * bundler does) and a phone's viewport meta.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { defineCatalogue, I18nRoot } from '../src/i18n.js'
import { AnnouncerProvider } from '../src/live.js'
import type { Lang } from '../src/types.js'

const styles = join(dirname(fileURLToPath(import.meta.url)), '../src')
export const kitCss = readFileSync(join(styles, 'styles.css'), 'utf8').replace(/@import '\.\/(styles\/[a-z]+\.css)';/g, (_, file: string) =>
  readFileSync(join(styles, file), 'utf8'),
)
export const testCatalogue = defineCatalogue({ appName: 'Bidragsprövning' }, { appName: 'Grant screening' })

/** A whole page holding `body`, rendered in `lang`. */
export const kitPage = (lang: Lang, title: string, body: ReactNode): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${kitCss}</style></head><body>${renderToStaticMarkup(
    <I18nRoot catalogue={testCatalogue} initial={lang}>
      <AnnouncerProvider>{body}</AnnouncerProvider>
    </I18nRoot>,
  )}</body></html>`

/**
 * A page under test/fixtures, bundled for the browser (React in production mode) as one
 * script, ready to go inside an inline <script>: for tests that drive a live component.
 */
export async function fixtureScript(name: string): Promise<string> {
  const out = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), `fixtures/${name}.tsx`)],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  return (out.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script')
}
