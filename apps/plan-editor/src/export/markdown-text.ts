/*
 * Plan text in Markdown, shown as the same text and never read as markup: an author's
 * `<img src=…>`, `[link](javascript:…)`, `![](https://tracker…)`, `# heading` or `**bold**`
 * arrive in the export as the characters they typed, not as HTML, links, images or
 * structure.
 */

/** Characters that start inline Markdown (emphasis, code, links, images, tables, strike-through) or HTML. */
const INLINE = /[\\`*_[\]<>&|~!]/g
const ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' }
/** What starts a block at the beginning of a line: a heading, quote, list item, setext underline or numbered item. */
const LINE_START = /^(\s*)(#|>|-|\+|=|\d+[.)])/

/** Escapes one line: HTML characters as entities, other Markdown punctuation with a backslash. */
function escapeLine(line: string): string {
  const inline = line.replace(INLINE, (ch) => ENTITY[ch] ?? `\\${ch}`)
  return inline.replace(LINE_START, (_all, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`)
}

/** Text that may run over several lines (a summary, a section answer), as Markdown paragraphs showing it as written. */
export function markdownBlock(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\n')
}

/** Text inside a heading, a list item or a table cell: on one line, as written. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '))
}
