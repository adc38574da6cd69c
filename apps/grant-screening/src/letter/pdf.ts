import { PdfWriter } from '@vbe/server-kit/documents'
import type { LetterPdfOptions } from './input.js'
import type { LetterModel } from './model.js'

/** The decision letter as a PDF (A4, standard Helvetica, tagged, with title, language and page numbers), from the same model as the HTML. */
export function renderLetterPdf(m: LetterModel, options: LetterPdfOptions = {}): Promise<Uint8Array> {
  const w = new PdfWriter({
    lang: m.pdfLang,
    title: m.documentTitle,
    author: `${m.city}, ${m.authority}`,
    subject: `${m.title}: ${m.decisionKind}`,
    creator: m.city,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  })

  w.paragraph(m.city, { bold: true, size: 14, gapAfter: 0 })
  w.paragraph(m.formerly === null ? m.authority : `${m.authority} ${m.formerly}`, { gapAfter: 0.2 })
  w.rule()
  w.heading(1, m.title).fields(m.meta)
  if (m.revision) w.lead(`${m.revision.kind}. `, m.revision.text)
  w.heading(2, m.recipientHeading).fields(m.recipient)
  w.heading(2, m.decisionHeading).lead(`${m.decisionKind}. `, m.decisionSentence, { size: 11.5 })
  w.fields(m.amounts)
  if (m.conditions.length > 0) {
    w.heading(3, m.conditionsHeading)
    w.list(m.conditions.map((text) => ({ text })))
  }
  w.heading(2, m.reasonsHeading)
  w.paragraph(m.reasonsLaw)
  if (m.facts.length > 0) {
    w.heading(3, m.factsHeading)
    w.list(
      m.facts.map((f) => ({ text: f.heading, bold: true, body: () => void w.paragraph(f.text) })),
      { ordered: true },
    )
  }
  if (m.assessment.length > 0) {
    w.heading(3, m.assessmentHeading)
    if (m.assessmentQuote) w.paragraph(m.assessmentQuote.note, { italic: true })
    for (const p of m.assessment) w.paragraph(p, m.assessmentQuote ? { lang: m.assessmentQuote.lang } : {})
  }
  w.heading(3, m.provisionsHeading)
  w.list(m.provisions.map((text) => ({ text })))
  w.heading(2, m.appealHeading)
  w.paragraph(m.appeal)
  w.heading(2, m.signaturesHeading).fields(m.signatures)
  if (m.fourEyes !== null) w.paragraph(m.fourEyes)
  w.space(0.8)
  w.paragraph(m.otherLanguage.text, { italic: true, lang: m.otherLanguage.lang })
  if (w.replaced) w.paragraph(m.replaced, { italic: true })
  return w.end((page, of) => m.footer.replace('{n}', String(page)).replace('{of}', String(of)))
}
