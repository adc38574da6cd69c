/*
 * Decision letters, as printable HTML and as PDF, in Swedish or English. Both are
 * rendered from one letter model (`letterModel`), so they carry the same content: the
 * city and district, date, case, recipient, the decision in words with amounts, the
 * officer's reasons, who decided and who approved, and the screening explanation from
 * `explainStructured` in @vbe/core/grants, which ends with how to appeal.
 */
export type { DecisionKind, LetterInput, LetterLocale, LetterPdfOptions } from './input.js'
export { letterModel, screeningModel, type LetterModel, type ScreeningModel } from './model.js'
export { renderLetterHtml } from './html.js'
export { renderLetterPdf } from './pdf.js'
