import { PdfWriter, textParagraphs } from '@vbe/server-kit/documents'
import { paperModel, type ExportInput } from './model.js'

const line = (f: { readonly label: string; readonly value: string }) => `${f.label}: ${f.value}`

export interface PlanPdfOptions {
  /** Compress the page streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean
}

/** The committee paper as a PDF (A4, tagged, with title, language and page numbers), from the same model as the HTML. */
export function planPdf(input: ExportInput, options: PlanPdfOptions = {}): Promise<Uint8Array> {
  const m = paperModel(input)
  const w = new PdfWriter({
    lang: m.lang === 'sv' ? 'sv-SE' : 'en-GB',
    title: m.title,
    author: 'VBE plan editor',
    creator: '@vbe/plan-editor',
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  })
  const s = m.situation
  w.heading(1, m.title).paragraph(m.status, { bold: true })
  w.heading(2, m.contact.heading).paragraph(m.contact.text)
  w.heading(2, s.heading)
  for (const p of textParagraphs(s.summary)) w.paragraph(p)
  if (s.localProblem) w.lead(`${s.localProblem.label} `, `${s.localProblem.meta}: ${s.localProblem.summary}`)
  if (s.sources.length) w.paragraph(`${s.sourcesHeading}:`, { gapAfter: 0.15 }).list(s.sources.map((text) => ({ text })))
  if (m.sections) {
    w.heading(2, m.sections.heading)
    for (const sec of m.sections.items) {
      w.heading(3, sec.heading)
      for (const p of textParagraphs(sec.text)) w.paragraph(p)
    }
  }
  w.heading(2, m.activities.heading)
  for (const a of m.activities.items) {
    w.heading(3, a.heading)
    for (const p of textParagraphs(a.description)) w.paragraph(p)
    w.list([
      ...a.facts.map((f) => ({ text: line(f) })),
      { text: a.classification.map(line).join(' · ') },
      ...a.risks.map((r) => ({ text: line(r) })),
    ])
    if (a.indicators) w.table({ header: a.indicators.header, rows: a.indicators.rows, widths: [3, 1.2, 1.6, 1.6, 1.6, 0.7, 0.7, 0.7] })
  }
  w.heading(2, m.coverage.heading).list(m.coverage.items.map((text) => ({ text })))
  w.heading(2, m.findings.heading)
  if (m.findings.items.length === 0) w.paragraph(m.findings.none)
  else w.list(m.findings.items.map((f) => ({ text: `${f.severity}: ${f.message}` })))
  return w.end((n, of) => `${m.title} · ${m.page(n, of)}`)
}
