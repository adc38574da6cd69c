/**
 * `@vbe/server-kit/documents`: the printable documents both apps produce (decision
 * letters, committee papers). HTML is rendered from a model with React's server renderer
 * (`renderHtmlDocument`), so user text is escaped by construction; PDF is written with
 * `PdfWriter` over pdfkit (A4, standard fonts, tagged, page numbers).
 */
export { BASE_PRINT_CSS, FieldList, Lines, Paragraphs, renderHtmlDocument, type DocumentField, type HtmlDocumentOptions } from './html.js'
export { PDF_FONTS, PdfWriter, type PdfField, type PdfListItem, type PdfTable, type PdfTextOptions, type PdfWriterOptions } from './pdf.js'
export { pdfSafeText } from './pdf-text.js'
export { textParagraphs } from './paragraphs.js'
export { readPdfText } from './pdf-read.js'
