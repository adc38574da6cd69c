/** Decision letters, as printable HTML and as PDF, in Swedish or English, from one letter model. */
export {
  parseExplanation,
  type ExplanationBlock,
  type ExplanationItem,
  type ExplanationSection,
  type ParsedExplanation,
} from './explanation.js'
export { escapeHtml, renderLetterHtml } from './html.js'
export { pdfSafeText, renderLetterPdf } from './pdf.js'
export type { LetterInput, LetterPdfOptions } from './texts.js'
