/** @jsxRuntime automatic @jsxImportSource react */
import { Paragraphs, renderHtmlDocument, type DocumentField } from '@vbe/server-kit/documents'
import { paperModel, type ExportInput, type PaperActivity, type PaperModel, type PaperTable } from './model.js'

/** What the committee paper adds to the shared print style sheet. */
const PAPER_CSS = `
.status { font-weight: 700; }
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

function Activity({ a }: { readonly a: PaperActivity }) {
  return (
    <section>
      <h3>{a.title}</h3>
      <Paragraphs text={a.description} />
      <ul>
        {a.facts.map((f, i) => (
          <li key={i}>{line(f)}</li>
        ))}
        <li>{a.classification.map(line).join(' · ')}</li>
        {a.risks.map((r, i) => (
          <li key={`r${i}`}>{line(r)}</li>
        ))}
      </ul>
      {a.indicators ? <Table table={a.indicators} caption={`${a.indicators.header[0] ?? ''}: ${a.title}`} /> : null}
    </section>
  )
}

function Paper({ m }: { readonly m: PaperModel }) {
  const s = m.situation
  return (
    <main className="page">
      <h1>{m.title}</h1>
      <p className="status">{m.status}</p>
      <h2>{m.contact.heading}</h2>
      <p>{m.contact.text}</p>
      <h2>{s.heading}</h2>
      <Paragraphs text={s.summary} />
      {s.localProblem ? (
        <p className="local-problem">
          <strong>{s.localProblem.label}</strong> {s.localProblem.meta}: {s.localProblem.summary}
        </p>
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
              <Paragraphs text={sec.text} />
            </section>
          ))}
        </>
      ) : null}
      <h2>{m.activities.heading}</h2>
      {m.activities.items.map((a, i) => (
        <Activity key={i} a={a} />
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
