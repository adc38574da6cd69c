/*
 * Decision letters, as printable HTML and as PDF, in Swedish or English. Both are
 * rendered from one letter model (`letterModel`), which is plain data: the issuing
 * committee by its name on the letter's date, the case number in the authority's own
 * format, the decision with its amount and conditions, the reasons (the provisions applied
 * and the decisive facts, from core's `explainStructured`), how to appeal for the
 * programme, and who decided and approved by name and title. At signing the model is
 * frozen (`freezeLetter`); an issued letter is rendered from the frozen model.
 */
export type { DecisionKind, LetterInput, LetterLocale, LetterPdfOptions, Signatory } from './input.js'
export { letterModel, letterModels, type LetterFact, type LetterModel, type LetterModels } from './model.js'
export { renderLetterHtml } from './html.js'
export { renderLetterPdf } from './pdf.js'
export { caseNumberOf, freezeLetter, issuedLetter, letterPreview, relevantEvidenceOf, signatoryOf, type Letter } from './issue.js'
export { authorityLine, issuingAuthority } from './authority.js'
