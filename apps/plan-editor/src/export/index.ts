/*
 * The committee paper: a plan version as Markdown, print-ready HTML and PDF, all three
 * rendered from one paper model; and the redline between two versions as Markdown.
 */
export type { Lang } from './texts.js'
export { paperModel, type ExportInput, type PaperModel } from './model.js'
export { planMarkdown, redlineMarkdown } from './markdown.js'
export { planHtml } from './html.js'
export { planPdf, type PlanPdfOptions } from './pdf.js'
