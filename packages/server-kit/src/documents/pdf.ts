import PDFDocument from 'pdfkit'
import { pdfSafeText } from './pdf-text.js'

/*
 * A small writer over pdfkit for the documents the apps print (decision letters,
 * committee papers): A4, the standard Helvetica fonts (no font files to ship), a tagged
 * structure (headings, paragraphs, lists as L > LI > Lbl + LBody, tables), the title and
 * language in the document, page numbers as pagination artifacts. Every text goes through
 * `pdfSafeText`; `replaced` says whether a character had to be shown as ?.
 */

export const PDF_FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const
const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 }
const BODY_SIZE = 10.5
const LINE_GAP = 1.5

export interface PdfWriterOptions {
  /** The document's language (BCP 47), e.g. `sv-SE`. */
  readonly lang: string
  readonly title: string
  readonly author?: string
  readonly subject?: string
  readonly keywords?: string
  /** The program that wrote it, e.g. `@vbe/grant-screening`. */
  readonly creator: string
  /** Compress the page streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean
}

export interface PdfTextOptions {
  readonly bold?: boolean
  readonly italic?: boolean
  readonly size?: number
  /** Space after, in lines (default 0.4). */
  readonly gapAfter?: number
  /** The language of this text, when it differs from the document's. */
  readonly lang?: string
}

export interface PdfField {
  readonly label: string
  readonly value: string
}

export interface PdfListItem {
  readonly text: string
  readonly bold?: boolean
  /** What is written under the item's text, indented and inside the list item (paragraphs, nested lists). */
  readonly body?: () => void
}

export interface PdfTable {
  /** Column headings. */
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
  /** Relative column widths (default equal). */
  readonly widths?: readonly number[]
}

type Struct = PDFKit.PDFStructureElement

/** pdfkit's table options with the structure parent its tagging reads (missing from @types/pdfkit). */
interface TaggedTableOptions extends PDFKit.Mixins.TableOptionsWithData {
  readonly structParent?: Struct
}

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument
  private readonly done: Promise<Uint8Array>
  private readonly root: Struct
  private parent: Struct
  private indent = 0
  private anyReplaced = false

  constructor(options: PdfWriterOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      compress: options.compress ?? true,
      bufferPages: true,
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      info: {
        Title: options.title,
        ...(options.author === undefined ? {} : { Author: options.author }),
        ...(options.subject === undefined ? {} : { Subject: options.subject }),
        ...(options.keywords === undefined ? {} : { Keywords: options.keywords }),
        Creator: options.creator,
      },
    })
    const chunks: Buffer[] = []
    this.done = new Promise<Uint8Array>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
      this.doc.on('error', reject)
    })
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
    this.parent = this.root
  }

  /** Whether any character so far could not be shown and was written as ?. */
  get replaced(): boolean {
    return this.anyReplaced
  }

  private get left(): number {
    return MARGIN.left
  }

  private get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right
  }

  private safe(text: string): string {
    const r = pdfSafeText(text)
    if (r.replaced) this.anyReplaced = true
    return r.text
  }

  private font(o: PdfTextOptions): string {
    return o.bold ? PDF_FONTS.bold : o.italic ? PDF_FONTS.italic : PDF_FONTS.regular
  }

  private keepRoom(points: number): void {
    if (this.doc.y + points > this.doc.page.height - MARGIN.bottom) this.doc.addPage()
  }

  private add(tag: string, draw: () => void, lang?: string): void {
    this.parent.add(lang === undefined ? this.doc.struct(tag, {}, draw) : this.doc.struct(tag, { lang }, draw))
    this.doc.x = this.left
  }

  /** One paragraph (P). */
  paragraph(text: string, o: PdfTextOptions = {}): this {
    const x = this.left + this.indent
    this.add(
      'P',
      () => {
        this.doc.font(this.font(o)).fontSize(o.size ?? BODY_SIZE)
        this.doc.text(this.safe(text), x, this.doc.y, { width: this.width - this.indent, lineGap: LINE_GAP })
      },
      o.lang,
    )
    this.doc.moveDown(o.gapAfter ?? 0.4)
    return this
  }

  /** One paragraph that starts with a bold run: "Denied. The application … is denied." */
  lead(strong: string, rest: string, o: { readonly size?: number; readonly gapAfter?: number } = {}): this {
    const x = this.left + this.indent
    this.add('P', () => {
      this.doc.fontSize(o.size ?? BODY_SIZE).font(PDF_FONTS.bold)
      this.doc.text(this.safe(strong), x, this.doc.y, { width: this.width - this.indent, continued: true, lineGap: LINE_GAP })
      this.doc.font(PDF_FONTS.regular).text(this.safe(rest), { lineGap: LINE_GAP })
    })
    this.doc.moveDown(o.gapAfter ?? 0.4)
    return this
  }

  /** A heading (H1–H3), kept on the same page as a few lines of what follows it. */
  heading(level: 1 | 2 | 3, text: string): this {
    const size = level === 1 ? 18 : level === 2 ? 13.5 : 11.5
    this.doc.moveDown(level === 1 ? 0.3 : 0.6)
    this.keepRoom(size * 4)
    const x = this.left + this.indent
    this.add(`H${level}`, () => {
      this.doc.font(PDF_FONTS.bold).fontSize(size)
      this.doc.text(this.safe(text), x, this.doc.y, { width: this.width - this.indent, lineGap: LINE_GAP })
    })
    this.doc.moveDown(0.3)
    return this
  }

  /** "Label: value" lines, one paragraph each. */
  fields(list: readonly PdfField[]): this {
    for (const f of list) this.lead(`${f.label}: `, f.value, { gapAfter: 0.15 })
    this.doc.moveDown(0.3)
    return this
  }

  /** A list (L > LI > Lbl + LBody); an item's `body` is written indented inside the item. */
  list(items: readonly PdfListItem[], o: { readonly ordered?: boolean } = {}): this {
    const list = this.doc.struct('L')
    this.parent.add(list)
    const outer = this.parent
    items.forEach((item, i) => {
      const li = this.doc.struct('LI')
      list.add(li)
      this.keepRoom(30)
      const y = this.doc.y
      const x = this.left + this.indent
      li.add(
        this.doc.struct('Lbl', {}, () => {
          this.doc
            .font(o.ordered ? PDF_FONTS.bold : PDF_FONTS.regular)
            .fontSize(BODY_SIZE)
            .text(o.ordered ? `${i + 1}.` : '•', x, y, { width: 16, lineBreak: false })
        }),
      )
      li.add(
        this.doc.struct('LBody', {}, () => {
          this.doc.font(item.bold ? PDF_FONTS.bold : PDF_FONTS.regular).fontSize(BODY_SIZE)
          this.doc.text(this.safe(item.text), x + 18, y, { width: this.width - this.indent - 18, lineGap: LINE_GAP })
        }),
      )
      this.doc.x = this.left
      this.doc.moveDown(0.25)
      if (item.body) {
        this.parent = li
        this.indent += 18
        try {
          item.body()
        } finally {
          this.indent -= 18
          this.parent = outer
        }
      }
      li.end()
    })
    list.end()
    return this
  }

  /** A table with column headings (TH) and data cells (TD), tagged; rows break across pages. */
  table(t: PdfTable): this {
    const cell = (text: string, header: boolean) => ({
      text: this.safe(text),
      type: header ? ('TH' as const) : ('TD' as const),
      font: { family: header ? PDF_FONTS.bold : PDF_FONTS.regular, size: 9 },
    })
    const total = (t.widths ?? t.header.map(() => 1)).reduce((a, b) => a + b, 0)
    const width = this.width - this.indent
    const options: TaggedTableOptions = {
      position: { x: this.left + this.indent, y: this.doc.y },
      maxWidth: width,
      columnStyles: (t.widths ?? t.header.map(() => 1)).map((w) => (w / total) * width),
      defaultStyle: { border: 0.5, borderColor: '#555555', padding: [3, 4, 3, 4] },
      data: [t.header.map((h) => cell(h, true)), ...t.rows.map((r) => r.map((c) => cell(c, false)))],
      structParent: this.parent,
    }
    this.keepRoom(40)
    this.doc.table(options)
    this.doc.x = this.left
    this.doc.moveDown(0.6)
    return this
  }

  /** A full-width line, as a layout artifact. */
  rule(): this {
    const y = this.doc.y
    this.doc.markContent('Artifact', { type: 'Layout' })
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(1.2)
      .stroke()
    this.doc.endMarkedContent()
    this.doc.moveDown(0.8)
    return this
  }

  /** Vertical space, in lines. */
  space(lines: number): this {
    this.doc.moveDown(lines)
    return this
  }

  /** Writes `footer(page, of)` at the foot of every page as a pagination artifact, ends the document and gives its bytes. */
  end(footer?: (page: number, of: number) => string): Promise<Uint8Array> {
    this.root.end()
    const range = this.doc.bufferedPageRange()
    if (footer) {
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i)
        const bottom = this.doc.page.margins.bottom
        this.doc.page.margins.bottom = 0
        this.doc.markContent('Artifact', { type: 'Pagination' })
        this.doc
          .font(PDF_FONTS.regular)
          .fontSize(9)
          .text(this.safe(footer(i - range.start + 1, range.count)), this.left, this.doc.page.height - bottom + 24, {
            width: this.width,
            align: 'center',
            lineBreak: false,
          })
        this.doc.endMarkedContent()
        this.doc.page.margins.bottom = bottom
      }
    }
    this.doc.end()
    return this.done
  }
}
