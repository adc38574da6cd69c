/** @jsxRuntime automatic @jsxImportSource react */
import { Paragraphs, renderHtmlDocument, type DocumentField } from '@vbe/server-kit/documents'
import { paperModel, type ExportInput, type PaperActivity, type PaperModel, type PaperTable } from './model.js'

/** What the committee paper adds to the shared print style sheet. */
const PAPER_CSS = `
.paper-head { border-bottom: 3px double #1a1a1a; margin-bottom: 1rem; }
.status { font-weight: 700; border: 2px solid #1a1a1a; padding: .25rem .5rem; display: inline-block; }
.author-text { border-left: 4px solid #595959; padding: .1rem 0 .1rem .75rem; margin: .5rem 0 1rem; }
.author-text p { margin: .25rem 0; }
.local-problem strong { font-weight: 700; }
.table-scroll { overflow-x: auto; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
`

const line = (f: DocumentField) => `${f.label}: ${f.value}`

function Table({ table, caption }: { readonly table: PaperTable; readonly caption: string }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * Text an author wrote, in a delimited box labelled as theirs: none of its lines can pass for
 * the paper's own headings or status ("Status: antagen" inside it is a line of the district's text).
 */
function AuthorText({ text, label }: { readonly text: string; readonly label: string }) {
  if (!text.trim()) return null
  return (
    <div className="author-text" role="group" aria-label={label}>
      <Paragraphs text={text} />
    </div>
  )
}

function Activity({ a, label }: { readonly a: PaperActivity; readonly label: string }) {
  return (
    <section>
      <h3>{a.heading}</h3>
      <AuthorText text={a.description} label={label} />
      <ul>
        {a.facts.map((f, i) => (
          <li key={i}>{line(f)}</li>
        ))}
        <li>{a.classification.map(line).join(' · ')}</li>
        {a.risks.map((r, i) => (
          <li key={`r${i}`}>{line(r)}</li>
        ))}
      </ul>
      {a.indicators ? <Table table={a.indicators} caption={`${a.indicators.header[0] ?? ''} – ${a.heading}`} /> : null}
    </section>
  )
}

function Paper({ m }: { readonly m: PaperModel }) {
  const s = m.situation
  return (
    <main className="page">
      {/* The title and status come from the model only, above and outside every author's text. */}
      <header className="paper-head">
        <h1>{m.title}</h1>
        <p className="status">{m.status}</p>
      </header>
      <h2>{m.contact.heading}</h2>
      <p>{m.contact.text}</p>
      <h2>{s.heading}</h2>
      <AuthorText text={s.summary} label={m.authorText} />
      {s.localProblem ? (
        <div className="author-text" role="group" aria-label={m.authorText}>
          <p className="local-problem">
            <strong>{s.localProblem.label}</strong> {s.localProblem.meta}: {s.localProblem.summary}
          </p>
        </div>
      ) : null}
      {s.sources.length ? (
        <>
          <p>{s.sourcesHeading}:</p>
          <ul>
            {s.sources.map((src, i) => (
              <li key={i}>{src}</li>
            ))}
          </ul>
        </>
      ) : null}
      {m.sections ? (
        <>
          <h2>{m.sections.heading}</h2>
          {m.sections.items.map((sec, i) => (
            <section key={i}>
              <h3>{sec.heading}</h3>
              <AuthorText text={sec.text} label={m.authorText} />
            </section>
          ))}
        </>
      ) : null}
      <h2>{m.activities.heading}</h2>
      {m.activities.items.map((a, i) => (
        <Activity key={i} a={a} label={m.authorText} />
      ))}
      <h2>{m.coverage.heading}</h2>
      <ul>
        {m.coverage.items.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      <h2>{m.findings.heading}</h2>
      {m.findings.items.length === 0 ? (
        <p>{m.findings.none}</p>
      ) : (
        <ul>
          {m.findings.items.map((f, i) => (
            <li key={i}>
              <strong>{f.severity}</strong> {f.message}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

/** Print-ready HTML for the committee paper (no scripts, no external resources), rendered from the paper model. */
export function planHtml(input: ExportInput): string {
  const m = paperModel(input)
  return renderHtmlDocument({ lang: m.lang, title: m.title, css: PAPER_CSS }, <Paper m={m} />)
}
