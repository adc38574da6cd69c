import { letterModel, type Field } from './model.js'
import { type ExplanationBlock } from './explanation.js'
import { type LetterInput } from './texts.js'

// ---------------------------------------------------------------------------------------
// HTML

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>')

function fieldsHtml(fields: readonly Field[], className: string): string {
  const rows = fields.map((f) => {
    const value = f.datetime !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(f.datetime) ? `<time datetime="${escapeHtml(f.datetime)}">${escapeHtml(f.value)}</time>` : escapeHtml(f.value)
    return `<div><dt>${escapeHtml(f.label)}</dt><dd>${value}</dd></div>`
  })
  return `<dl class="${className}">${rows.join('')}</dl>`
}

function blocksHtml(blocks: readonly ExplanationBlock[], depth: number): string {
  return blocks
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`
      if (b.kind === 'heading') return `<h${depth} class="sub">${escapeHtml(b.text)}</h${depth}>`
      const tag = b.ordered ? 'ol' : 'ul'
      const items = b.items.map((item) =>
        item.blocks.length === 0
          ? `<li>${escapeHtml(item.text)}</li>`
          : `<li><p class="item-title"><strong>${escapeHtml(item.text)}</strong></p>${blocksHtml(item.blocks, depth)}</li>`,
      )
      return `<${tag}>${items.join('')}</${tag}>`
    })
    .join('\n')
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header.masthead { border-bottom: 2px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.masthead p { margin: 0; }
.masthead .city { font-size: 1.25rem; font-weight: 700; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #6b6b6b; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: .6rem 0 .2rem; }
dl { margin: 0 0 1rem; }
dl div { display: flex; flex-wrap: wrap; gap: 0 .75rem; padding: .15rem 0; }
dt { font-weight: 700; flex: 0 0 16rem; }
dd { margin: 0; }
p { margin: 0 0 .6rem; }
.decision { font-size: 1.1rem; }
.lead { font-weight: 700; }
ol, ul { margin: 0 0 .8rem; padding-left: 1.5rem; }
li { margin-bottom: .4rem; }
li > p.item-title { margin-bottom: .2rem; }
.explanation { overflow-wrap: anywhere; }
.other-language { margin-top: 2rem; font-style: italic; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  h1, h2, h3, h4, .item-title { break-after: avoid; page-break-after: avoid; }
  li, dl div { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`

/** The decision letter as a complete, printable HTML document with no external resources. */
export function renderLetterHtml(input: LetterInput): string {
  const m = letterModel(input)
  const t = m.t
  const e = m.explanation
  const explanationSections = e.sections
    .map((s, i) =>
      s.heading === null
        ? blocksHtml(s.blocks, 4)
        : `<section aria-labelledby="screening-${i}"><h3 id="screening-${i}">${escapeHtml(s.heading)}</h3>\n${blocksHtml(s.blocks, 4)}</section>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(m.documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="masthead">
<p class="city">${escapeHtml(m.city)}</p>
<p class="district">${escapeHtml(m.district)}</p>
</header>
<main>
<h1>${escapeHtml(m.title)}</h1>
${fieldsHtml(m.meta, 'meta')}
<section aria-labelledby="recipient">
<h2 id="recipient">${escapeHtml(t.recipient)}</h2>
${fieldsHtml(m.recipient, 'recipient')}
</section>
<section aria-labelledby="decision">
<h2 id="decision">${escapeHtml(t.decision)}</h2>
<p class="decision"><strong>${escapeHtml(m.decisionKind)}.</strong> ${escapeHtml(m.decisionSentence)}</p>
${fieldsHtml(m.amounts, 'amounts')}
</section>
<section aria-labelledby="reasons">
<h2 id="reasons">${escapeHtml(t.reasons)}</h2>
${m.reasons.map((p) => `<p>${lines(p)}</p>`).join('\n')}
</section>
<section aria-labelledby="signatures">
<h2 id="signatures">${escapeHtml(t.signatures)}</h2>
${fieldsHtml(m.signatures, 'signatures')}
${m.fourEyes ? `<p>${escapeHtml(t.fourEyes)}</p>` : ''}
</section>
<section aria-labelledby="screening" class="explanation">
<h2 id="screening">${escapeHtml(t.screening)}</h2>
${e.title === null ? '' : `<p class="lead">${escapeHtml(e.title)}</p>`}
${explanationSections}
</section>
<p class="other-language" lang="${t.otherLanguage.lang}">${escapeHtml(t.otherLanguage.text)}</p>
</main>
</div>
</body>
</html>
`
}
