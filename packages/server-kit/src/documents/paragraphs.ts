/**
 * A user's text as paragraphs, the same in every document, HTML (`Paragraphs`) and PDF: line
 * ends made `\n`, a blank line (spaces allowed) starts a new paragraph, each paragraph trimmed,
 * empty ones left out. A single line break stays inside its paragraph. Never read as markup.
 */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
