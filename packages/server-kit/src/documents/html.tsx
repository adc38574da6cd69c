/** @jsxRuntime automatic @jsxImportSource react */
import { Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { textParagraphs } from './paragraphs.js'

/*
 * Printable HTML documents (decision letters, committee papers), rendered from a model
 * with React's server renderer: every text is a React text node or attribute, so user
 * text is escaped by construction. The document has no scripts and loads nothing: its
 * Content-Security-Policy allows only the inline style sheet.
 */

/** What every printed document shares: A4 pages, readable type, headings kept with what follows them. */
export const BASE_PRINT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #6b6b6b; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: .6rem 0 .2rem; }
p { margin: 0 0 .6rem; }
dl { margin: 0 0 1rem; }
dl div { display: flex; flex-wrap: wrap; gap: 0 .75rem; padding: .15rem 0; }
dt { font-weight: 700; flex: 0 0 16rem; }
dd { margin: 0; }
ol, ul { margin: 0 0 .8rem; padding-left: 1.5rem; }
li { margin-bottom: .4rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #6b6b6b; padding: .25rem .4rem; text-align: left; vertical-align: top; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, tr, dl div { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

export interface HtmlDocumentOptions {
  /** The document's language, `sv` or `en`. */
  readonly lang: string
  /** The `<title>`: what a browser tab, a saved file and a screen reader announce first. */
  readonly title: string
  /** Style sheet added after `BASE_PRINT_CSS`. It is our own constant text, never user text. */
  readonly css?: string
}

/**
 * A complete HTML document: `<!doctype html>`, `<html lang>`, charset, viewport, a
 * Content-Security-Policy that allows no scripts and no external resources, the title,
 * the print style sheet, and `body` inside `<body>`.
 */
export function renderHtmlDocument(options: HtmlDocumentOptions, body: ReactNode): string {
  const css = `${BASE_PRINT_CSS}${options.css ?? ''}`
  if (/<\/style/i.test(css)) throw new Error('a document style sheet must not close its <style> element')
  const markup = renderToStaticMarkup(
    <html lang={options.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta httpEquiv="Content-Security-Policy" content={CSP} />
        <meta name="referrer" content="no-referrer" />
        <title>{options.title}</title>
        <style>{css}</style>
      </head>
      <body>{body}</body>
    </html>,
  )
  return `<!doctype html>\n${markup}\n`
}

export interface DocumentField {
  readonly label: string
  readonly value: string
  /** A machine-readable date (YYYY-MM-DD) for `<time>`, when the value is one. */
  readonly datetime?: string
}

/** Label–value pairs as a description list, one `<div>` per pair; a date value in `<time>`. */
export function FieldList({ fields, className }: { readonly fields: readonly DocumentField[]; readonly className?: string }) {
  return (
    <dl className={className}>
      {fields.map((f, i) => (
        <div key={i}>
          <dt>{f.label}</dt>
          <dd>
            {f.datetime !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(f.datetime) ? <time dateTime={f.datetime}>{f.value}</time> : f.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** A text with line breaks, each line a text node and `<br/>` between them. */
export function Lines({ text }: { readonly text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}

/** A user's text as paragraphs: a blank line starts a new `<p>`, a single line break is kept as `<br/>`. Never read as markup. */
export function Paragraphs({ text, className }: { readonly text: string; readonly className?: string }) {
  return (
    <>
      {textParagraphs(text).map((p, i) => (
        <p key={i} className={className}>
          <Lines text={p} />
        </p>
      ))}
    </>
  )
}
