import { PdfWriter } from '@vbe/server-kit/documents'
import type { LetterInput, LetterPdfOptions } from './input.js'
import { letterModel, type ScreeningModel } from './model.js'

function writeScreening(w: PdfWriter, s: ScreeningModel): void {
  w.paragraph(s.title, { bold: true })
  for (const p of s.paragraphs) w.paragraph(p)
  for (const section of s.sections) {
    w.heading(3, section.heading)
    for (const p of section.paragraphs) w.paragraph(p)
    if (section.items.length === 0) continue
    w.list(
      section.items.map((item) => {
        const finding = item.finding
        if (!finding) return { text: item.text }
        return {
          text: item.text,
          bold: true,
          body: () => {
            w.paragraph(finding.reason)
            w.paragraph(finding.sourcesHeading, { bold: true, gapAfter: 0.15 })
            w.list(finding.sources.map((text) => ({ text })))
          },
        }
      }),
      { ordered: section.ordered },
    )
  }
  w.paragraph(s.closing)
}

/** The decision letter as a PDF (A4, standard Helvetica, tagged, with title, language and page numbers). */
export function renderLetterPdf(input: LetterInput, options: LetterPdfOptions = {}): Promise<Uint8Array> {
  const m = letterModel(input)
  const t = m.t
  const w = new PdfWriter({
    lang: t.pdfLang,
    title: m.documentTitle,
    author: `${m.city}, ${m.district}`,
    subject: `${t.title}: ${m.decisionKind}`,
    keywords: `${t.caseId} ${m.caseId}, ${m.programmeId}`,
    creator: '@vbe/grant-screening',
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  })

  w.paragraph(m.city, { bold: true, size: 14, gapAfter: 0 })
  w.paragraph(m.district, { gapAfter: 0.2 })
  w.rule()
  w.heading(1, m.title).fields(m.meta)
  w.heading(2, t.recipient).fields(m.recipient)
  w.heading(2, t.decision).lead(`${m.decisionKind}. `, m.decisionSentence, { size: 11.5 })
  w.fields(m.amounts)
  w.heading(2, t.reasons)
  for (const p of m.reasons) w.paragraph(p)
  w.heading(2, t.signatures).fields(m.signatures)
  if (m.fourEyes) w.paragraph(t.fourEyes)
  w.heading(2, t.screening)
  writeScreening(w, m.screening)
  w.space(0.8)
  w.paragraph(t.otherLanguage.text, { italic: true, lang: t.otherLanguage.lang })
  if (w.replaced) w.paragraph(t.replaced, { italic: true })
  return w.end((page, of) => `${m.city} · ${t.caseId} ${m.caseId} · ${t.page(page, of)}`)
}
