
// ---------------------------------------------------------------------------------------
// The explanation: explain's plain text as sections, paragraphs and lists

export type ExplanationBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ExplanationItem[] }

export interface ExplanationItem {
  readonly text: string
  /** Indented lines under the item: its reason, a "Sources:" heading and their list. */
  readonly blocks: ExplanationBlock[]
}

export interface ExplanationSection {
  /** The heading without its ':'; null for the text before the first heading. */
  readonly heading: string | null
  readonly blocks: ExplanationBlock[]
}

export interface ParsedExplanation {
  /** The first line (which application was screened, and on which date). */
  readonly title: string | null
  readonly sections: ExplanationSection[]
}

const ORDERED_ITEM = /^(\d+)[.)]\s+(.*)$/
const BULLET_ITEM = /^[-•*]\s+(.*)$/
const isHeading = (line: string) => line.endsWith(':') && line.length <= 80 && !BULLET_ITEM.test(line) && !ORDERED_ITEM.test(line)

function addItem(blocks: ExplanationBlock[], ordered: boolean, text: string, open: boolean): ExplanationItem {
  const item: ExplanationItem = { text, blocks: [] }
  const last = blocks[blocks.length - 1]
  if (open && last?.kind === 'list' && last.ordered === ordered) last.items.push(item)
  else blocks.push({ kind: 'list', ordered, items: [item] })
  return item
}

/**
 * Reads the plain text of `explain`: the first line is the title; a line ending in ':'
 * starts a section; `1. …` lines are numbered findings whose indented lines belong to
 * them; `- …` lines are bullet points; every other line is a paragraph.
 */
export function parseExplanation(text: string): ParsedExplanation {
  const sections: ExplanationSection[] = [{ heading: null, blocks: [] }]
  let title: string | null = null
  let item: ExplanationItem | null = null
  let listOpen = false
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    const section = sections[sections.length - 1]!
    if (line === '') {
      item = null
      listOpen = false
      continue
    }
    const indented = /^\s/.test(raw)
    if (indented && item !== null) {
      const bullet = BULLET_ITEM.exec(line)
      if (bullet) {
        const last = item.blocks[item.blocks.length - 1]
        if (last?.kind === 'list' && !last.ordered) last.items.push({ text: bullet[1]!, blocks: [] })
        else item.blocks.push({ kind: 'list', ordered: false, items: [{ text: bullet[1]!, blocks: [] }] })
      } else if (isHeading(line)) item.blocks.push({ kind: 'heading', text: line.slice(0, -1) })
      else item.blocks.push({ kind: 'paragraph', text: line })
      continue
    }
    const ordered = ORDERED_ITEM.exec(line)
    const bullet = BULLET_ITEM.exec(line)
    if (ordered) {
      item = addItem(section.blocks, true, ordered[2]!, listOpen)
      listOpen = true
    } else if (bullet) {
      item = addItem(section.blocks, false, bullet[1]!, listOpen)
      listOpen = true
    } else {
      item = null
      listOpen = false
      if (title === null && sections.length === 1 && section.blocks.length === 0) title = line
      else if (isHeading(line)) sections.push({ heading: line.slice(0, -1), blocks: [] })
      else section.blocks.push({ kind: 'paragraph', text: line })
    }
  }
  return { title, sections: sections.filter((s) => s.heading !== null || s.blocks.length > 0) }
}
