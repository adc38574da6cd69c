/** @jsxRuntime automatic @jsxImportSource react */
import { FieldList, Lines, renderHtmlDocument } from '@vbe/server-kit/documents'
import type { LetterInput } from './input.js'
import { letterModel, type LetterModel, type ScreeningItem, type ScreeningModel, type ScreeningSection } from './model.js'

/** What the letter adds to the shared print style sheet. */
const LETTER_CSS = `
header.masthead { border-bottom: 2px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.masthead p { margin: 0; }
.masthead .city { font-size: 1.25rem; font-weight: 700; }
.decision { font-size: 1.1rem; }
.lead { font-weight: 700; }
li > p.item-title { margin-bottom: .2rem; }
.explanation { overflow-wrap: anywhere; }
.other-language { margin-top: 2rem; font-style: italic; }
@media print { .item-title { break-after: avoid; page-break-after: avoid; } }
`

function Item({ item }: { readonly item: ScreeningItem }) {
  if (!item.finding) return <li>{item.text}</li>
  return (
    <li>
      <p className="item-title">
        <strong>{item.text}</strong>
      </p>
      <p>{item.finding.reason}</p>
      <h4 className="sub">{item.finding.sourcesHeading}</h4>
      <ul>
        {item.finding.sources.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
    </li>
  )
}

function Section({ section, index }: { readonly section: ScreeningSection; readonly index: number }) {
  const id = `screening-${index}`
  const items = section.items.map((item, i) => <Item key={i} item={item} />)
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{section.heading}</h3>
      {section.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {items.length === 0 ? null : section.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
    </section>
  )
}

function Screening({ screening, heading }: { readonly screening: ScreeningModel; readonly heading: string }) {
  return (
    <section aria-labelledby="screening" className="explanation">
      <h2 id="screening">{heading}</h2>
      <p className="lead">{screening.title}</p>
      {screening.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {screening.sections.map((s, i) => (
        <Section key={i} section={s} index={i + 1} />
      ))}
      <p className="ruleset">{screening.closing}</p>
    </section>
  )
}

function Letter({ m }: { readonly m: LetterModel }) {
  const t = m.t
  return (
    <div className="page">
      <header className="masthead">
        <p className="city">{m.city}</p>
        <p className="district">{m.district}</p>
      </header>
      <main>
        <h1>{m.title}</h1>
        <FieldList fields={m.meta} className="meta" />
        <section aria-labelledby="recipient">
          <h2 id="recipient">{t.recipient}</h2>
          <FieldList fields={m.recipient} className="recipient" />
        </section>
        <section aria-labelledby="decision">
          <h2 id="decision">{t.decision}</h2>
          <p className="decision">
            <strong>{m.decisionKind}.</strong> {m.decisionSentence}
          </p>
          <FieldList fields={m.amounts} className="amounts" />
        </section>
        <section aria-labelledby="reasons">
          <h2 id="reasons">{t.reasons}</h2>
          {m.reasons.map((p, i) => (
            <p key={i}>
              <Lines text={p} />
            </p>
          ))}
        </section>
        <section aria-labelledby="signatures">
          <h2 id="signatures">{t.signatures}</h2>
          <FieldList fields={m.signatures} className="signatures" />
          {m.fourEyes ? <p>{t.fourEyes}</p> : null}
        </section>
        <Screening screening={m.screening} heading={t.screening} />
        <p className="other-language" lang={t.otherLanguage.lang}>
          {t.otherLanguage.text}
        </p>
      </main>
    </div>
  )
}

/** The decision letter as a complete, printable HTML document with no external resources. */
export function renderLetterHtml(input: LetterInput): string {
  const m = letterModel(input)
  return renderHtmlDocument({ lang: m.t.htmlLang, title: m.documentTitle, css: LETTER_CSS }, <Letter m={m} />)
}
