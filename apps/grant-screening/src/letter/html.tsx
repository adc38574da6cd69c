/** @jsxRuntime automatic @jsxImportSource react */
import { FieldList, Lines, renderHtmlDocument } from '@vbe/server-kit/documents'
import type { LetterModel } from './model.js'

/** What the letter adds to the shared print style sheet. */
const LETTER_CSS = `
header.masthead { border-bottom: 2px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.masthead p { margin: 0; }
.masthead .city { font-size: 1.25rem; font-weight: 700; }
.decision { font-size: 1.1rem; }
.revision { border-left: 4px solid #1a1a1a; padding-left: .75rem; }
li > p.item-title { margin-bottom: .2rem; }
.reasons { overflow-wrap: anywhere; }
.other-language { margin-top: 2rem; font-style: italic; }
.quoted { font-style: italic; }
@media print { .item-title { break-after: avoid; page-break-after: avoid; } }
`

function Reasons({ m }: { readonly m: LetterModel }) {
  return (
    <section aria-labelledby="reasons" className="reasons">
      <h2 id="reasons">{m.reasonsHeading}</h2>
      <p>{m.reasonsLaw}</p>
      {m.facts.length === 0 ? null : (
        <>
          <h3>{m.factsHeading}</h3>
          <ol>
            {m.facts.map((f, i) => (
              <li key={i}>
                <p className="item-title">
                  <strong>{f.heading}</strong>
                </p>
                <p>{f.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
      {m.assessment.length === 0 ? null : (
        <>
          <h3>{m.assessmentHeading}</h3>
          {m.assessmentQuote ? <p className="quoted">{m.assessmentQuote.note}</p> : null}
          <div lang={m.assessmentQuote?.lang}>
            {m.assessment.map((p, i) => (
              <p key={i}>
                <Lines text={p} />
              </p>
            ))}
          </div>
        </>
      )}
      <h3>{m.provisionsHeading}</h3>
      <ul>
        {m.provisions.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </section>
  )
}

function Letter({ m }: { readonly m: LetterModel }) {
  return (
    <div className="page">
      <header className="masthead">
        <p className="city">{m.city}</p>
        <p className="authority">
          {m.authority}
          {m.formerly === null ? null : ` ${m.formerly}`}
        </p>
      </header>
      <main>
        <h1>{m.title}</h1>
        <FieldList fields={m.meta} className="meta" />
        {m.revision ? (
          <p className="revision">
            <strong>{m.revision.kind}.</strong> {m.revision.text}
          </p>
        ) : null}
        <section aria-labelledby="recipient">
          <h2 id="recipient">{m.recipientHeading}</h2>
          <FieldList fields={m.recipient} className="recipient" />
        </section>
        <section aria-labelledby="decision">
          <h2 id="decision">{m.decisionHeading}</h2>
          <p className="decision">
            <strong>{m.decisionKind}.</strong> {m.decisionSentence}
          </p>
          <FieldList fields={m.amounts} className="amounts" />
          {m.conditions.length === 0 ? null : (
            <>
              <h3>{m.conditionsHeading}</h3>
              <ul>
                {m.conditions.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <Reasons m={m} />
        <section aria-labelledby="appeal">
          <h2 id="appeal">{m.appealHeading}</h2>
          <p>{m.appeal}</p>
        </section>
        <section aria-labelledby="signatures">
          <h2 id="signatures">{m.signaturesHeading}</h2>
          <FieldList fields={m.signatures} className="signatures" />
          {m.fourEyes === null ? null : <p>{m.fourEyes}</p>}
        </section>
        <p className="other-language" lang={m.otherLanguage.lang}>
          {m.otherLanguage.text}
        </p>
      </main>
    </div>
  )
}

/** The decision letter as a complete, printable HTML document with no external resources. */
export function renderLetterHtml(m: LetterModel): string {
  return renderHtmlDocument({ lang: m.htmlLang, title: m.documentTitle, css: LETTER_CSS }, <Letter m={m} />)
}
